import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors.js';
import { numericJacobian } from './numeric-jacobian.js';
import { numericHessian } from './richardson.js';
import { expectAllClose, expectClose } from './test-helpers.js';

/** f(x) = (exp(x1) sin(x2) x1^3, x1^2 x2 + cos(x2), log(x1 + x2^2)). */
const f = (x: Float64Array): Float64Array =>
  Float64Array.of(
    Math.exp(x[0]) * Math.sin(x[1]) * x[0] ** 3,
    x[0] ** 2 * x[1] + Math.cos(x[1]),
    Math.log(x[0] + x[1] ** 2),
  );

/**
 * numDeriv 2016.8-1.1, column-major (as.vector):
 *   f <- function(x) c(exp(x[1]) * sin(x[2]) * x[1]^3, x[1]^2 * x[2] + cos(x[2]), log(x[1] + x[2]^2))
 *   jacobian(f, c(0.7, 1.3)); jacobian(f, c(0.7, 0))
 *   jacobian(f, c(0.7, 1.3), method.args = list(d = 0.1, r = 6))
 */
const numDerivJacobian = {
  at: [
    3.5178870112081153, 1.8200000000030756, 0.41841004185524161, 0.18476603620112519,
    -0.47355818541930317, 1.0878661087983998,
  ],
  atZero: [0, 0, 1.4285714285735189, 0.69071717866237325, 0.48999999999644928, 0],
  d01r6: [
    3.5178870112015557, 1.8200000000000334, 0.41841004184109326, 0.18476603620307785,
    -0.47355818541720618, 1.0878661087866088,
  ],
};

describe('numericJacobian (numDeriv jacobian, Richardson)', () => {
  it("reproduces numDeriv's jacobian with its defaults, at a zero coordinate and with d, r", () => {
    const J = numericJacobian(f, [0.7, 1.3]);
    expect([J.rows, J.cols]).toEqual([3, 2]);
    // Same steps, same differences, same extrapolation order: only the rounding of exp/sin/log
    // may differ from R's libm, amplified by 1/h ~ 1e4 -> 1e-10 relative (absolute floor 1e-10).
    expectAllClose(J.data, numDerivJacobian.at, 1e-10, 1e-10);
    // x2 = 0 takes the absolute step eps = 1e-4; the zero entries are exact (symmetric map).
    const J0 = numericJacobian(f, [0.7, 0]);
    expectAllClose(J0.data, numDerivJacobian.atZero, 1e-10, 1e-10);
    expect(J0.data[5]).toBe(0);
    const Jd = numericJacobian(f, [0.7, 1.3], { d: 0.1, r: 6 });
    expectAllClose(Jd.data, numDerivJacobian.d01r6, 1e-10, 1e-10);
  });

  it('matches the analytic Jacobian of exp(x0) sin(x1) x0^3 (and the Hessian of f1)', () => {
    const [a, b] = [0.7, 1.3];
    const e = Math.exp(a);
    const fxx = e * Math.sin(b) * (a ** 3 + 6 * a ** 2 + 6 * a);
    const fxy = e * Math.cos(b) * (a ** 3 + 3 * a ** 2);
    const fyy = -e * Math.sin(b) * a ** 3;
    const grad = (v: Float64Array) =>
      Float64Array.of(
        Math.exp(v[0]) * Math.sin(v[1]) * (v[0] ** 3 + 3 * v[0] ** 2),
        Math.exp(v[0]) * Math.cos(v[1]) * v[0] ** 3,
      );
    // Moved from @likelihood/em (whose copies this replaces), with its base step 0.1 |x|.
    // First differences of an analytic gradient: 1e-10 relative.
    const J = numericJacobian(grad, [a, b], { d: 0.1 });
    expectClose(J.data[0], fxx, 1e-10);
    expectClose(J.data[1], fxy, 1e-10);
    expectClose(J.data[2], fxy, 1e-10);
    expectClose(J.data[3], fyy, 1e-10);
    // Default d = 1e-4 as numDeriv: rounding ~1e-16/1e-4 stays far below 1e-10.
    expectAllClose(numericJacobian(grad, [a, b]).data, [fxx, fxy, fxy, fyy], 1e-10);
    // Four Richardson levels of second differences on O(1) derivatives: 1e-8 relative.
    const H = numericHessian((v) => f(v)[0], [a, b]);
    expectAllClose(H, [fxx, fxy, fxy, fyy], 1e-8);
  });

  it('honours one-sided differences and explicit steps; rejects bad arguments by name', () => {
    const g = (x: Float64Array) => Float64Array.of(x[0] ** 2, x[0] * x[1]);
    // numDeriv's one-sided scheme: a_k = (g(x + 2 h_k e_j) − g(x)) / (2 h_k); for x0^2 that is
    // 2 x0 + 2 h_k, and the extrapolation (built for even powers of h) keeps a term linear in h0.
    // The closed form of the same table, computed below, must agree to rounding (1e-12).
    const J = numericJacobian(g, [1, 2], { side: [1, -1], step: [0.1, 0.1] });
    const hs = [0.1, 0.05, 0.025, 0.0125].map((h) => 2 + 2 * h);
    for (let m = 1; m < 4; m++)
      for (let k = 0; k < 4 - m; k++) hs[k] = (hs[k + 1]! * 4 ** m - hs[k]!) / (4 ** m - 1);
    expectClose(J.data[0], hs[0]!, 1e-12);
    expectClose(J.data[1], 2, 1e-12); // d(x0 x1)/dx0 = x1, exact for any difference
    expectClose(J.data[3], 1, 1e-12); // d(x0 x1)/dx1 = x0, exact
    expect(J.data[2]).toBe(0);
    // `step` replaces |d x_i| (+ eps): the same steps give bit-identical results.
    // (0.1 · 2 and 0.1 · 4 are exact doublings of 0.1, i.e. 0.2 and 0.4.)
    const e = (x: Float64Array) => Math.exp((x[0] * x[1]) / 8);
    expect(Array.from(numericHessian(e, [2, -4], { step: [0.2, 0.4] }))).toEqual(
      Array.from(numericHessian(e, [2, -4])),
    );
    expect(() => numericJacobian(g, [1, 2], { side: [1] })).toThrow(/side/);
    expect(() => numericJacobian(g, [1, 2], { step: [0.1, 0] })).toThrow(InvalidArgumentError);
    expect(() => numericJacobian(g, [1, 2], { step: [0.1] })).toThrow(/step: has length 1/);
    expect(() => numericJacobian(g, [1, Number.NaN])).toThrow(/x: element 1/);
    expect(() => numericJacobian((x) => (x[0] > 1 ? [1] : [1, 2]), [1, 2])).toThrow(/f: returned/);
    expect(() => numericJacobian(() => [Number.NaN], [1])).toThrow(/NaN/);
  });
});
