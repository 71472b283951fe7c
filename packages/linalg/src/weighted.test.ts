import { describe, expect, it } from 'vitest';
import { crossprodWeighted, crossprodWeightedVec, weightedNormalEquations } from './weighted.js';
import { expectClose, mlData, randomMatrix, toMl } from './test-utils/helpers.js';
import { Matrix } from 'ml-matrix';

// Sums over n ≤ 600 rows in a different order: ≤ n·ε·Σ|x w x| ≈ 1e-13 relative, so 1e-12.
const TOL = 1e-12;

function naive(
  X: { rows: number; cols: number; data: Float64Array },
  w: Float64Array,
  z: Float64Array,
) {
  const { rows: n, cols: p, data: x } = X;
  const XtWX = new Float64Array(p * p);
  const XtWz = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) XtWz[j] += x[i + j * n] * w[i] * z[i];
    for (let k = 0; k < p; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += x[i + j * n] * w[i] * x[i + k * n];
      XtWX[j + k * p] = s;
    }
  }
  return { XtWX, XtWz };
}

describe('weighted cross-products', () => {
  it('XᵀWX and XᵀWz agree with plain loops and ml-matrix (signed weights, odd shapes)', () => {
    for (const [n, p, seed] of [
      [1, 1, 1],
      [17, 3, 2],
      [600, 23, 3],
      [50, 50, 4],
    ]) {
      const X = randomMatrix(n, p, seed);
      const w = randomMatrix(n, 1, seed + 100).data.map((v) => v * v - 0.3);
      const z = randomMatrix(n, 1, seed + 200).data;
      const ref = naive(X, w, z);
      expectClose(crossprodWeighted(X, w).data, ref.XtWX, TOL);
      expectClose(crossprodWeightedVec(X, w, z), ref.XtWz, TOL);
      const one = weightedNormalEquations(X, w, z);
      expectClose(one.XtWX.data, ref.XtWX, TOL);
      expectClose(one.XtWz, ref.XtWz, TOL);
      const Xm = toMl(X);
      const WX = Xm.clone();
      for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) WX.set(i, j, WX.get(i, j) * w[i]);
      expectClose(one.XtWX.data, mlData(Xm.transpose().mmul(WX)), TOL);
      expectClose(one.XtWz, mlData(WX.transpose().mmul(Matrix.columnVector(Array.from(z)))), TOL);
    }
  });
  it('checks lengths', () => {
    const X = randomMatrix(4, 2, 1);
    expect(() => crossprodWeighted(X, [1, 2])).toThrow(/w has length 2, expected 4/);
    expect(() => weightedNormalEquations(X, [1, 1, 1, 1], [1])).toThrow(/z has length 1/);
  });
});
