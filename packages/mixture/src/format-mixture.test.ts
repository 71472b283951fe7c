import { toMatrix } from '@likelihood/linalg';
import { describe, expect, it } from 'vitest';
import { fitGaussianMixture1d } from './fit-gaussian-1d.js';
import { fitGaussianMixture } from './fit-gaussian-mv.js';
import { formatMixtureFit, icl } from './format-mixture.js';
import { expectAbs, faithful, fixture, fixtureJson } from './test-helpers.js';
import type { GaussianMixtureMvFit } from './types.js';

const mc = fixtureJson<{ icl: number; bic: number; loglik: number }>(
  'mclust_faithful_eruptions_V.json',
);

describe('formatMixtureFit (mclust summary layout)', () => {
  const f = faithful();
  const fit = fitGaussianMixture1d(f.eruptions, { K: 2, model: 'V' });

  it('prints the banner, the statistics line and the clustering table', () => {
    const s = formatMixtureFit(fit);
    const lines = s.split('\n');
    expect(lines[1]).toBe('Gaussian finite mixture model fitted by EM algorithm ');
    expect(s).toContain('Mclust V (univariate, unequal variance) model with 2 components: \n');
    expect(s).toContain(' log-likelihood   n df       BIC       ICL');
    // l = -276.36004...: R's formatReal drops the trailing zeros of -276.3600 (R 4.2:
    // print(data.frame(a = -276.36004), digits = 7) gives -276.36), so the column is
    // right-aligned under "log-likelihood" as "-276.36", not "-276.3600".
    expect(s).toContain('        -276.36 272  5 -580.7491 -582.6');
    expect(s).toContain('Clustering table:\n  1   2 \n 95 177 \n');
    expect(s).toContain('Variances:');
  });

  it("ICL equals mclust's icl() at the tight MLE (1e-6)", () => {
    // R: et <- em(x, "V", parameters = Mclust(x, G = 2, "V")$parameters, tol 1e-14), then
    // icl.Mclust's formula bic + 2 sum(C * log(z)) on et: -582.65334610892955.
    const tight = fitGaussianMixture1d(f.eruptions, { K: 2, model: 'V', control: { tol: 1e-14 } });
    expectAbs(icl(tight), -582.65334610892955, 1e-6);
    // mclust's own (early-stopped, tol 1e-5) fit reports -582.6289: its z differ.
    expectAbs(icl(tight), mc.icl, 0.03);
  });

  it('prints multivariate means and covariance blocks', () => {
    const X = Array.from(f.eruptions, (e, i) => [e, f.waiting[i]!]);
    const mv = fitGaussianMixture(X, { K: 2, model: 'VVV', restarts: 1 });
    const s = formatMixtureFit(mv);
    // mclust 6.0.0's mclustModelNames("VVV")$type, wrapped by catwrap at width 80 (R 4.2:
    // print(summary(Mclust(faithful, G = 2, modelNames = "VVV"))) breaks after "with 2").
    expect(s).toContain(
      'Mclust VVV (ellipsoidal, varying volume, shape, and orientation) model with 2\ncomponents: \n',
    );
    expect(s).toContain('[,,2]');
  });
});

/** mclust's own fit, written by fixtures/mclust_faithful_vvv3.R (17 significant digits). */
interface MclustFit {
  n: number;
  df: number;
  loglik: number;
  bic: number;
  icl: number;
  pro: number[];
  mean: number[];
  sigma: number[][];
  z: number[];
  classification: number[];
  names: string[];
}

/** The mclust fit as a `GaussianMixtureMvFit` (its parameters, posterior and classification). */
function fromMclust(r: MclustFit): GaussianMixtureMvFit {
  const K = r.pro.length;
  const d = r.mean.length / K;
  const covariances = r.sigma.map((S) => ({ rows: d, cols: d, data: Float64Array.from(S) }));
  return {
    K,
    n: r.n,
    logLik: r.loglik,
    df: r.df,
    bic: -r.bic,
    bicMclust: r.bic,
    iterations: 0,
    converged: true,
    trace: [],
    posterior: { rows: r.n, cols: K, data: Float64Array.from(r.z) },
    classification: Int32Array.from(r.classification, (c) => c - 1),
    runs: [],
    warnings: [],
    model: 'VVV',
    params: {
      weights: Float64Array.from(r.pro),
      means: { rows: d, cols: K, data: Float64Array.from(r.mean) },
      covariances,
    },
    covariances: covariances.map(toMatrix),
  };
}

describe('formatMixtureFit: print(summary(Mclust(faithful, G = 3, "VVV"), parameters = TRUE))', () => {
  const r = fixtureJson<MclustFit>('mclust_faithful_vvv3.json');
  const expected = fixture('mclust_faithful_vvv3.txt').replace(/\n$/, '').split('\n');

  it("reproduces R's text line by line (columns formatted one by one, as formatReal)", () => {
    const lines = formatMixtureFit(fromMclust(r), { variableNames: r.names }).split('\n');
    // Exact text: the printer is the product. Line by line, so a failure names the line.
    for (let i = 0; i < expected.length; i++)
      expect(`${i}: ${lines[i]}`).toBe(`${i}: ${expected[i]}`);
    expect(lines.length).toBe(expected.length);
    // ICL from R's own posterior and classification: mclust's icl() to 1e-9 (sum of 272 logs).
    expectAbs(icl(fromMclust(r)), r.icl, 1e-9);
  });

  it('labels unnamed variables [1,], [2,] as R prints a matrix without dimnames', () => {
    const s = formatMixtureFit(fromMclust(r));
    expect(s).toContain(
      'Means:\n          [,1]      [,2]      [,3]\n[1,]  4.126443  2.036284  4.327924\n',
    );
    expect(s).toContain(
      '[,,1]\n          [,1]      [,2]\n[1,] 0.1798085  1.278687\n[2,] 1.2786867 19.301665',
    );
    expect(() => formatMixtureFit(fromMclust(r), { variableNames: ['x'] })).toThrow(
      /options.variableNames: has 1 names for 2 variables/,
    );
  });
});
