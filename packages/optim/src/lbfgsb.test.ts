import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError, NonFiniteStartError } from './errors.js';
import { lbfgsb } from './lbfgsb.js';
import { rosenbrock, rosenbrockGradient } from './rosenbrock.fixture.js';
import { expectAbsClose, expectAllClose, expectClose } from './test-helpers.js';
import { wheatNegLogLik, wheatReference } from './wheat.fixture.js';

// R 4.2.2 references below come from optim(..., method = "L-BFGS-B") printed with %.17g.
const CONV_F = 'CONVERGENCE: REL_REDUCTION_OF_F <= FACTR*EPSMCH';

describe('lbfgsb', () => {
  it("reproduces Hoff's wheat fit (lower = (-Inf, 0, 0), from (15, 1, 1), numeric gradient)", () => {
    const r = lbfgsb(wheatNegLogLik, [15, 1, 1], undefined, {
      lower: [Number.NEGATIVE_INFINITY, 0, 0],
      hessian: true,
    });
    expect(r.convergence).toBe(0);
    expect(r.message).toBe(wheatReference.message);
    expect(r.counts).toEqual({ function: 16, gradient: 16 });
    // R's path is reproduced iteration by iteration (same counts, same message). Our closed-form
    // objective differs from R's det()/solve() in rounding, and we solve the subspace system by
    // Sherman–Morrison–Woodbury + LU instead of R's formk Cholesky factors; differenced gradients
    // amplify those ~1e-14 differences, so par agrees to 1e-8 relative (the issue asks ~1e-6).
    expectAllClose(r.par, wheatReference.par, 1e-8);
    expectClose(r.value, wheatReference.value, 1e-13);
    // The seed prints value 88.5851 and par (16.3063995, 1.7872063, 0.3099255).
    expectClose(r.value, 88.5851, 1e-6);
    expectAllClose(r.par, [16.3063995, 1.7872063, 0.3099255], 1e-7);
    // hessian: true = optimHess with ndeps 1e-3 as R; entries to 1e-6 relative (the tiny
    // off-diagonal mu entries are differencing noise ~1e-6, so compared with an absolute floor).
    expectAllClose(r.hessian!, wheatReference.hessian, 1e-6, 1);
  });

  it('gives the SEs of the seed from the Hessian at the optimum (to 1e-4 relative)', () => {
    const r = lbfgsb(wheatNegLogLik, [15, 1, 1], undefined, {
      lower: [Number.NEGATIVE_INFINITY, 0, 0],
      hessian: true,
    });
    const H = r.hessian!;
    const se = inverseDiagonalSqrt3(H);
    // Issue 3: SEs (0.2583344, 0.3996312, 0.3089705) to 1e-4 relative.
    expectAllClose(se, [0.2583344, 0.3996312, 0.3089705], 1e-4);
    // and R's full-precision figures from the same differencing, to 1e-7.
    expectAllClose(se, wheatReference.se, 1e-7);
  });

  it('minimizes 2-D Rosenbrock as R does', () => {
    const r = lbfgsb(rosenbrock, [-1.2, 1], rosenbrockGradient);
    expect(r.counts).toEqual({ function: 47, gradient: 47 });
    expect(r.message).toBe(CONV_F);
    // Same path: 1e-10 relative on par.
    expectAllClose(r.par, [0.9999997167506105, 0.99999947178021376], 1e-10);
    // f ≈ 2e-13 is a difference of nearly equal numbers: compared absolutely to 1e-16.
    expectAbsClose(r.value, 2.2675773074879826e-13, 1e-16);
  });

  it('stops on the bound x1 <= 0.5 with a zero projected gradient', () => {
    const r = lbfgsb(rosenbrock, [-1.2, 1], rosenbrockGradient, {
      lower: [-2, -2],
      upper: [0.5, 2],
    });
    expect(r.counts).toEqual({ function: 31, gradient: 31 });
    expect(r.message).toBe('CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL');
    // R lands exactly on (0.5, 0.25), f = 0.25.
    expectAllClose(r.par, [0.5, 0.25], 1e-15);
    expectClose(r.value, 0.25, 1e-15);
  });

  it("solves R's 25-D box example (?optim flb), numeric gradient", () => {
    const flb = (x: Float64Array): number => {
      let s = (x[0] - 1) ** 2;
      for (let i = 1; i < x.length; i++) s += 4 * (x[i] - x[i - 1] ** 2) ** 2;
      return s;
    };
    const r = lbfgsb(flb, new Array(25).fill(3), undefined, { lower: 2, upper: 4 });
    expect(r.counts).toEqual({ function: 6, gradient: 6 });
    const expected = new Array(25).fill(2);
    expected[23] = 2.1090930615370751;
    expected[24] = 4;
    // Same path: 1e-10 relative.
    expectAllClose(r.par, expected, 1e-10);
    expectClose(r.value, 368.10591287434056, 1e-12);
  });

  it('minimizes 10-D Rosenbrock as R does', () => {
    const r = lbfgsb(rosenbrock, [-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1], rosenbrockGradient);
    expect(r.counts).toEqual({ function: 90, gradient: 90 });
    // R stops ~1e-6 from (1, …, 1); same path (same counts), so its final point to 1e-8
    // relative; f ≈ 2e-10 there, compared absolutely to 1e-11.
    expectAllClose(
      r.par,
      [
        1.0000003815973295, 0.99999998525765577, 1.0000004391922523, 1.0000004174079475,
        1.0000002971247504, 1.0000004732293957, 1.0000003259924801, 1.0000007252228651,
        1.0000010245146524, 1.0000020247958923,
      ],
      1e-8,
    );
    expectAbsClose(r.value, 1.9385195433752636e-10, 1e-11);
  });

  it('clamps finite differences at a bound (numeric gradient, optimum on x1 <= 0.8)', () => {
    // R: optim(c(0.5, 0.5), fr, lower = c(-2, -2), upper = c(0.8, 2), method = "L-BFGS-B")
    const r = lbfgsb(rosenbrock, [0.5, 0.5], undefined, { lower: [-2, -2], upper: [0.8, 2] });
    expect(r.counts).toEqual({ function: 13, gradient: 13 });
    expect(r.message).toBe('CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL');
    // R lands on (0.8, 0.64) to the last bit; 1e-15 relative.
    expectAllClose(r.par, [0.8, 0.64], 1e-15);
    expectClose(r.value, 0.04, 1e-14);
  });

  it('honours m (lmm), pgtol and factr as R', () => {
    // R: optim(c(-1.2, 1), fr, grr, method = "L-BFGS-B",
    //          control = list(lmm = 3, pgtol = 1e-6, factr = 1e3))
    const r = lbfgsb(rosenbrock, [-1.2, 1], rosenbrockGradient, { m: 3, pgtol: 1e-6, factr: 1e3 });
    expect(r.counts).toEqual({ function: 50, gradient: 50 });
    expect(r.message).toBe('CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL');
    // Same path: 1e-12 relative on par; f ≈ 8e-18 compared absolutely.
    expectAllClose(r.par, [1.0000000011865822, 1.0000000026303686], 1e-12);
    expectAbsClose(r.value, 8.0233802641024595e-18, 1e-19);
    // R: control = list(lmm = 3), numeric gradient → 48 evaluations.
    expect(lbfgsb(rosenbrock, [-1.2, 1], undefined, { m: 3 }).counts.function).toBe(48);
  });

  it('ends like R when the line search fails at the noise floor (factr = 1e3, numeric gradient)', () => {
    // R: optim(c(-1.2, 1), fr, method = "L-BFGS-B", control = list(factr = 1e3)) →
    // 90 evaluations, convergence 52, "ERROR: ABNORMAL_TERMINATION_IN_LNSRCH".
    const r = lbfgsb(rosenbrock, [-1.2, 1], undefined, { factr: 1e3 });
    expect(r.counts.function).toBe(90);
    expect(r.convergence).toBe(52);
    expect(r.message).toBe('ERROR: ABNORMAL_TERMINATION_IN_LNSRCH');
    // The point returned is the best one found, R's to 1e-9 relative.
    expectAllClose(r.par, [0.99980003999218803, 0.99960011996837828], 1e-9);
  });

  it('stops at maxit with convergence 1 and message NEW_X, as R', () => {
    // R: optim(rep(c(-1.2, 1), 5), fr10, gr10, method = "L-BFGS-B", control = list(maxit = 20))
    const r = lbfgsb(
      rosenbrock,
      [-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1],
      rosenbrockGradient,
      {
        maxit: 20,
      },
    );
    expect(r.convergence).toBe(1);
    expect(r.message).toBe('NEW_X');
    expect(r.counts).toEqual({ function: 26, gradient: 26 });
    // Same 20 iterations: value to 1e-10 relative.
    expectClose(r.value, 8.093095116846488, 1e-10);
  });

  it('rejects a bounds/par dimension mismatch, bad bounds and a non-finite start', () => {
    expect(() => lbfgsb(rosenbrock, [0, 0], undefined, { lower: [0, 0, 0] })).toThrow(
      DimensionMismatchError,
    );
    expect(() => lbfgsb(rosenbrock, [0, 0], undefined, { upper: [1, 2, 3] })).toThrow(
      /upper has length 3, expected 2/,
    );
    expect(() => lbfgsb(rosenbrock, [0, 0], undefined, { lower: 1, upper: 0 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => lbfgsb(() => Number.NaN, [0, 0])).toThrow(NonFiniteStartError);
  });
});

/** sqrt(diag(H⁻¹)) of a symmetric 3×3 (row-major) by cofactors. */
function inverseDiagonalSqrt3(H: Float64Array): number[] {
  const [a, b, c, , e, f, , , i] = H;
  const d = H[3];
  const g = H[6];
  const h = H[7];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    Math.sqrt((e * i - f * h) / det),
    Math.sqrt((a * i - c * g) / det),
    Math.sqrt((a * e - b * d) / det),
  ];
}
