import { describe, expect, it } from 'vitest';
import { NonFiniteStartError } from './errors.js';
import { mothNegLogLik, mothReference } from './moths.fixture.js';
import { nelderMead } from './nelder-mead.js';
import { expectAllClose, expectClose } from './test-helpers.js';

const rosenbrock = (x: Float64Array): number => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2;

describe('nelderMead', () => {
  it("reproduces R's path on the peppered-moth objective from (0.3, 0.3)", () => {
    const r = nelderMead(mothNegLogLik, [0.3, 0.3]);
    // Same algorithm, same arithmetic order: the path (71 evaluations) must be identical, so the
    // result agrees to a few ulps (1e-14 relative allows for libm differences in Math.log).
    expect(r.counts.function).toBe(mothReference.nelderMead.functionCount);
    expect(r.counts.gradient).toBeNull();
    expect(r.convergence).toBe(0);
    expectAllClose(r.par, mothReference.nelderMead.par, 1e-14);
    expectClose(r.value, mothReference.nelderMead.value, 1e-14);
  });

  it('minimizes 2-D Rosenbrock as R does', () => {
    // R 4.2.2: optim(c(-1.2, 1), fr) with print(digits = 17); counts 195.
    const r = nelderMead(rosenbrock, [-1.2, 1]);
    expect(r.counts.function).toBe(195);
    // Identical path; 1e-12 relative leaves room for rounding differences only.
    expectAllClose(r.par, [1.0002601387256695, 1.000505999303765], 1e-12);
    expectClose(r.value, 8.8252410967227472e-8, 1e-9);
  });

  it('treats +Infinity as a constraint but rejects a non-finite start', () => {
    expect(() => nelderMead(mothNegLogLik, [0.9, 0.9])).toThrow(NonFiniteStartError);
    expect(() => nelderMead(mothNegLogLik, [0.9, 0.9])).toThrow(
      /function cannot be evaluated at initial parameters/,
    );
    expect(() => nelderMead(() => Number.NaN, [1])).toThrow(NonFiniteStartError);
  });

  it('reports maxit as convergence 1', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxit: 20 });
    expect(r.convergence).toBe(1);
    expect(r.counts.function).toBeGreaterThan(20);
  });
});
