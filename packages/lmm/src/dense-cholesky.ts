/**
 * In-place lower Cholesky of the leading n×n block of a column-major array with leading
 * dimension n (starting at `offset`): on return the lower triangle holds L with A = LLᵀ (the strict upper triangle is
 * left untouched and never read). Right-looking, column-oriented so that every inner loop runs
 * down a contiguous column. Returns −1 on success or the index of the first non-positive pivot.
 *
 * Kept in lmm beside @likelihood/linalg's `choleskyInPlace`: it is the inner step of the blocked
 * factor update, run thousands of times per fit on the per-level p×p diagonal blocks (an
 * `offset` into one packed array, which linalg's `DenseMatrix` kernel does not take) and on
 * small rest blocks, where linalg's blocked dpotrf (panel recursion, packing, zeroing the
 * upper triangle) costs more than the factorization; rest blocks above 48 columns and every
 * non-hot factorization in lmm use linalg's kernel.
 */
export function choleskyLowerInPlace(a: Float64Array, n: number, offset = 0): number {
  for (let j = 0; j < n; j++) {
    const jj = offset + j + j * n;
    const d = a[jj]!;
    if (!(d > 0)) return j;
    const ljj = Math.sqrt(d);
    a[jj] = ljj;
    const inv = 1 / ljj;
    const colJ = offset + j * n;
    for (let i = j + 1; i < n; i++) a[i + colJ]! *= inv;
    for (let k = j + 1; k < n; k++) {
      const lkj = a[k + colJ]!;
      if (lkj === 0) continue;
      const colK = offset + k * n;
      for (let i = k; i < n; i++) a[i + colK]! -= a[i + colJ]! * lkj;
    }
  }
  return -1;
}
