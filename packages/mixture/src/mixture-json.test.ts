import { describe, expect, it } from 'vitest';
import { fitGaussianMixture1d } from './fit-gaussian-1d.js';
import { fitGaussianMixture } from './fit-gaussian-mv.js';
import { mixtureToJson } from './mixture-json.js';
import { faithful } from './test-helpers.js';

describe('mixtureToJson (CLI contract)', () => {
  const f = faithful();
  it('univariate: weights, means, variances, logLik, bic, iterations, converged', () => {
    const fit = fitGaussianMixture1d(f.eruptions, { K: 2 });
    const j = mixtureToJson(fit);
    expect(j.model).toBe('V');
    expect(j.variances).toEqual(Array.from(fit.params.variances));
    expect(j.bic).toBe(fit.bic);
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });
  it('multivariate: mean vectors and covariance matrices as rows', () => {
    const fit = fitGaussianMixture(
      Array.from(f.eruptions, (e, i) => [e, f.waiting[i]!]),
      { K: 2, model: 'EEE', restarts: 1 },
    );
    const j = mixtureToJson(fit);
    expect(j.covariances![0]![0]!.length).toBe(2);
    expect(j.covariances![0]![1]![0]).toBe(fit.params.covariances[0]!.data[1]);
    expect((j.means as number[][])[1]![1]).toBe(fit.params.means.data[3]);
  });
});
