import { dense, fromRows } from '@likelihood/linalg';
import { describe, expect, it } from 'vitest';
import { MixtureDimensionError, NonFiniteDataError, TooManyComponentsError } from './errors.js';
import { dfGaussianMv, fitGaussianMixture } from './fit-gaussian-mv.js';
import { gaussianMixtureMvLogDensity } from './gaussian-mv-density.js';
import { simulateGaussianMixtureMv } from './simulate.js';
import { expectAbs, expectClose, faithful, fixtureJson } from './test-helpers.js';
import type { MultivariateModelName } from './types.js';

interface Par {
  pro: number[];
  mean: number[];
  sigma: number[];
  loglik: number;
}
const ref = fixtureJson<{
  faithful2d_G3: {
    models: Record<MultivariateModelName, { mclust: Par & { df: number }; em_tight: Par }>;
  };
}>('mixture_reference.json').faithful2d_G3.models;
const f = faithful();
const rows = Array.from(f.eruptions, (e, i) => [e, f.waiting[i]!]);
const X = fromRows(rows);

function startFrom(p: Par) {
  const K = p.pro.length;
  return {
    weights: p.pro,
    means: Array.from({ length: K }, (_, k) => [p.mean[2 * k]!, p.mean[2 * k + 1]!]),
    covariances: Array.from({ length: K }, (_, k) =>
      dense(2, 2, Float64Array.from(p.sigma.slice(4 * k, 4 * k + 4))),
    ),
  };
}

describe('faithful (2-D), G = 3: EM from mclust estimates reaches mclust em tight', () => {
  for (const model of ['EII', 'VII', 'EEE', 'VVV'] as const) {
    it(`${model}: logLik and parameters within 1e-6`, () => {
      const r = ref[model];
      const fit = fitGaussianMixture(X, {
        K: 3,
        model,
        start: startFrom(r.mclust),
        control: { criterion: 'both', tol: 1e-13, maxIter: 100_000 },
      });
      expect(fit.converged).toBe(true);
      expect(fit.df).toBe(r.mclust.df);
      // Same fixed point from the same start; 1e-6 is the tolerance (typically ~1e-9).
      expectAbs(fit.logLik, r.em_tight.loglik, 1e-6);
      for (let k = 0; k < 3; k++) {
        expectAbs(fit.params.weights[k]!, r.em_tight.pro[k]!, 1e-6);
        for (let j = 0; j < 2; j++)
          expectClose(fit.params.means.data[j + 2 * k]!, r.em_tight.mean[j + 2 * k]!, 1e-6);
        for (let t = 0; t < 4; t++)
          expectClose(fit.params.covariances[k]!.data[t]!, r.em_tight.sigma[4 * k + t]!, 1e-5);
      }
      // mclust's default stopping (1e-5) is below the tight logLik.
      expect(fit.logLik).toBeGreaterThanOrEqual(r.mclust.loglik);
      expect(fit.warnings.filter((w) => w.type !== 'squarem-fallback')).toEqual([]);
      expectClose(fit.bicMclust, 2 * fit.logLik - fit.df * Math.log(272), 1e-14);
    });
  }

  it('SQUAREM reaches the same VVV optimum (1e-6) in fewer E-steps', () => {
    const r = ref.VVV;
    const fit = fitGaussianMixture(X, {
      K: 3,
      model: 'VVV',
      start: startFrom(r.mclust),
      control: { criterion: 'loglik', tol: 1e-14, acceleration: 'squarem', maxIter: 10_000 },
    });
    expectAbs(fit.logLik, r.em_tight.loglik, 1e-6);
    expect(fit.warnings.filter((w) => w.type === 'non-monotone')).toEqual([]);
  });

  it('k-means++ starts with restarts reach at least the mclust optimum for EEE', () => {
    const fit = fitGaussianMixture(X, { K: 3, model: 'EEE', restarts: 5, control: { tol: 1e-12 } });
    // The best of 5 seeded starts attains the same (or a better) local maximum (1e-6).
    expect(fit.logLik).toBeGreaterThan(ref.EEE.em_tight.loglik - 1e-6);
    expect(fit.runs.length).toBe(5);
    expect(fit.covariances[0]!.rows).toBe(2);
    // Components are ordered by the first coordinate of their means.
    expect(fit.params.means.data[0]!).toBeLessThanOrEqual(fit.params.means.data[2]!);
  });
});

