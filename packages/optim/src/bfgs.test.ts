import { describe, expect, it } from 'vitest';
import { bfgs } from './bfgs.js';
import { GradientLengthError, NonFiniteStartError } from './errors.js';
import { mothGradient, mothNegLogLik, mothReference } from './moths.fixture.js';
import { rosenbrock, rosenbrockGradient } from './rosenbrock.fixture.js';
import { expectAllClose, expectClose } from './test-helpers.js';

describe('bfgs', () => {
  it('reaches the exact moth MLE with the analytic gradient (reltol 1e-14)', () => {
    const r = bfgs(mothNegLogLik, [0.3, 0.3], mothGradient, { reltol: 1e-14, maxit: 1000 });
    const ref = mothReference.mle;
    // R's vmmin path is reproduced: same counts.
    expect(r.counts).toEqual(ref.counts);
    expect(r.convergence).toBe(0);
    // Issue 3 asks for the MLE to 1e-9; the same path gives far better, 1e-9 relative is the bar.
    expectAllClose(r.par, ref.par, 1e-9);
    expectClose(r.value, ref.value, 1e-12);
  });

  it("follows R's path with the finite-difference gradient (ndeps 1e-3)", () => {
    const r = bfgs(mothNegLogLik, [0.3, 0.3], undefined, { reltol: 1e-14, maxit: 1000 });
    const ref = mothReference.bfgsNumericGradient;
    // Same 10 iterations as R (trace values agree to all printed digits). The final line search
    // runs at the noise floor of the differenced gradient, where a 1-ulp difference in log()
    // changes the number of backtracks: R needs 57 evaluations, we need 56 (±1 allowed).
    expect(r.counts.gradient).toBe(ref.counts.gradient);
    expect(Math.abs(r.counts.function - ref.counts.function)).toBeLessThanOrEqual(1);
    // Differences of f lose ~6 digits; the path is the same, so agreement to 1e-9 relative.
    expectAllClose(r.par, ref.par, 1e-9);
    expectClose(r.value, ref.value, 1e-12);
  });

  it('minimizes 2-D Rosenbrock as R does (analytic and numeric gradient)', () => {
    // R 4.2.2: optim(c(-1.2, 1), fr, grr, method = "BFGS") → counts 110/43;
    // without grr → counts 118/38. print(digits = 17).
    const a = bfgs(rosenbrock, [-1.2, 1], rosenbrockGradient);
    expect(a.counts).toEqual({ function: 110, gradient: 43 });
    // Same path: 1e-12 relative on par; value ~1e-17 compared absolutely to 1e-20.
    expectAllClose(a.par, [0.999999996904914, 0.999999993797419], 1e-12);
    expectClose(a.value, 9.5949556437698302e-18, 1e-3);
    const b = bfgs(rosenbrock, [-1.2, 1]);
    expect(b.counts).toEqual({ function: 118, gradient: 38 });
    expectAllClose(b.par, [0.99980443323139745, 0.99960838062348123], 1e-10);
    expectClose(b.value, 3.8273827561079511e-8, 1e-7);
  });

  it('minimizes 10-D Rosenbrock (R: 312/106 evaluations with maxit 1000; maxit 100 stops early)', () => {
    const x0 = [-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1];
    const r = bfgs(rosenbrock, x0, rosenbrockGradient, { maxit: 1000 });
    expect(r.convergence).toBe(0);
    expect(r.counts).toEqual({ function: 312, gradient: 106 });
    // Optimum (1, ..., 1); R reaches it to ~1e-11, we require 1e-9.
    expectAllClose(r.par, new Array(10).fill(1), 1e-9);
    expect(r.value).toBeLessThan(1e-18);
    const capped = bfgs(rosenbrock, x0, rosenbrockGradient);
    // R: convergence 1 at maxit = 100, value 8.7879170542835039e-05, counts 293/100.
    expect(capped.convergence).toBe(1);
    expect(capped.counts).toEqual({ function: 293, gradient: 100 });
    expectClose(capped.value, 8.7879170542835039e-5, 1e-8);
  });

  it('follows R at n = 5 and n = 7 (the 4-row blocked products with 1- and 2-row tails)', () => {
    // R 4.2.2: optim(x0, fr, gr, method = "BFGS", control = list(maxit = 1000)) with fr/gr the
    // chained Rosenbrock of bench/index.ts; print(par, digits = 17).
    const a = bfgs(rosenbrock, [-1.2, 1, -1.2, 1, -1.2], rosenbrockGradient, { maxit: 1000 });
    expect(a.counts).toEqual({ function: 180, gradient: 62 });
    // Same path, same arithmetic as vmmin: agreement to all printed digits; 1e-15 relative.
    expectAllClose(
      a.par,
      [
        1.0000000000117073, 0.99999999969512943, 0.99999999974828313, 0.99999999879868484,
        0.99999999795492145,
      ],
      1e-15,
    );
    expectClose(a.value, 8.668303071439142e-17, 1e-12);
    const b = bfgs(rosenbrock, [0.3, -0.5, 2, 1, 0.1, 0.7, 1.5], rosenbrockGradient, {
      maxit: 1000,
    });
    expect(b.counts).toEqual({ function: 210, gradient: 76 });
    expectAllClose(
      b.par,
      [
        1.000000000041616, 1.0000000000869236, 1.000000000179635, 1.0000000004016496,
        1.0000000010106396, 1.0000000023251985, 1.0000000045414816,
      ],
      1e-15,
    );
    expectClose(b.value, 2.153708881659705e-17, 1e-12);
  });

  it('adds the optimHess Hessian and rejects bad input', () => {
    const r = bfgs(mothNegLogLik, [0.3, 0.3], mothGradient, { reltol: 1e-14, hessian: true });
    // At the MLE (to ~1e-9) optimHess with the analytic gradient equals R's to 1e-6 relative.
    expectAllClose(r.hessian!, mothReference.optimHessAnalyticGradient, 1e-6);
    expect(() => bfgs(mothNegLogLik, [0.3, 0.3], () => [1, 2, 3])).toThrow(GradientLengthError);
    expect(() => bfgs(mothNegLogLik, [0.7, 0.7])).toThrow(NonFiniteStartError);
  });
});
