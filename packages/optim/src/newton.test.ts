import { describe, expect, it } from 'vitest';
import { GradientLengthError } from './errors.js';
import { newton } from './newton.js';
import { expectAllClose, expectClose } from './test-helpers.js';

// Poisson regression y ~ x; R 4.2.2:
// glm(y ~ x, family = poisson, control = glm.control(epsilon = 1e-15, maxit = 100)),
// value = -logLik - sum(lgamma(y + 1)), SEs = sqrt(diag(vcov(f))).
const xs = [0.5, 1.1, 1.9, 2.4, 3.0, 3.7, 4.2, 5.1, 5.5, 6.3];
const ys = [1, 0, 2, 3, 2, 5, 4, 9, 8, 14];
const reference = {
  beta: [-0.46339048661954563, 0.49089591199749816],
  value: -43.105122722484111,
  se: [0.4875808766482042, 0.096816384518461765],
};

/** f(beta) = Σ exp(eta_i) − y_i eta_i, eta = beta0 + beta1 x. */
const fn = (b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const eta = b[0] + b[1] * xs[i];
    s += Math.exp(eta) - ys[i] * eta;
  }
  return s;
};
const gr = (b: Float64Array): number[] => {
  const g = [0, 0];
  for (let i = 0; i < xs.length; i++) {
    const r = Math.exp(b[0] + b[1] * xs[i]) - ys[i];
    g[0] += r;
    g[1] += r * xs[i];
  }
  return g;
};
const hess = (b: Float64Array): number[][] => {
  let a = 0;
  let c = 0;
  let d = 0;
  for (let i = 0; i < xs.length; i++) {
    const mu = Math.exp(b[0] + b[1] * xs[i]);
    a += mu;
    c += mu * xs[i];
    d += mu * xs[i] * xs[i];
  }
  return [
    [a, c],
    [c, d],
  ];
};

describe('newton', () => {
  it("finds the Poisson-regression MLE as R's glm does", () => {
    const r = newton(fn, gr, hess, [0, 0], { hessian: true });
    expect(r.convergence).toBe(0);
    // glm ran IRLS to 1e-15; Newton converges quadratically, so 1e-10 relative is conservative.
    expectAllClose(r.par, reference.beta, 1e-10);
    expectClose(r.value, reference.value, 1e-13);
    const h = r.hessian!;
    const det = h[0] * h[3] - h[1] * h[2];
    // SEs from the inverse Hessian at the MLE: same quantity glm's vcov is, to 1e-9 relative.
    expectAllClose([Math.sqrt(h[3] / det), Math.sqrt(h[0] / det)], reference.se, 1e-9);
    expect(r.counts.gradient).toBeLessThan(15);
  });

  it('backtracks from a far start where the full Newton step overshoots', () => {
    const r = newton(fn, gr, hess, [3, 1]);
    expect(r.convergence).toBe(0);
    // As above: the MLE is unique, so any start reaches it to Newton precision.
    expectAllClose(r.par, reference.beta, 1e-10);
  });

  it('ridges an indefinite Hessian and still reaches the Rosenbrock minimum', () => {
    const f = (x: Float64Array): number => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2;
    const g = (x: Float64Array): number[] => [
      -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]),
      200 * (x[1] - x[0] * x[0]),
    ];
    const h = (x: Float64Array): number[] => [
      1200 * x[0] * x[0] - 400 * x[1] + 2,
      -400 * x[0],
      -400 * x[0],
      200,
    ];
    // At (0, 1) the Hessian [[-398, 0], [0, 200]] is indefinite: the ridge path is exercised.
    const r = newton(f, g, h, [0, 1], { trace: true });
    expect(r.trace!.some((t) => t.action === 'RIDGE')).toBe(true);
    expect(r.convergence).toBe(0);
    // Minimum (1, 1); Newton's final quadratic steps give it to 1e-10.
    expectAllClose(r.par, [1, 1], 1e-10);
  });

  it('rejects a gradient of the wrong length', () => {
    expect(() => newton(fn, () => [1], hess, [0, 0])).toThrow(GradientLengthError);
    expect(() => newton(fn, () => [1], hess, [0, 0])).toThrow(
      /gradient \(gr\) evaluated to length 1, expected 2/,
    );
  });
});
