import { describe, expect, it } from 'vitest';
import { collapsedMultinomialModel } from './collapsed-multinomial.js';
import { runEM } from './em.js';
import { mothCounts, mothsReference as ref, mothsSpec } from './moths.fixture.js';
import { emStandardErrors } from './standard-errors.js';
import { expectClose } from './test-helpers.js';

describe('emStandardErrors: peppered moths (moths.json se_analytic)', () => {
  const model = collapsedMultinomialModel(mothsSpec, mothCounts);
  const fit = runEM(model, Float64Array.of(0.3, 0.3), { criterion: 'params', tol: 1e-15 });

  it("Louis' method reproduces the exact information and SEs", () => {
    const se = emStandardErrors(model, fit.params, { method: 'louis' });
    // Louis is exact algebra at the MLE (which is good to 1e-13): 1e-9 relative.
    expectClose(se.se[0]!, ref.seAnalytic[0]!, 1e-9);
    expectClose(se.se[1]!, ref.seAnalytic[1]!, 1e-9);
    ref.hessianAnalytic.forEach((h, k) => {
      expectClose(se.information.get(k % 2, Math.floor(k / 2)), h, 1e-9);
    });
    expect(se.warnings).toEqual([]);
  });

  it('the Jacobian of the score gives the same SEs', () => {
    const se = emStandardErrors(model, fit.params, { method: 'score' });
    // Richardson-extrapolated central differences of an analytic score: ~1e-10 achievable;
    // 1e-8 relative leaves a margin.
    expectClose(se.se[0]!, ref.seAnalytic[0]!, 1e-8);
    expectClose(se.se[1]!, ref.seAnalytic[1]!, 1e-8);
  });

  it('the numerical Hessian of l gives the SEs to 1e-6 (unlike optimHess, good to 4 digits)', () => {
    const se = emStandardErrors(model, fit.params, { method: 'hessian' });
    // Second differences of a 600-sized l lose about half the digits to rounding; Richardson
    // (optim's numDeriv-style Hessian) with base step 0.1 |theta| keeps the error near 1e-8;
    // 1e-6 is the stated bound.
    expectClose(se.se[0]!, ref.seAnalytic[0]!, 1e-6);
    expectClose(se.se[1]!, ref.seAnalytic[1]!, 1e-6);
    // Default method when louis is available.
    expect(emStandardErrors(model, fit.params).method).toBe('louis');
  });
});
