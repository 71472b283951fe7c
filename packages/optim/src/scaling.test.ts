import { describe, expect, it } from 'vitest';
import { bfgs } from './bfgs.js';
import { InvalidArgumentError } from './errors.js';
import { lbfgsb } from './lbfgsb.js';
import { nelderMead } from './nelder-mead.js';
import { rosenbrock, rosenbrockGradient } from './rosenbrock.fixture.js';
import { expectAbsClose, expectAllClose, expectClose } from './test-helpers.js';
import { wheatNegLogLik } from './wheat.fixture.js';

// R 4.2.2 references, printed with %.17g; hessians row-major.
describe("R's fnscale / parscale controls", () => {
  it('BFGS with parscale = (2, 0.5), analytic gradient, hessian = TRUE', () => {
    const r = bfgs(rosenbrock, [-1.2, 1], rosenbrockGradient, {
      parscale: [2, 0.5],
      hessian: true,
    });
    expect(r.counts).toEqual({ function: 100, gradient: 41 });
    // Same path on the scaled parameters: par to 1e-12 relative.
    expectAllClose(r.par, [1.000000000000385, 1.0000000000007712], 1e-12);
    expectAbsClose(r.value, 1.4836777576261007e-25, 1e-24);
    // optimhess with scaled steps: to 1e-9 relative.
    expectAllClose(
      r.hessian!,
      [802.00040000061904, -400.00000000015501, -400.00000000015501, 200.00000000000017],
      1e-9,
    );
  });

  it('BFGS with parscale and the finite-difference gradient', () => {
    const r = bfgs(rosenbrock, [-1.2, 1], undefined, { parscale: [2, 0.5], hessian: true });
    expect(r.counts).toEqual({ function: 95, gradient: 37 });
    expectAllClose(r.par, [0.99918946797823327, 0.99837951499901156], 1e-10);
    expectClose(r.value, 6.5696276546328176e-7, 1e-6);
    // nested differences of f lose ~8 digits: 1e-7 relative.
    expectAllClose(
      r.hessian!,
      [800.70570550272896, -399.67578719126459, -399.67578719126459, 199.99999999997817],
      1e-7,
    );
  });

  it('Nelder–Mead maximizes with fnscale = -1 (and parscale)', () => {
    const r = nelderMead((x) => -rosenbrock(x), [-1.2, 1], {
      fnscale: -1,
      parscale: [2, 0.5],
      hessian: true,
    });
    expect(r.counts.function).toBe(181);
    expectAllClose(r.par, [0.99977887054500636, 0.99956516284554242], 1e-12);
    // value reported on the original (maximized) scale, as R
    expectClose(r.value, -5.4334138333254009e-8, 1e-9);
    expectAllClose(
      r.hessian!,
      [-801.64528284766072, 399.91154821797693, 399.91154821797693, -199.99999999997814],
      1e-7,
    );
  });

  it('L-BFGS-B maximizes the wheat log-likelihood with fnscale = -1, parscale = (10, 1, 1)', () => {
    const r = lbfgsb((p) => -wheatNegLogLik(p), [15, 1, 1], undefined, {
      lower: [Number.NEGATIVE_INFINITY, 0, 0],
      fnscale: -1,
      parscale: [10, 1, 1],
    });
    expect(r.counts).toEqual({ function: 18, gradient: 18 });
    // Same path (see lbfgsb.test.ts for why 1e-8).
    expectAllClose(r.par, [16.306398710779028, 1.7872136296464505, 0.30991986553233813], 1e-8);
    expectClose(r.value, -88.585104861845394, 1e-13);
  });

  it('rejects a zero scale', () => {
    expect(() => bfgs(rosenbrock, [0, 0], undefined, { fnscale: 0 })).toThrow(InvalidArgumentError);
    expect(() => bfgs(rosenbrock, [0, 0], undefined, { parscale: [1, 0] })).toThrow(
      /parscale\[1\]/,
    );
  });

  it('warns (as data) about 1-D Nelder–Mead', () => {
    const r = nelderMead((x) => (x[0] - 2) ** 2, [0]);
    expect(r.warnings?.[0]).toMatch(/one-dimensional optimization by Nelder-Mead is unreliable/);
  });
});
