import { inverse, Matrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { type DenseMatrix, fromRows } from './dense.js';
import { SingularMatrixError } from './errors.js';
import { solveTriangular, solveTriangularInPlace } from './triangular.js';
import {
  expectClose,
  maxAbs,
  mlData,
  naiveGemm,
  randomMatrix,
  toMl,
} from './test-utils/helpers.js';

/** Random triangle (other triangle filled with garbage that must be ignored). */
function randomTriangle(
  n: number,
  lower: boolean,
  seed: number,
): { T: DenseMatrix; clean: DenseMatrix } {
  const T = randomMatrix(n, n, seed);
  const clean = { rows: n, cols: n, data: new Float64Array(n * n) };
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const inside = lower ? i >= j : i <= j;
      if (i === j)
        T.data[i + j * n] = Math.sign(T.data[i + j * n]) * (1 + Math.abs(T.data[i + j * n]));
      if (inside) clean.data[i + j * n] = T.data[i + j * n];
    }
  return { T, clean };
}

function normInf(A: Matrix): number {
  let m = 0;
  for (let i = 0; i < A.rows; i++) {
    let s = 0;
    for (let j = 0; j < A.columns; j++) s += Math.abs(A.get(i, j));
    m = Math.max(m, s);
  }
  return m;
}

describe('solveTriangular', () => {
  it('relative residuals below 1e-12·cond for all four variants, one and many RHS', () => {
    let seed = 1;
    for (const n of [1, 4, 33, 120]) {
      for (const lower of [true, false]) {
        for (const trans of [false, true]) {
          const { T, clean } = randomTriangle(n, lower, seed++);
          const op = trans ? toMl(clean).transpose() : toMl(clean);
          const cond = normInf(op) * normInf(inverse(op));
          const B = randomMatrix(n, 3, seed++);
          const X = solveTriangular(T, B, { lower, trans });
          const R = naiveGemm(clean, X, trans, false).data.map((v, k) => v - B.data[k]);
          // backward stable: ‖b − op(T)x‖ ≤ n·ε·‖T‖‖x‖ ⇒ relative residual ≤ ~n·ε·cond
          expect(maxAbs(R) / maxAbs(B.data)).toBeLessThanOrEqual(1e-12 * cond);
          const b = Float64Array.from(B.data.subarray(0, n));
          const x = solveTriangular(T, b, { lower, trans });
          expectClose(x, X.data.subarray(0, n), 0); // same kernel, column by column: identical
          // against ml-matrix's LU solve of the same system (forward error ≤ cond·ε scale)
          const ml = solve(op, Matrix.columnVector(Array.from(b)));
          expect(maxAbs(mlData(ml).map((v, i) => v - x[i]))).toBeLessThanOrEqual(
            1e-12 * cond * Math.max(1, maxAbs(x)),
          );
        }
      }
    }
  });
  it('solves in place and rejects singular or mismatched input', () => {
    const L = fromRows([
      [2, 0],
      [1, 4],
    ]);
    const b = Float64Array.from([2, 9]);
    const out = solveTriangularInPlace(L, b, { lower: true });
    expect(out).toBe(b);
    expect(Array.from(b)).toEqual([1, 2]);
    const S = fromRows([
      [1, 0],
      [1, 0],
    ]);
    expect(() => solveTriangular(S, new Float64Array(2), { lower: true })).toThrow(
      SingularMatrixError,
    );
    expect(() => solveTriangular(S, new Float64Array(2), { lower: true })).toThrow(/index 1/);
    expect(() => solveTriangular(L, new Float64Array(3), { lower: true })).toThrow(
      /b has length 3/,
    );
  });
});
