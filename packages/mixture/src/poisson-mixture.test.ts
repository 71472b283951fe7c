import { describe, expect, it } from 'vitest';
import { fitPoissonMixture } from './poisson-mixture.js';
import { expectAbs, expectClose, fixtureJson } from './test-helpers.js';

const ref = fixtureJson<{
  poisson_k3: { y: number[]; pro: number[]; lambda: number[]; loglik: number; iterations: number };
}>('mixture_reference.json').poisson_k3;

describe('Poisson mixture, K = 3 (R textbook EM on simulated counts)', () => {
  it('reproduces R em_pois from the same start: iterations, parameters, logLik', () => {
    const fit = fitPoissonMixture(ref.y, {
      K: 3,
      start: { weights: [1 / 3, 1 / 3, 1 / 3], lambdas: [1, 5, 10] },
      control: { criterion: 'params', tol: 1e-14, maxIter: 100_000 },
    });
    expect(fit.converged).toBe(true);
    // Same stopping rule (max abs change < 1e-14): the count may differ by one through rounding.
    expect(Math.abs(fit.iterations - ref.iterations)).toBeLessThanOrEqual(1);
    for (let k = 0; k < 3; k++) {
      // At a change < 1e-14 per step with contraction ~0.9, both are within ~1e-12 of the MLE.
      expectAbs(fit.params.weights[k]!, ref.pro[k]!, 1e-10);
      expectClose(fit.params.lambdas[k]!, ref.lambda[k]!, 1e-10);
    }
    // logLik includes -log y! (as dpois); 1e-10 absolute on a sum of 400 terms.
    expectAbs(fit.logLik, ref.loglik, 1e-10);
    expect(fit.df).toBe(5);
  });

  it('k-means++ starts find the same MLE (1e-6) and classify', () => {
    const fit = fitPoissonMixture(ref.y, { K: 3, seed: 3, control: { tol: 1e-13 } });
    expectAbs(fit.logLik, ref.loglik, 1e-6);
    expectClose(fit.params.lambdas[2]!, ref.lambda[2]!, 1e-5);
    expect(fit.classification.length).toBe(400);
  });

  it('rejects non-integer counts', () => {
    expect(() => fitPoissonMixture([1, 2.5, 3], { K: 1 })).toThrow(/entry 1 is 2.5/);
  });
});
