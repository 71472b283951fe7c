import { describe, expect, it } from 'vitest';
import { fitGaussianMixture1d } from './fit-gaussian-1d.js';
import { gaussianMixture1dStandardErrors } from './standard-errors.js';
import { expectClose, faithful } from './test-helpers.js';

// R at the textbook EM MLE of faithful eruptions (em_uni, tol 1e-15), eta = (w1, mu, sigma):
// J = numDeriv::jacobian of the analytic score, symmetrized; se = sqrt(diag(solve(-J))).
const seR = [
  0.029188999065868, 0.0260742094947168, 0.0341097953818961, 0.0230914036231999, 0.0271130202386828,
];
const j11R = -1187.83477921481;
// numDeriv::hessian of the log-likelihood itself (default d = 1e-4, r = 4) is less accurate:
const seHessR = [
  0.0291889985320015, 0.0260743385427629, 0.0341096103365718, 0.0230914597883797,
  0.0271130237259304,
];

describe('standard errors of the faithful eruptions MLE (K = 2, "V")', () => {
  it('match R (numDeriv::jacobian of the analytic score) to 1e-8', () => {
    const y = faithful().eruptions;
    const fit = fitGaussianMixture1d(y, {
      K: 2,
      start: { weights: [0.5, 0.5], means: [2, 4], variances: [1, 1] },
      control: { criterion: 'params', tol: 1e-15 },
    });
    const se = gaussianMixture1dStandardErrors(y, fit.params);
    expect(se.names).toEqual(['w1', 'mu1', 'mu2', 'sigma1', 'sigma2']);
    // Both differentiate the same analytic score by Richardson extrapolation (agreement ~1e-11);
    // 1e-8 relative is the stated tolerance.
    seR.forEach((s, i) => {
      expectClose(se.se[i]!, s, 1e-8);
    });
    expectClose(-se.information.get(0, 0), j11R, 1e-8);
    // numDeriv::hessian of l (second differences of a 276-sized sum) is off by up to 7e-6.
    seHessR.forEach((s, i) => {
      expectClose(se.se[i]!, s, 1e-5);
    });
    expect(se.warnings).toEqual([]);
  });
});
