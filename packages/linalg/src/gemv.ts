import { dotKernel } from './blas1.js';
import { assertLength } from './checks.js';
import type { DenseMatrix } from './dense.js';

/** Options of `gemv`: y ← α·op(A)·x + β·y with op(A) = A or Aᵀ. */
export interface GemvOptions {
  /** Use Aᵀ instead of A. Default false. */
  readonly trans?: boolean;
  /** Default 1. */
  readonly alpha?: number;
  /** Default 0 (then `y`'s old contents are ignored, even NaN). */
  readonly beta?: number;
  /** Output vector; overwritten in place and returned when given. */
  readonly y?: Float64Array;
}

/**
 * Matrix–vector product y ← α·op(A)·x + β·y (BLAS dgemv), op(A) = A (rows × cols) or Aᵀ.
 * Returns `y` (the one passed in `opts.y`, mutated, or a new vector).
 */
export function gemv(A: DenseMatrix, x: ArrayLike<number>, opts: GemvOptions = {}): Float64Array {
  const trans = opts.trans ?? false;
  const alpha = opts.alpha ?? 1;
  const beta = opts.beta ?? 0;
  const m = trans ? A.cols : A.rows;
  const n = trans ? A.rows : A.cols;
  assertLength(x, n, 'x', trans ? 'must equal A.rows for Aᵀx' : 'must equal A.cols for Ax');
  const y = opts.y ?? new Float64Array(m);
  assertLength(y, m, 'y', trans ? 'must equal A.cols for Aᵀx' : 'must equal A.rows for Ax');
  if (beta === 0) y.fill(0);
  else if (beta !== 1) for (let i = 0; i < m; i++) y[i] *= beta;
  const a = A.data;
  const r = A.rows;
  if (trans) {
    for (let j = 0; j < A.cols; j++) y[j] += alpha * dotKernel(r, a, j * r, x, 0);
  } else {
    for (let j = 0; j < A.cols; j++) {
      const s = alpha * x[j];
      if (s === 0) continue;
      const o = j * r;
      for (let i = 0; i < r; i++) y[i] += s * a[o + i];
    }
  }
  return y;
}
