import { gammaExpfam, gaussianCanonical, gaussianExpfam, poissonExpfam } from '@likelihood/expfam';
import { describe, expect, it } from 'vitest';
import { fitExpFamMixture } from './expfam-mixture.js';
import { expectAbs, expectClose, faithful, fixtureJson } from './test-helpers.js';

const mx = fixtureJson<{
  textbook_em: { lambda: number[]; mu: number[]; sigma: number[]; loglik: number };
}>('mixtools_faithful_eruptions_k2.json').textbook_em;
const pois = fixtureJson<{
  poisson_k3: { y: number[]; pro: number[]; lambda: number[]; loglik: number };
}>('mixture_reference.json').poisson_k3;

describe('mixtures of @likelihood/expfam exponential families', () => {
  it('Gaussian components in canonical form reproduce the textbook EM MLE (faithful)', () => {
    const fit = fitExpFamMixture(faithful().eruptions, gaussianExpfam(), {
      K: 2,
      start: { weights: [0.5, 0.5], thetas: [gaussianCanonical(2, 1), gaussianCanonical(4, 1)] },
      control: { tol: 1e-15 },
    });
    // EM is parametrization-invariant: same iterates as the (w, mu, sigma) EM, so the same MLE.
    expectAbs(fit.logLik, mx.loglik, 1e-9);
    const [t1, t2] = [fit.params.thetas[0]!, fit.params.thetas[1]!];
    // theta = (mu / s2, 1 / (2 s2)): mu = theta1 / (2 theta2); 1e-6 relative after tol 1e-15 on l.
    expectClose(t1[0]! / (2 * t1[1]!), mx.mu[0]!, 1e-6);
    expectClose(Math.sqrt(1 / (2 * t2[1]!)), mx.sigma[1]!, 1e-6);
    expect(fit.df).toBe(5);
  });

  it('Poisson components reproduce R em_pois', () => {
    const fit = fitExpFamMixture(pois.y, poissonExpfam(), {
      K: 3,
      start: { weights: [1 / 3, 1 / 3, 1 / 3], thetas: [[0], [Math.log(5)], [Math.log(10)]] },
      control: { criterion: 'loglik', tol: 1e-15, maxIter: 100_000 },
    });
    // Same EM map as fitPoissonMixture: logLik 1e-9, lambda_k = exp(theta_k) 1e-6 relative.
    expectAbs(fit.logLik, pois.loglik, 1e-9);
    for (let k = 0; k < 3; k++)
      expectClose(Math.exp(fit.params.thetas[k]![0]!), pois.lambda[k]!, 1e-6);
  });

  it('Gamma components (numerical M-step when no closed form) increase l monotonically', () => {
    const y = faithful().waiting;
    const fam = gammaExpfam();
    const fit = fitExpFamMixture(y, fam, {
      K: 2,
      start: { weights: [0.4, 0.6], thetas: [startGamma(fam, 55), startGamma(fam, 80)] },
      control: { tol: 1e-10, maxIter: 500 },
    });
    for (let t = 1; t < fit.trace.length; t++)
      expect(fit.trace[t]!).toBeGreaterThan(fit.trace[t - 1]! - 1e-8);
    expect(fit.warnings.filter((w) => w.type === 'non-monotone')).toEqual([]);
    // Two well separated clusters of waiting times: the fit must beat one gamma by a lot.
    expect(fit.logLik).toBeGreaterThan(-1060);
  });
});

/** The gamma canonical parameter (alpha, beta) with mean m = alpha / beta and shape 20. */
function startGamma(_fam: ReturnType<typeof gammaExpfam>, m: number): Float64Array {
  return Float64Array.of(20, 20 / m);
}
