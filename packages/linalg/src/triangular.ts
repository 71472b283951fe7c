import { dotKernel } from './blas1.js';
import { assertSquare } from './checks.js';
import { copyDense, type DenseMatrix } from './dense.js';
import { DimensionError, SingularMatrixError } from './errors.js';

/** Which triangle of T holds the factor, and whether to solve with Tᵀ. */
export interface TriangularOptions {
  /** True: T is lower triangular (entries above the diagonal ignored); false: upper. */
  readonly lower: boolean;
  /** Solve Tᵀx = b instead of Tx = b. Default false. */
  readonly trans?: boolean;
}

/**
 * Solves op(T)·X = B for X (BLAS dtrsv/dtrsm, left side), op(T) = T or Tᵀ, for one right-hand
 * side (Float64Array) or many (the columns of a DenseMatrix). Only the triangle named by
 * `lower` is read. Overwrites and returns `B`. Throws `SingularMatrixError` for a zero or
 * non-finite diagonal entry.
 */
export function solveTriangularInPlace<B extends Float64Array | DenseMatrix>(
  T: DenseMatrix,
  B: B,
  opts: TriangularOptions,
): B {
  assertSquare(T, 'T');
  const n = T.rows;
  for (let i = 0; i < n; i++) {
    const d = T.data[i + i * n];
    if (d === 0 || !Number.isFinite(d)) throw new SingularMatrixError('T', i, d);
  }
  const trans = opts.trans ?? false;
  if (B instanceof Float64Array) {
    if (B.length !== n)
      throw new DimensionError(`b has length ${B.length}, expected T.rows = ${n}`);
    trsvKernel(T.data, n, opts.lower, trans, B, 0);
    return B;
  }
  const M = B as DenseMatrix;
  if (M.rows !== n) throw new DimensionError(`B has ${M.rows} rows, expected T.rows = ${n}`);
  for (let j = 0; j < M.cols; j++) trsvKernel(T.data, n, opts.lower, trans, M.data, j * n);
  return B;
}

/** Like `solveTriangularInPlace` but leaves `B` untouched and returns a new solution. */
export function solveTriangular<B extends Float64Array | DenseMatrix>(
  T: DenseMatrix,
  B: B,
  opts: TriangularOptions,
): B {
  const copy = (
    B instanceof Float64Array ? Float64Array.from(B) : copyDense(B as DenseMatrix)
  ) as B;
  return solveTriangularInPlace(T, copy, opts);
}

/**
 * In-place triangular solve on x = b[o : o+n] with the n × n triangle of t (column-major);
 * every variant walks T by contiguous columns. Trusts its input.
 */
export function trsvKernel(
  t: Float64Array,
  n: number,
  lower: boolean,
  trans: boolean,
  b: Float64Array,
  o: number,
): void {
  if (lower && !trans) {
    // forward substitution, column-oriented: x_j = b_j / L_jj; b[j+1:] -= x_j L[j+1:, j]
    for (let j = 0; j < n; j++) {
      const xj = b[o + j] / t[j + j * n];
      b[o + j] = xj;
      if (xj === 0) continue;
      const cj = j * n;
      for (let i = j + 1; i < n; i++) b[o + i] -= xj * t[i + cj];
    }
  } else if (lower && trans) {
    // Lᵀx = b: x_j = (b_j − L[j+1:, j]·x[j+1:]) / L_jj, j descending
    for (let j = n - 1; j >= 0; j--) {
      const cj = j * n;
      const s = dotKernel(n - j - 1, t, cj + j + 1, b, o + j + 1);
      b[o + j] = (b[o + j] - s) / t[j + cj];
    }
  } else if (!lower && !trans) {
    // back substitution: x_j = b_j / U_jj; b[:j] -= x_j U[:j, j], j descending
    for (let j = n - 1; j >= 0; j--) {
      const cj = j * n;
      const xj = b[o + j] / t[j + cj];
      b[o + j] = xj;
      if (xj === 0) continue;
      for (let i = 0; i < j; i++) b[o + i] -= xj * t[i + cj];
    }
  } else {
    // Uᵀx = b: x_j = (b_j − U[:j, j]·x[:j]) / U_jj, j ascending
    for (let j = 0; j < n; j++) {
      const cj = j * n;
      const s = dotKernel(j, t, cj, b, o);
      b[o + j] = (b[o + j] - s) / t[j + cj];
    }
  }
}
