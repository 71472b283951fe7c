import { assertLength } from './checks.js';

/** Inner product xᵀy = Σ_i x_i y_i. */
export function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  assertLength(y, x.length, 'y', 'must match x');
  return dotKernel(x.length, x, 0, y, 0);
}

/** Σ_{i<n} x[xo+i] y[yo+i], four-way unrolled; trusts its input. */
export function dotKernel(
  n: number,
  x: ArrayLike<number>,
  xo: number,
  y: ArrayLike<number>,
  yo: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += x[xo + i] * y[yo + i];
    s1 += x[xo + i + 1] * y[yo + i + 1];
    s2 += x[xo + i + 2] * y[yo + i + 2];
    s3 += x[xo + i + 3] * y[yo + i + 3];
  }
  for (; i < n; i++) s0 += x[xo + i] * y[yo + i];
  return s0 + s1 + (s2 + s3);
}

/**
 * Σ_{i<n} x[xo+i] y[yo+i] summed left to right, the rounding of reference BLAS `ddot` (whose
 * unrolled loop still adds in order): the QR kernel uses it to reproduce R's bits. Trusts its
 * input.
 */
export function dotSequentialKernel(
  n: number,
  x: ArrayLike<number>,
  xo: number,
  y: ArrayLike<number>,
  yo: number,
): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[xo + i] * y[yo + i];
  return s;
}

/** y ← y + αx (BLAS daxpy). Mutates and returns `y`. */
export function axpyInPlace(alpha: number, x: ArrayLike<number>, y: Float64Array): Float64Array {
  assertLength(x, y.length, 'x', 'must match y');
  axpyKernel(y.length, alpha, x, 0, y, 0);
  return y;
}

/** y[yo+i] += α x[xo+i] for i < n; trusts its input. */
export function axpyKernel(
  n: number,
  alpha: number,
  x: ArrayLike<number>,
  xo: number,
  y: Float64Array,
  yo: number,
): void {
  if (alpha === 0) return;
  for (let i = 0; i < n; i++) y[yo + i] += alpha * x[xo + i];
}
