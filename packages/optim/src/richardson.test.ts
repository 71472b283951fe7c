import { describe, expect, it } from 'vitest';
import { lbfgsb } from './lbfgsb.js';
import { mothNegLogLik, mothReference } from './moths.fixture.js';
import { numericGradient, numericHessian } from './richardson.js';
import { expectAllClose } from './test-helpers.js';
import { wheatNegLogLik, wheatReference } from './wheat.fixture.js';

describe('numericGradient / numericHessian (Richardson, numDeriv defaults)', () => {
  it("matches numDeriv's grad and hessian on the wheat likelihood at R's optimum", () => {
    const g = numericGradient(wheatNegLogLik, wheatReference.par);
    // The gradient is ~1e-6 at the optimum; numDeriv's value carries the objective's rounding
    // (ours is closed-form, R's uses det/solve), so compare absolutely to 1e-9.
    expectAllClose(g, wheatReference.gradNumDeriv, 1e-3, 1e-6);
    const H = numericHessian(wheatNegLogLik, wheatReference.par);
    // Same formulas and steps: 1e-7 relative (absolute floor 1 for the ~1e-6 mu entries).
    expectAllClose(H, wheatReference.hessianNumDeriv, 1e-7, 1);
  });

  it('gives the wheat SEs of the seed from the Hessian at the L-BFGS-B optimum', () => {
    const fit = lbfgsb(wheatNegLogLik, [15, 1, 1], undefined, {
      lower: [Number.NEGATIVE_INFINITY, 0, 0],
    });
    const H = numericHessian(wheatNegLogLik, fit.par);
    const [a, b, c, d, e, f, g, h, i] = H;
    const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    const se = [(e * i - f * h) / det, (a * i - c * g) / det, (a * e - b * d) / det].map(Math.sqrt);
    // Issue 3: (0.2583344, 0.3996312, 0.3089705) to 1e-4 relative (the seed's SEs come from
    // optimHess; Richardson differs from it by ~1e-5 relative in the variance components).
    expectAllClose(se, [0.2583344, 0.3996312, 0.3089705], 1e-4);
  });

  it('recovers the exact moth Hessian far better than optimHess does', () => {
    const H = numericHessian(mothNegLogLik, mothReference.mle.par);
    // Richardson with r = 4 is accurate to ~1e-8 relative here (optimHess only ~2e-4).
    expectAllClose(H, mothReference.hessianAnalytic, 1e-7);
  });

  it('is exact to rounding on polynomials and honours one-sided differences', () => {
    const f = (x: Float64Array): number => x[0] ** 3 + 2 * x[0] * x[1] - x[1] ** 2;
    // ∇f = (3x0² + 2x1, 2x0 − 2x1); Richardson removes the h² and h⁴ terms exactly.
    expectAllClose(numericGradient(f, [1.5, -2]), [3 * 2.25 - 4, 3 + 4], 1e-10);
    // One-sided differences are only O(h) accurate; numDeriv gives exactly these figures:
    // grad(f, c(1.5, -2), side = c(1, -1)) (numDeriv 2016.8-1.1), to 1e-12 relative.
    expectAllClose(
      numericGradient(f, [1.5, -2], { side: [1, -1] }),
      [2.7501033333360265, 7.0000306172575444],
      1e-12,
    );
    // H = [[6x0, 2], [2, −2]]
    expectAllClose(numericHessian(f, [1.5, -2]), [9, 2, 2, -2], 1e-9);
    expect(() => numericGradient(f, [1, 2], { side: [1] })).toThrow(/side/);
  });
});
