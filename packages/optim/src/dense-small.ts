import { DimensionMismatchError } from './errors.js';

/** Read a user Hessian (flat n*n, or n rows of n) into `out` (row-major). Mutates `out`. */
export function matrixInto(
  H: ArrayLike<number> | ArrayLike<number>[],
  n: number,
  out: Float64Array,
  argument: string,
): Float64Array {
  if (H.length === n * n && typeof H[0] === 'number') {
    const flat = H as ArrayLike<number>;
    for (let k = 0; k < n * n; k++) out[k] = flat[k];
    return out;
  }
  if (H.length !== n) throw new DimensionMismatchError(argument, H.length, n);
  const rows = H as ArrayLike<number>[];
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row == null || row.length !== n) {
      throw new DimensionMismatchError(`${argument}[${i}]`, row == null ? 0 : row.length, n);
    }
    for (let j = 0; j < n; j++) out[i * n + j] = row[j];
  }
  return out;
}

/**
 * Cholesky A + ridge·I = R'R of a symmetric row-major n×n matrix, R upper, stored in `R`.
 * Returns false when a pivot is not positive. Mutates `R`.
 */
export function choleskyInPlace(
  A: Float64Array,
  n: number,
  ridge: number,
  R: Float64Array,
): boolean {
  for (let j = 0; j < n; j++) {
    let s = A[j * n + j] + ridge;
    for (let k = 0; k < j; k++) s -= R[k * n + j] * R[k * n + j];
    if (!(s > 0)) return false;
    const d = Math.sqrt(s);
    R[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let t = A[j * n + i];
      for (let k = 0; k < j; k++) t -= R[k * n + j] * R[k * n + i];
      R[j * n + i] = t / d;
    }
  }
  return true;
}

/** Solve R'R x = b with R from {@link choleskyInPlace}; overwrites `b` with x. */
export function choleskySolveInPlace(R: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= R[k * n + i] * b[k];
    b[i] = s / R[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= R[i * n + k] * b[k];
    b[i] = s / R[i * n + i];
  }
  return b;
}

/**
 * Solve the dense square system A x = b (row-major A, n×n) by Gaussian elimination with
 * partial pivoting: {@link luFactorInPlace} then {@link luSolveFactoredInPlace}, whose rounding
 * is that of eliminating with b carried along. Overwrites `A` and `b` (b becomes x). Returns
 * false if A is singular (b then untouched).
 */
export function luSolveInPlace(A: Float64Array, n: number, b: Float64Array): boolean {
  const piv = new Int32Array(n);
  if (!luFactorInPlace(A, n, piv)) return false;
  luSolveFactoredInPlace(A, n, piv, b);
  return true;
}

/**
 * LU factorization with partial pivoting, P A = L U, of a small dense row-major n×n matrix,
 * factorized once and solved for many right-hand sides (BOBYQA's interpolation system: the
 * model correction and every Lagrange function it needs). Factorizes `A` in place: U on and
 * above the diagonal, the multipliers of L below it, the pivot row of step k in `piv[k]`.
 * Returns false if a pivot column is exactly zero (singular). Mutates `A` and `piv`.
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
