import { describe, expect, it } from 'vitest';
import { fitGaussianMixture1d } from './fit-gaussian-1d.js';
import { fitGaussianMixture } from './fit-gaussian-mv.js';
import { formatMixtureFit, icl } from './format-mixture.js';
import { expectAbs, faithful, fixtureJson } from './test-helpers.js';

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
    expect(s).toContain('      -276.3600 272  5 -580.7491 -582.6');
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
    expect(s).toContain(
      'Mclust VVV (ellipsoidal, varying volume, shape and orientation) model with 2 components:',
    );
    expect(s).toContain('[,,2]');
  });
});
