import { CholeskyDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { choleskyInPlace, cholesky, pivotedCholesky } from './cholesky.js';
import { copyDense, fromRows } from './dense.js';
import { NonFiniteError, NotPositiveDefiniteError, NotSquareError } from './errors.js';
import pcholR from './fixtures/pivoted-cholesky-r.json' with { type: 'json' };
import { expectClose, maxAbs, mlData, naiveGemm, randomSpd, toMl } from './test-utils/helpers.js';

/** Plain unblocked Cholesky–Banachiewicz (reference loop). */
function naiveCholesky(A: { rows: number; data: Float64Array }): Float64Array {
  const n = A.rows;
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = A.data[j + j * n];
    for (let k = 0; k < j; k++) d -= L[j + k * n] ** 2;
    L[j + j * n] = Math.sqrt(d);
    for (let i = j + 1; i < n; i++) {
      let s = A.data[i + j * n];
      for (let k = 0; k < j; k++) s -= L[i + k * n] * L[j + k * n];
      L[i + j * n] = s / L[j + j * n];
    }
  }
  return L;
}

describe('cholesky', () => {
  it('A = LLᵀ within 1e-12·‖A‖ over seeded SPD matrices (block edges included)', () => {
    for (const n of [1, 2, 5, 63, 64, 65, 150, 201]) {
      const A = randomSpd(n, 1000 + n);
      const L = cholesky(A);
      for (let j = 1; j < n; j++) for (let i = 0; i < j; i++) expect(L.data[i + j * n]).toBe(0);
      const LLt = naiveGemm(L, L, false, true);
      // the criterion: max-abs residual below 1e-12 times max-abs of A
      const r = LLt.data.map((v, k) => v - A.data[k]);
      expect(maxAbs(r)).toBeLessThanOrEqual(1e-12 * maxAbs(A.data));
      // these A = GᵀG + nI have cond ≤ ~10, so L itself is accurate to ~n·ε·cond; 1e-12
      expectClose(L.data, naiveCholesky(A), 1e-12);
      if (n <= 65) {
        const ml = new CholeskyDecomposition(toMl(A));
        expectClose(L.data, mlData(ml.lowerTriangularMatrix), 1e-12);
      }
    }
  });
  for (const [n, bad] of [
    [100, 80],
    [300, 203],
  ]) {
    it(`reports the failing index of an indefinite matrix (n = ${n}, index ${bad})`, () => {
      const A = randomSpd(n, 7);
      A.data[bad + bad * n] = -1e3;
      const W = copyDense(A);
      const r = choleskyInPlace(W);
      expect(r.ok).toBe(false);
      expect(r.failedAt).toBe(bad);
      expect(r.rank).toBe(bad);
      expect(r.failedPivot).toBeLessThan(0);
      // the first `bad` columns are a valid partial factor of the leading bad × bad block
      const Lb = new Float64Array(bad * bad);
      const Ab = new Float64Array(bad * bad);
      for (let j = 0; j < bad; j++)
        for (let i = 0; i < bad; i++) {
          Lb[i + j * bad] = W.data[i + j * n];
          Ab[i + j * bad] = A.data[i + j * n];
        }
      const M = { rows: bad, cols: bad, data: Lb };
      const LL = naiveGemm(M, M, false, true);
      expect(maxAbs(LL.data.map((v, k) => v - Ab[k]))).toBeLessThanOrEqual(1e-12 * maxAbs(Ab));
      expect(() => cholesky(A)).toThrow(NotPositiveDefiniteError);
      expect(() => cholesky(A)).toThrow(new RegExp(`A is not positive definite.*index ${bad}\\)`));
    });
  }
  it('types bad input', () => {
    expect(() => cholesky(fromRows([[1, 2, 3]]))).toThrow(NotSquareError);
    expect(() => cholesky(fromRows([[1, 2, 3]]))).toThrow(/A must be square, got 1 × 3/);
    expect(() =>
      cholesky(
        fromRows([
          [1, 0],
          [Number.POSITIVE_INFINITY, 1],
        ]),
      ),
    ).toThrow(NonFiniteError);
    expect(() =>
      cholesky(
        fromRows([
          [1, 0],
          [Number.NaN, 1],
        ]),
      ),
    ).toThrow(/row 1, column 0/);
    const r = choleskyInPlace(
      fromRows([
        [1, 2],
        [2, 1],
      ]),
    );
    expect(r).toEqual({ ok: false, rank: 1, failedAt: 1, failedPivot: -3 });
  });
});

describe('pivotedCholesky', () => {
  it("matches R's chol(pivot = TRUE) pivot and rank on a rank-2 PSD matrix", () => {
    const n = 6;
    const A = { rows: n, cols: n, data: Float64Array.from(pcholR.A) };
    const { L, pivot, rank } = pivotedCholesky(A);
    expect(rank).toBe(pcholR.rank);
    expect(Array.from(pivot)).toEqual(pcholR.pivot.map((p: number) => p - 1));
    const LLt = naiveGemm(L, L, false, true);
    const Ap = new Float64Array(n * n);
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) Ap[i + j * n] = A.data[pivot[i] + pivot[j] * n];
    // integer data, rank 2: the rounding in the two computed columns is ≤ a few ε·‖A‖
    expect(maxAbs(LLt.data.map((v, k) => v - Ap[k]))).toBeLessThanOrEqual(1e-12 * maxAbs(A.data));
  });
  it('is a full Cholesky of a permuted SPD matrix', () => {
    const n = 30;
    const A = randomSpd(n, 99);
    const { L, pivot, rank } = pivotedCholesky(A);
    expect(rank).toBe(n);
    expect(new Set(pivot).size).toBe(n);
    const LLt = naiveGemm(L, L, false, true);
    let worst = 0;
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++)
        worst = Math.max(worst, Math.abs(LLt.data[i + j * n] - A.data[pivot[i] + pivot[j] * n]));
    expect(worst).toBeLessThanOrEqual(1e-12 * maxAbs(A.data));
  });
});
