/**
 * LU factorization with partial pivoting, P A = L U, of a small dense row-major n×n matrix,
 * kept so that BOBYQA's interpolation system is factorized once per change of its points and
 * then solved for many right-hand sides (the model correction and every Lagrange function it
 * needs). The elimination order is that of `luSolveInPlace` (dense-small.ts), so a factor+solve
 * gives the very same rounding as one call of it.
 */

/**
 * Factorize `A` in place: U on and above the diagonal, the multipliers of L below it, the pivot
 * row of step k in `piv[k]`. Returns false if a pivot column is exactly zero (singular).
 * Mutates `A` and `piv`.
 */
export function luFactorInPlace(A: Float64Array, n: number, piv: Int32Array): boolean {
  for (let k = 0; k < n; k++) {
    let p = k;
    let big = Math.abs(A[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(A[i * n + k]);
      if (v > big) {
        big = v;
        p = i;
      }
    }
    if (big === 0) return false;
    piv[k] = p;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = A[k * n + j];
        A[k * n + j] = A[p * n + j];
        A[p * n + j] = t;
      }
    }
    const akk = A[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const m = A[i * n + k] / akk;
      A[i * n + k] = m;
      if (m === 0) continue;
      for (let j = k + 1; j < n; j++) A[i * n + j] -= m * A[k * n + j];
    }
  }
  return true;
}

/**
 * Solve A x = b with the factors of {@link luFactorInPlace}: b ← U⁻¹ L⁻¹ P b (P applied first). Overwrites `b`.
 */
export function luSolveFactoredInPlace(
  LU: Float64Array,
  n: number,
  piv: Int32Array,
  b: Float64Array,
): Float64Array {
  // all row interchanges first (the multipliers moved with their rows), then L⁻¹ column by
  // column: each b[i] receives its updates in the same order as during elimination
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) {
      const t = b[k];
      b[k] = b[p];
      b[p] = t;
    }
  }
  for (let k = 0; k < n; k++) {
    const bk = b[k];
    for (let i = k + 1; i < n; i++) {
      const m = LU[i * n + k];
      if (m !== 0) b[i] -= m * bk;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= LU[i * n + j] * b[j];
    b[i] = s / LU[i * n + i];
  }
  return b;
}
