import { describe, expect, it } from 'vitest';
import {
  InvalidWeightsError,
  MixtureDimensionError,
  NonFiniteDataError,
  TooManyComponentsError,
} from './errors.js';
import { fitGaussianMixture1d } from './fit-gaussian-1d.js';
import { expectAbs, expectClose, faithful, fixtureJson } from './test-helpers.js';

interface Uni {
  lambda: number[];
  mu: number[];
  sigma: number[];
  loglik: number;
  iterations: number;
}
const mixtools = fixtureJson<{
  textbook_em: Uni;
  loglik: number;
  lambda: number[];
  mu: number[];
  sigma: number[];
  iterations: number;
  all_loglik: number[];
}>('mixtools_faithful_eruptions_k2.json');
const mclust = fixtureJson<{
  em_tight: { pro: number[]; mean: number[]; variance: number[]; loglik: number };
  loglik: number;
  variance: number[];
  bic: number;
  bic_G1to5: { table: { data: number[][] } };
}>('mclust_faithful_eruptions_V.json');
const extra = fixtureJson<{
  textbook_trace: { trace: number[]; iterations: number };
  faithful_E_G2: { pro: number[]; mean: number[]; variance: number; loglik: number };
}>('mixture_reference.json');
const y = faithful().eruptions;
const start = { weights: [0.5, 0.5], means: [2, 4], variances: [1, 1] };

describe('faithful eruptions, K = 2, plain EM from mixtools starting values', () => {
  // Same rule as R's em_uni: stop when max |change| of (w, mu, sigma) < 1e-15.
  const fit = fitGaussianMixture1d(y, {
    K: 2,
    start,
    control: { criterion: 'params', tol: 1e-15, maxIter: 100_000 },
  });
  const tb = mixtools.textbook_em;

  it('reproduces textbook_em: iterations, parameters and logLik', () => {
    expect(fit.converged).toBe(true);
    // The stopping rule compares changes with 1e-15; rounding can shift the last step by one.
    expect(Math.abs(fit.iterations - tb.iterations)).toBeLessThanOrEqual(1);
    // The fixed point is the same; at a change < 1e-15 both are within ~1e-13 of it.
    for (let k = 0; k < 2; k++) {
      expectAbs(fit.params.weights[k]!, tb.lambda[k]!, 1e-12);
      expectAbs(fit.params.means[k]!, tb.mu[k]!, 1e-12);
      expectAbs(Math.sqrt(fit.params.variances[k]!), tb.sigma[k]!, 1e-12);
    }
    // The issue asks 1e-6 for the MLE's logLik -276.3600; 1e-11 absolute holds (sum of 272 logs).
    expectAbs(fit.logLik, tb.loglik, 1e-11);
    expectAbs(fit.logLik, -276.36, 1e-4);
  });

  it('reproduces the textbook EM trace step by step', () => {
    const trace = extra.textbook_trace.trace;
    expect(fit.trace.length).toBe(trace.length);
    // Each l(theta_t) agrees to 1e-9 absolute: the two runs do the same arithmetic up to the
    // order of summation (R fixture written with 15 significant digits).
    trace.forEach((l, t) => {
      expectAbs(fit.trace[t]!, l, 1e-9);
    });
    expect(fit.warnings).toEqual([]);
  });

  it('mixtools (modified ECM) stops at the same MLE within its 1e-8 loglik tolerance', () => {
    expectAbs(fit.logLik, mixtools.loglik, 1e-8);
  });
});

describe("faithful eruptions, mixtools' own ECM path", () => {
  it('reproduces normalmixEM: 21 iterations, all.loglik and the estimates', () => {
    const fit = fitGaussianMixture1d(y, {
      K: 2,
      start,
      algorithm: 'mixtools-ecm',
      // mixtools stops when the log-likelihood increase is below epsilon = 1e-8 (absolute).
      control: { criterion: 'loglik', logLikChange: 'absolute', tol: 1e-8 },
    });
    expect(fit.iterations).toBe(mixtools.iterations);
    expect(fit.trace.length).toBe(mixtools.all_loglik.length);
    // Same arithmetic up to summation order: every l to 1e-9 absolute.
    mixtools.all_loglik.forEach((l, t) => {
      expectAbs(fit.trace[t]!, l, 1e-9);
    });
    for (let k = 0; k < 2; k++) {
      // Estimates after the same 21 cycles: 1e-10 absolute.
      expectAbs(fit.params.weights[k]!, mixtools.lambda[k]!, 1e-10);
      expectAbs(fit.params.means[k]!, mixtools.mu[k]!, 1e-10);
      expectAbs(Math.sqrt(fit.params.variances[k]!), mixtools.sigma[k]!, 1e-10);
    }
    expectAbs(fit.logLik, mixtools.loglik, 1e-9);
  });
});

