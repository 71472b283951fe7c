import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { axpyInPlace, dot } from './blas1.js';
import { DimensionError } from './errors.js';
import { gemv } from './gemv.js';
import { expectClose, expectRel, mlData, randomMatrix, toMl } from './test-utils/helpers.js';

// Different summation order only: error ≤ n·ε·Σ|x_i y_i| ≈ 1e-14 for these sizes, so 1e-12.
const TOL = 1e-12;

describe('dot / axpyInPlace', () => {
  it('match a plain loop and ml-matrix', () => {
    for (const n of [0, 1, 3, 4, 5, 101]) {
      const x = randomMatrix(n, 1, 1 + n).data;
      const y = randomMatrix(n, 1, 2 + n).data;
      let ref = 0;
      for (let i = 0; i < n; i++) ref += x[i] * y[i];
      const d = dot(x, y);
      expect(Math.abs(d - ref)).toBeLessThanOrEqual(TOL * Math.max(1, Math.abs(ref)));
      if (n > 0) {
        const ml = Matrix.rowVector(Array.from(x)).dot(Matrix.rowVector(Array.from(y)));
        expect(Math.abs(d - ml)).toBeLessThanOrEqual(TOL * Math.max(1, Math.abs(ml)));
      }
      const z = Float64Array.from(y);
      axpyInPlace(-2.5, x, z);
      // axpy is one multiply-add per entry: identical to the plain loop bit for bit
      for (let i = 0; i < n; i++) expect(z[i]).toBe(y[i] + -2.5 * x[i]);
      if (n > 0) {
        const ml = Matrix.rowVector(Array.from(y)).add(Matrix.rowVector(Array.from(x)).mul(-2.5));
        // ml-matrix does the same two roundings (multiply, then add): equal to 1 ulp-level
        expectClose(z, ml.getRow(0), 1e-15);
      }
    }
  });
  it('rejects length mismatches naming the argument', () => {
    expect(() => dot([1, 2], [1])).toThrow(DimensionError);
    expect(() => dot([1, 2], [1])).toThrow(/y has length 1, expected 2/);
    expect(() => axpyInPlace(1, [1], new Float64Array(2))).toThrow(/x has length 1/);
  });
});

describe('gemv', () => {
  it('computes αAx + βy and αAᵀx + βy like a plain loop and ml-matrix', () => {
    const A = randomMatrix(13, 7, 3);
    const x = randomMatrix(7, 1, 4).data;
    const xt = randomMatrix(13, 1, 5).data;
    const y0 = randomMatrix(13, 1, 6).data;
    const y = gemv(A, x, { alpha: 2, beta: -0.5, y: Float64Array.from(y0) });
    const ref = new Float64Array(13);
    for (let i = 0; i < 13; i++) {
      let s = 0;
      for (let j = 0; j < 7; j++) s += A.data[i + j * 13] * x[j];
      ref[i] = 2 * s - 0.5 * y0[i];
    }
    expectClose(y, ref, TOL);
    const ml = toMl(A).mmul(Matrix.columnVector(Array.from(x)));
    expectClose(gemv(A, x), mlData(ml), TOL);
    const yt = gemv(A, xt, { trans: true });
    const mlt = toMl(A)
      .transpose()
      .mmul(Matrix.columnVector(Array.from(xt)));
    expectClose(yt, mlData(mlt), TOL);
    expectRel(yt[3], dot(A.data.subarray(39, 52), xt), TOL);
  });
  it('checks shapes', () => {
    const A = randomMatrix(3, 2, 1);
    expect(() => gemv(A, [1, 2, 3])).toThrow(/x has length 3, expected 2/);
    expect(() => gemv(A, [1, 2], { y: new Float64Array(2) })).toThrow(/y has length 2/);
  });
});
