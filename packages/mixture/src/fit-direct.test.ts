import { describe, expect, it } from 'vitest';
import { fitGaussianMixture1dDirect } from './fit-direct.js';
import { fitGaussianMixture1d } from './fit-gaussian-1d.js';
import { expectAbs, expectClose, faithful, fixtureJson } from './test-helpers.js';

const tb = fixtureJson<{
  textbook_em: { lambda: number[]; mu: number[]; sigma: number[]; loglik: number };
}>('mixtools_faithful_eruptions_k2.json').textbook_em;

describe('direct maximization (BFGS, @likelihood/optim) vs EM on faithful eruptions', () => {
  const y = faithful().eruptions;
  const start = { weights: [0.5, 0.5], means: [2, 4], variances: [1, 1] };

  it('"V": same MLE as textbook EM (logLik 1e-9, parameters 1e-5)', () => {
    const d = fitGaussianMixture1dDirect(y, { K: 2, start });
    expect(d.convergence).toBe(0);
    // BFGS stops on reltol 1e-12 of -l ~ 276: logLik within ~3e-10; the parameters, in a
    // quadratic bowl, within ~sqrt(1e-12 * 276 / curvature) ~ 1e-6; 1e-5 relative is stated.
    expectAbs(d.logLik, tb.loglik, 1e-9);
    for (let k = 0; k < 2; k++) {
      expectClose(d.params.weights[k]!, tb.lambda[k]!, 1e-5);
      expectClose(d.params.means[k]!, tb.mu[k]!, 1e-5);
      expectClose(Math.sqrt(d.params.variances[k]!), tb.sigma[k]!, 1e-5);
    }
  });

  it('"E": agrees with EM (logLik 1e-9)', () => {
    const d = fitGaussianMixture1dDirect(y, { K: 2, model: 'E', start });
    const em = fitGaussianMixture1d(y, { K: 2, model: 'E', start, control: { tol: 1e-14 } });
    expectAbs(d.logLik, em.logLik, 1e-9);
    expectClose(d.params.variances[0]!, em.params.variances[0]!, 1e-5);
  });
});
