import { describe, expect, it } from 'vitest';
import { DimensionMismatchError, InvalidArgumentError, NonFiniteStartError } from './errors.js';
import { nelderMeadBounded } from './nelder-mead-bounded.js';
import { sleepstudyDeviance, sleepstudyReference } from './sleepstudy.fixture.js';
import { expectAllClose, expectClose } from './test-helpers.js';

const rosenbrock = (x: Float64Array): number => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2;

// Dyestuff (lme4), yields by batch A..F, from /work/shared/data/r/Dyestuff.csv.
const dyestuff = [
  [1545, 1440, 1440, 1520, 1580],
  [1540, 1555, 1490, 1560, 1495],
  [1595, 1550, 1605, 1510, 1560],
  [1445, 1440, 1595, 1465, 1545],
  [1595, 1630, 1515, 1635, 1625],
  [1520, 1455, 1450, 1480, 1445],
];
/** Balanced one-way profiled ML deviance: N(1 + log(2π RSS/N)) + m log(1 + nθ²). */
const dyestuffDeviance = (theta: Float64Array): number => {
  const m = dyestuff.length;
  const n = dyestuff[0].length;
  const N = m * n;
  let grand = 0;
  for (const g of dyestuff) for (const y of g) grand += y / N;
  let ssw = 0;
  let ssb = 0;
  for (const g of dyestuff) {
    const mean = g.reduce((a, b) => a + b, 0) / n;
    for (const y of g) ssw += (y - mean) ** 2;
    ssb += n * (mean - grand) ** 2;
  }
  const t2 = theta[0] * theta[0];
  const rss = ssw + ssb / (1 + n * t2);
  return N * (1 + Math.log((2 * Math.PI * rss) / N)) + m * Math.log(1 + n * t2);
};

describe('nelderMeadBounded', () => {
  it('finds a bounded quadratic optimum on the bound', () => {
    // f = Σ (x_i − c_i)², c = (2, −3, 0.5), box [0, 1]³ ⇒ optimum (1, 0, 0.5), f = 1 + 9 = 10.
    const c = [2, -3, 0.5];
    const f = (x: Float64Array): number =>
      (x[0] - c[0]) ** 2 + (x[1] - c[1]) ** 2 + (x[2] - c[2]) ** 2;
    const r = nelderMeadBounded(f, [0.5, 0.5, 0.9], { lower: 0, upper: 1 });
    expect(r.convergence).toBe(0);
    // Exact bound coordinates (projection lands on them); interior coordinate to xtolRel-level 1e-7.
    expect(r.par[0]).toBe(1);
    expect(r.par[1]).toBe(0);
    expectClose(r.par[2], 0.5, 1e-7);
    expectClose(r.value, 10, 1e-12);
  });

  it('finds the Rosenbrock optimum on the bound x1 <= 0.5', () => {
    // min over x1 <= 0.5: x1 = 0.5, x2 = 0.25, f = 0.25 (analytic).
    const r = nelderMeadBounded(rosenbrock, [-1.2, 1], { lower: [-2, -2], upper: [0.5, 2] });
    expect(r.convergence).toBe(0);
    // xtolRel 1e-8 on the simplex; along the curved valley 1e-6 relative is what that buys.
    expectAllClose(r.par, [0.5, 0.25], 1e-6);
    expectClose(r.value, 0.25, 1e-10);
  });

  it('minimizes unbounded 2-D Rosenbrock', () => {
    const r = nelderMeadBounded(rosenbrock, [-1.2, 1]);
    // Minimum (1, 1), f = 0; parameters to 1e-6 (valley conditioning ≈ 1e3 × xtol).
    expectAllClose(r.par, [1, 1], 1e-6);
    expect(r.value).toBeLessThan(1e-12);
  });

  it("matches lme4's Dyestuff ML fit (1 parameter, theta >= 0)", () => {
    const r = nelderMeadBounded(dyestuffDeviance, [1], { lower: [0] });
    // lme4 tight refit (BOBYQA, tolerances 1e-12/1e-15) from lmer_dyestuff_ML.json.
    // Deviance to 1e-12 relative (flat optimum); theta to 1e-6 (= sqrt of the f precision).
    expectClose(r.value, 327.327059881135, 1e-12);
    expectClose(r.par[0], 0.7525806736833144, 1e-6);
  });

  it("matches lme4's sleepstudy ML fit (3 parameters, lower = (0, -Inf, 0))", () => {
    const r = nelderMeadBounded(sleepstudyDeviance, [1, 0, 1], {
      lower: [0, Number.NEGATIVE_INFINITY, 0],
    });
    expect(r.convergence).toBe(0);
    // Same objective and optimum as lme4's tight refit: deviance to 1e-11 relative, theta to 1e-5
    // (theta2 is small, so an absolute floor of 1 on the scale).
    expectClose(r.value, sleepstudyReference.deviance, 1e-11);
    expectAllClose(r.par, sleepstudyReference.theta, 1e-5, 1);
    expect(r.counts.function).toBeLessThan(2000);
  });

  it('finds a variance component that is exactly zero (optimum on the bound)', () => {
    // Dyestuff with the batch effect removed: every batch shifted to the grand mean ⇒ theta = 0.
    const flat = (theta: Float64Array): number => {
      const t2 = theta[0] * theta[0];
      return 30 * (1 + Math.log((2 * Math.PI * 1000) / 30)) + 6 * Math.log(1 + 5 * t2);
    };
    const r = nelderMeadBounded(flat, [1], { lower: [0] });
    // f − f(0) ≈ 30·theta², below double resolution of f ≈ 190 once theta < 1e-7: the search
    // cannot tell theta < 1e-7 from 0, so that is the tolerance.
    expect(r.par[0]).toBeGreaterThanOrEqual(0);
    expect(r.par[0]).toBeLessThan(1e-7);
    expectClose(r.value, flat(Float64Array.of(0)), 1e-15);
  });

  it('rejects bad input with typed errors', () => {
    expect(() => nelderMeadBounded(rosenbrock, [0, 0], { lower: [0, 0, 0] })).toThrow(
      DimensionMismatchError,
    );
    expect(() => nelderMeadBounded(rosenbrock, [0, 0], { lower: [0, 0, 0] })).toThrow(
      /lower has length 3/,
    );
    expect(() => nelderMeadBounded(rosenbrock, [2, 0], { upper: 1 })).toThrow(InvalidArgumentError);
    expect(() => nelderMeadBounded(() => Number.POSITIVE_INFINITY, [0])).toThrow(
      NonFiniteStartError,
    );
  });
});
