import { describe, expect, it } from 'vitest';
import { bobyqa } from './bobyqa.js';
import { DimensionMismatchError, InvalidArgumentError, NonFiniteStartError } from './errors.js';
import { nelderMeadBounded } from './nelder-mead-bounded.js';
import { rosenbrock } from './rosenbrock.fixture.js';
import { sleepstudyDeviance, sleepstudyReference } from './sleepstudy.fixture.js';
import { expectAllClose, expectClose } from './test-helpers.js';

describe('bobyqa', () => {
  it("matches lme4's sleepstudy ML optimum with far fewer evaluations than Nelder–Mead", () => {
    const r = bobyqa(sleepstudyDeviance, [1, 0, 1], { lower: [0, Number.NEGATIVE_INFINITY, 0] });
    expect(r.convergence).toBe(0);
    // lme4's tight refit (BOBYQA to 1e-15): deviance to 1e-11 relative, theta to 1e-5
    // (absolute floor 1 for the small theta2).
    expectClose(r.value, sleepstudyReference.deviance, 1e-11);
    expectAllClose(r.par, sleepstudyReference.theta, 1e-5, 1);
    const nm = nelderMeadBounded(sleepstudyDeviance, [1, 0, 1], {
      lower: [0, Number.NEGATIVE_INFINITY, 0],
    });
    expect(r.counts.function).toBeLessThan(nm.counts.function / 2);
  });

  it('lands exactly on active bounds', () => {
    // f = Σ (x_i − c_i)², c = (2, −3, 0.5), box [0, 1]³ ⇒ optimum (1, 0, 0.5), f = 10.
    const c = [2, -3, 0.5];
    const f = (x: Float64Array): number =>
      (x[0] - c[0]) ** 2 + (x[1] - c[1]) ** 2 + (x[2] - c[2]) ** 2;
    const r = bobyqa(f, [0.5, 0.5, 0.9], { lower: 0, upper: 1 });
    expect(r.par[0]).toBe(1);
    expect(r.par[1]).toBe(0);
    // The quadratic model is exact here: interior coordinate to 1e-10.
    expectClose(r.par[2], 0.5, 1e-10);
    expectClose(r.value, 10, 1e-14);
  });

  it('minimizes 2-D Rosenbrock (unbounded) and with the optimum on x1 <= 0.8', () => {
    const free = bobyqa(rosenbrock, [-1.2, 1]);
    // rhoend = 1e-6·rhobeg ≈ 2.4e-7: the minimum (1, 1) to 1e-6.
    expectAllClose(free.par, [1, 1], 1e-6);
    const boxed = bobyqa(rosenbrock, [-1.2, 1], { lower: [-1.5, -1], upper: [0.8, 2] });
    expect(boxed.par[0]).toBe(0.8);
    // analytic optimum (0.8, 0.64), f = 0.04, to 1e-10
    expectClose(boxed.value, 0.04, 1e-10);
  });

  it('holds parameters with lower = upper fixed (both bounded methods)', () => {
    const f = (x: Float64Array): number => (x[0] - 1) ** 2 + (x[1] - 2) ** 2 + (x[2] - 3) ** 2;
    for (const method of [bobyqa, nelderMeadBounded]) {
      const r = method(f, [0, 5, 0], { lower: [-10, 5, -10], upper: [10, 5, 10] });
      expect(r.par[1]).toBe(5);
      // free coordinates to their optimum (1, ·, 3); f = 9 from the fixed one. 1e-6 relative
      // (Nelder–Mead's xtolRel 1e-8 on a unit-curvature bowl).
      expectAllClose([r.par[0], r.par[2]], [1, 3], 1e-6);
      expectClose(r.value, 9, 1e-10);
    }
    const all = bobyqa(f, [1, 2, 3], { lower: [1, 2, 3], upper: [1, 2, 3] });
    expect(all.value).toBe(0);
  });

  it('stops at maxfun with convergence 1 and rejects bad input', () => {
    const r = bobyqa(rosenbrock, [-1.2, 1], { maxfun: 30 });
    expect(r.convergence).toBe(1);
    expect(r.counts.function).toBeLessThanOrEqual(30);
    expect(() => bobyqa(rosenbrock, [0, 0], { lower: [0], upper: [1, 1, 1] })).toThrow(
      DimensionMismatchError,
    );
    expect(() => bobyqa(rosenbrock, [2, 0], { upper: 1 })).toThrow(InvalidArgumentError);
    expect(() => bobyqa(() => Number.NaN, [0, 0])).toThrow(NonFiniteStartError);
  });
});