describe('simulated 3-component bivariate mixture', () => {
  it('recovers the generating parameters and the posterior sums to 1', () => {
    const truth = {
      weights: Float64Array.of(0.3, 0.5, 0.2),
      means: dense(2, 3, Float64Array.of(-4, 0, 0, 0, 4, 3)),
      covariances: [
        dense(2, 2, Float64Array.of(1, 0.5, 0.5, 1)),
        dense(2, 2, Float64Array.of(1, 0, 0, 2)),
        dense(2, 2, Float64Array.of(0.5, -0.2, -0.2, 0.5)),
      ],
    };
    const { X: Y } = simulateGaussianMixtureMv(truth, 3000, { seed: 5 });
    const fit = fitGaussianMixture(Y, { K: 3, model: 'VVV', seed: 2 });
    // Means estimated from ~600..1500 points with unit-scale covariances: SE < 0.06; 0.25 = 4 SE.
    for (let t = 0; t < 6; t++) expectAbs(fit.params.means.data[t]!, truth.means.data[t]!, 0.25);
    // Weights: SE sqrt(w(1-w)/n) <= 0.01; 0.04 = 4 SE.
    for (let k = 0; k < 3; k++) expectAbs(fit.params.weights[k]!, truth.weights[k]!, 0.04);
    const ld = gaussianMixtureMvLogDensity(Y, fit.params);
    let s = 0;
    for (const v of ld) s += v;
    // l recomputed through the density equals the EM logLik (same formula, 1e-12 relative).
    expectClose(s, fit.logLik, 1e-12);
    for (const i of [0, 10, 2999]) {
      let p = 0;
      for (let k = 0; k < 3; k++) p += fit.posterior.data[i + k * 3000]!;
      expectAbs(p, 1, 1e-14);
    }
  });
});

describe('3-D data (general-d kernel)', () => {
  it('EM logLik equals the density path and the E-step statistics are consistent', () => {
    const truth = {
      weights: Float64Array.of(0.5, 0.5),
      means: dense(3, 2, Float64Array.of(0, 0, 0, 3, -2, 1)),
      covariances: [
        dense(3, 3, Float64Array.of(1, 0.3, 0, 0.3, 1, 0.2, 0, 0.2, 1)),
        dense(3, 3, Float64Array.of(2, 0, 0.5, 0, 1, 0, 0.5, 0, 1.5)),
      ],
    };
    const { X: Y } = simulateGaussianMixtureMv(truth, 1500, { seed: 9 });
    for (const model of ['EII', 'VII', 'EEE', 'VVV'] as const) {
      const fit = fitGaussianMixture(Y, { K: 2, model, restarts: 1, control: { tol: 1e-12 } });
      let s = 0;
      for (const v of gaussianMixtureMvLogDensity(Y, fit.params)) s += v;
      // Two code paths for the same sum of 1500 log densities: 1e-12 relative.
      expectClose(s, fit.logLik, 1e-12);
      expect(fit.df).toBe(dfGaussianMv(2, 3, model));
      for (let t = 1; t < fit.trace.length; t++)
        expect(fit.trace[t]!).toBeGreaterThan(fit.trace[t - 1]! - 1e-9);
    }
  });
});

describe('df and bad input', () => {
  it("df follows mclust's counts", () => {
    expect(dfGaussianMv(3, 2, 'EII')).toBe(9);
    expect(dfGaussianMv(3, 2, 'VII')).toBe(11);
    expect(dfGaussianMv(3, 2, 'EEE')).toBe(11);
    expect(dfGaussianMv(3, 2, 'VVV')).toBe(17);
  });
  it('typed errors', () => {
    expect(() =>
      fitGaussianMixture(
        [
          [1, 2],
          [3, Number.POSITIVE_INFINITY],
        ],
        { K: 1 },
      ),
    ).toThrow(NonFiniteDataError);
    expect(() =>
      fitGaussianMixture(
        [
          [1, 2],
          [1, 2],
          [3, 4],
        ],
        { K: 3 },
      ),
    ).toThrow(TooManyComponentsError);
    expect(() => fitGaussianMixture([[1, 2], [3]], { K: 1 })).toThrow(MixtureDimensionError);
    const s = startFrom(ref.VVV.mclust);
    const asym = [...s.covariances];
    asym[1] = dense(2, 2, Float64Array.of(1, 0.5, 0.4, 1));
    expect(() => fitGaussianMixture(X, { K: 3, start: { ...s, covariances: asym } })).toThrow(
      /matrix 1 is not symmetric at \(1, 0\)/,
    );
    expect(() =>
      fitGaussianMixture(X, {
        K: 3,
        start: {
          ...s,
          means: [
            [1, 2, 3],
            [1, 2, 3],
            [1, 2, 3],
          ],
        },
      }),
    ).toThrow(/mean 0 has length 3, data have d = 2/);
  });
});
