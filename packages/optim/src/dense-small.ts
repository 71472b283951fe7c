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
 * partial pivoting. Overwrites `A` and `b` (b becomes x). Returns false if A is singular.
 */
export function luSolveInPlace(A: Float64Array, n: number, b: Float64Array): boolean {
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
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = A[k * n + j];
        A[k * n + j] = A[p * n + j];
        A[p * n + j] = t;
      }
      const t = b[k];
      b[k] = b[p];
      b[p] = t;
    }
    const akk = A[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const m = A[i * n + k] / akk;
      if (m === 0) continue;
      for (let j = k + 1; j < n; j++) A[i * n + j] -= m * A[k * n + j];
      b[i] -= m * b[k];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= A[i * n + j] * b[j];
    b[i] = s / A[i * n + i];
  }
  return true;
}
