import { determinant, inverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { cholesky } from './cholesky.js';
import { chol2inv, choleskySolve, inverseSpd, logDetFromCholesky } from './cholesky-utils.js';
import { NotPositiveDefiniteError } from './errors.js';
import {
  expectClose,
  expectRel,
  maxAbs,
  mlData,
  naiveGemm,
  randomMatrix,
  randomSpd,
  toMl,
} from './test-utils/helpers.js';

describe('Cholesky-based solves and inverses', () => {
  it('choleskySolve: relative residual below 1e-12·cond; agrees with ml-matrix', () => {
    for (const n of [1, 7, 70]) {
      const A = randomSpd(n, 300 + n);
      const cond = maxAbs(A.data) * n * maxAbs(mlData(inverse(toMl(A)))) * n;
      const L = cholesky(A);
      const B = randomMatrix(n, 2, 400 + n);
      const X = choleskySolve(L, B);
      const R = naiveGemm(A, X, false, false).data.map((v, k) => v - B.data[k]);
      expect(maxAbs(R) / maxAbs(B.data)).toBeLessThanOrEqual(1e-12 * cond);
      const x = choleskySolve(L, B.data.slice(0, n));
      expectClose(x, X.data.subarray(0, n), 0); // same kernel per column: identical
      // cond(A) ≤ ~10 here, so the two solutions agree to ~1e-14
      expectClose(
        x,
        mlData(inverse(toMl(A)).mmul(toMl({ rows: n, cols: 1, data: B.data.slice(0, n) }))),
        1e-12,
      );
    }
  });
  it('chol2inv (lower and upper), inverseSpd and logDet agree with ml-matrix', () => {
    const n = 20;
    const A = randomSpd(n, 5);
    const L = cholesky(A);
    const ref = mlData(inverse(toMl(A)));
    // well-conditioned A (cond ≤ ~10): inverse entries accurate to ~n·ε·cond, so 1e-12
    expectClose(chol2inv(L).data, ref, 1e-12);
    const R = { rows: n, cols: n, data: new Float64Array(n * n) };
    for (let j = 0; j < n; j++) for (let i = 0; i <= j; i++) R.data[i + j * n] = L.data[j + i * n];
    expectClose(chol2inv(R, { upper: true }).data, ref, 1e-12);
    expectClose(inverseSpd(A).data, ref, 1e-12);
    // log det: ml-matrix's LU determinant, relative 1e-12 (both accurate to ~n·ε in log scale)
    expectRel(logDetFromCholesky(L), Math.log(determinant(toMl(A))), 1e-12);
    expect(() => inverseSpd({ rows: 2, cols: 2, data: Float64Array.from([1, 2, 2, 1]) })).toThrow(
      NotPositiveDefiniteError,
    );
  });
});
