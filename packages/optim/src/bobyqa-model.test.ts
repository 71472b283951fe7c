import { describe, expect, it } from 'vitest';
import { InterpolationModel } from './bobyqa-model.js';
import { expectAbsClose, expectClose } from './test-helpers.js';

/** A 3-D model on 2n+1 = 7 points around (0.3, −0.2, 0.5): centre, ±0.1 eᵢ, one point moved. */
function setup(f: (x: Float64Array) => number): InterpolationModel {
  const n = 3;
  const model = new InterpolationModel(n);
  const c = [0.3, -0.2, 0.5];
  for (let k = 0; k < model.m; k++) {
    const y = model.Y.subarray(k * n, k * n + n);
    y.set(c);
    if (k > 0) y[(k - 1) >> 1] += k % 2 === 1 ? 0.1 : -0.1;
    if (k === 4) y[0] += 0.05; // off the coordinate axes, so the system is generic
    model.F[k] = f(y);
  }
  model.rebase(c);
  expect(model.refit()).toBe(true);
  return model;
}

describe('bobyqa interpolation model', () => {
  const f = (x: Float64Array): number =>
    Math.exp(x[0]) + x[1] * x[1] * x[2] + Math.sin(x[2]) - 2 * x[0] * x[1];

  it('interpolates f at every point (to rounding: 1e-12 relative)', () => {
    const model = setup(f);
    for (let k = 0; k < model.m; k++) {
      const y = model.Y.subarray(k * 3, k * 3 + 3);
      expectClose(model.value(y), model.F[k], 1e-12);
    }
  });

  it('Lagrange functions: ℓ_k(y_j) = δ_kj, and the one kept by lagrangeGradient agrees with lagrangeValues', () => {
    const model = setup(f);
    const all = new Float64Array(model.m);
    const grad = new Float64Array(3);
    for (let k = 0; k < model.m; k++) {
      expect(model.lagrangeGradient(k, model.base, grad)).toBe(true);
      for (let j = 0; j < model.m; j++) {
        const y = model.Y.subarray(j * 3, j * 3 + 3);
        // cardinality to 1e-10 absolute (a solve with an 11×11 system of unit scale)
        expectAbsClose(model.lagrangeValue(y), k === j ? 1 : 0, 1e-10);
      }
      const x = Float64Array.of(0.37, -0.11, 0.46);
      expect(model.lagrangeValues(x, all)).toBe(true);
      // the same quantity through W⁻¹e_k instead of W⁻¹w(x): 1e-12 absolute (values are O(1))
      expectAbsClose(model.lagrangeValue(x), all[k], 1e-12);
    }
  });
});