describe('faithful eruptions, mclust model "V", G = 2', () => {
  const fit = fitGaussianMixture1d(y, {
    K: 2,
    model: 'V',
    control: { criterion: 'both', tol: 1e-14, maxIter: 100_000 },
  });
  const t = mclust.em_tight;

  it('reaches mclust em_tight (tight convergence) within 1e-6 from k-means++ starts', () => {
    // The MLE is unique up to label switching; k-means++ labels the lower mean first as mclust.
    expect(fit.params.means[0]!).toBeLessThan(fit.params.means[1]!);
    expectAbs(fit.logLik, t.loglik, 1e-6);
    for (let k = 0; k < 2; k++) {
      expectClose(fit.params.weights[k]!, t.pro[k]!, 1e-6);
      expectClose(fit.params.means[k]!, t.mean[k]!, 1e-6);
      expectClose(fit.params.variances[k]!, t.variance[k]!, 1e-6);
    }
    expect(fit.runs.length).toBe(3);
  });

  it('documents that mclust default (tol 1e-5) stops early: variances ~0.5% off the MLE', () => {
    // mclust's own fit (rel. loglik tol 1e-5) is 1.3e-3 below the MLE in logLik and its
    // variances differ by 0.25..0.55 %: this is mclust stopping early, not a different optimum.
    expect(fit.logLik - mclust.loglik).toBeGreaterThan(1e-3);
    expect(fit.logLik - mclust.loglik).toBeLessThan(2e-3);
    const rel0 = Math.abs(mclust.variance[0]! / fit.params.variances[0]! - 1);
    const rel1 = Math.abs(mclust.variance[1]! / fit.params.variances[1]! - 1);
    expect(rel0).toBeGreaterThan(1e-3);
    expect(rel0).toBeLessThan(1e-2);
    expect(rel1).toBeGreaterThan(1e-3);
    expect(rel1).toBeLessThan(1e-2);
  });

  it('BIC in both sign conventions (mclust: 2l - df log n) from the tight logLik', () => {
    expect(fit.df).toBe(5);
    // Exact identities of the computed logLik (1e-12 relative).
    expectClose(fit.bicMclust, 2 * t.loglik - 5 * Math.log(272), 1e-9);
    expectClose(fit.bic, -fit.bicMclust, 1e-15);
    // mclust's printed BIC is from its early-stopped fit: ours is higher by 2 * 1.3e-3.
    expectAbs(fit.bicMclust, mclust.bic, 3e-3);
  });

  it('posterior and classification agree with the fit', () => {
    const { posterior: z, classification } = fit;
    expect(z.rows).toBe(272);
    for (const i of [0, 5, 100]) expectAbs(z.data[i]! + z.data[i + 272]!, 1, 1e-14);
    // first eruption 3.6 min -> long component (index 1), second 1.8 -> short.
    expect(classification[0]).toBe(1);
    expect(classification[1]).toBe(0);
  });
});

describe('faithful eruptions, mclust model "E", G = 2', () => {
  it('matches mclust em tight (E) within 1e-6', () => {
    const fit = fitGaussianMixture1d(y, { K: 2, model: 'E', control: { tol: 1e-14 } });
    const r = extra.faithful_E_G2;
    expectAbs(fit.logLik, r.loglik, 1e-6);
    expectClose(fit.params.variances[0]!, r.variance, 1e-6);
    expectClose(fit.params.variances[1]!, r.variance, 1e-6);
    expectClose(fit.params.means[0]!, r.mean[0]!, 1e-6);
    expect(fit.df).toBe(4);
  });
});

describe('bad input', () => {
  it('typed errors naming the argument', () => {
    expect(() => fitGaussianMixture1d([1, 2, Number.NaN], { K: 1 })).toThrow(NonFiniteDataError);
    expect(() => fitGaussianMixture1d([1, 2, Number.NaN], { K: 1 })).toThrow(/row 2/);
    expect(() => fitGaussianMixture1d([1, 1, 2, 2], { K: 3 })).toThrow(TooManyComponentsError);
    expect(() =>
      fitGaussianMixture1d(y, { K: 2, start: { ...start, weights: [0.5, 0.6] } }),
    ).toThrow(InvalidWeightsError);
    expect(() => fitGaussianMixture1d(y, { K: 2, start: { ...start, means: [1, 2, 3] } })).toThrow(
      MixtureDimensionError,
    );
    expect(() => fitGaussianMixture1d(y, { K: 0 })).toThrow(/K: must be a positive integer/);
  });
});
