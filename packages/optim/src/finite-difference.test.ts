import { describe, it } from 'vitest';
import { optimHess } from './finite-difference.js';
import { mothGradient, mothNegLogLik, mothReference } from './moths.fixture.js';
import { expectAllClose } from './test-helpers.js';

describe('optimHess', () => {
  it("matches R's optimHess with an analytic gradient (moths, at the MLE)", () => {
    const H = optimHess(mothNegLogLik, mothReference.mle.par, mothGradient);
    // Same differences of the same gradient: agreement to rounding (1e-9 relative; the
    // differences lose ~6 digits to cancellation with ndeps = 1e-3).
    expectAllClose(H, mothReference.optimHessAnalyticGradient, 1e-9);
  });

  it("matches R's optimHess with a numeric gradient (moths, at the MLE)", () => {
    const H = optimHess(mothNegLogLik, mothReference.mle.par);
    // Nested central differences of f lose ~9 of 16 digits to cancellation: 1e-6 relative.
    expectAllClose(H, mothReference.optimHessNumericGradient, 1e-6);
  });
});
