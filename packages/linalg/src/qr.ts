import { axpyKernel, dotSequentialKernel } from './blas1.js';
import { assertFinite, copyDense, type DenseMatrix } from './dense.js';
import { LinalgError } from './errors.js';

/** Compact Householder QR with limited column pivoting, as R's `qr()` returns it. */
export interface QrPivoted {
  /**
   * n × p: R in the upper triangle (of the pivoted columns), the Householder vectors below it
   * (LINPACK layout, the leading entry of vector l kept in `qraux[l]`).
   */
  readonly qr: DenseMatrix;
  /** Length p: leading entries of the Householder vectors (LINPACK `qraux`). */
  readonly qraux: Float64Array;
  /** Numerical rank: the first `rank` pivoted columns are linearly independent. */
  readonly rank: number;
  /** 0-based: column l of the factored matrix is column `pivot[l]` of X (R's `pivot − 1`). */
  readonly pivot: Int32Array;
  /** The tolerance used for the rank decisions. */
  readonly tol: number;
}

function norm2(x: Float64Array, o: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = x[o + i];
    s += v * v;
  }
  return Math.sqrt(s);
}

/**
 * Householder QR with R's limited column pivoting (LINPACK `dqrdc2`, as used by `qr()`, `lm`
 * and `glm`), on a copy of X: `qrPivotedInPlace(copyDense(X), tol)`. Does not modify X.
 */
export function qrPivoted(X: DenseMatrix, tol = 1e-7): QrPivoted {
  checkTol(tol);
  return qrPivotedKernel(copyDense(X), tol);
}

/**
 * Householder QR with R's limited column pivoting (LINPACK `dqrdc2`) IN PLACE: X's data
 * becomes the compact QR (`result.qr === X`). At step l, a column whose norm, after removing
 * its projection on the previous columns, has fallen below `tol` × its original norm is moved
 * to the end (the others keep their order), and the rank is the number of columns kept in
 * front. Each Householder step v = x_l / ±‖x_l‖ + e_1, x_j ← x_j − (vᵀx_j / v_1) v runs the
 * LINPACK operations in their order (dnrm2 as a left-to-right sum of squares, ddot, daxpy, the
 * scaling by 1/‖x_l‖), so with R's reference BLAS the factor is R's to the last bit.
 */
export function qrPivotedInPlace(X: DenseMatrix, tol = 1e-7): QrPivoted {
  checkTol(tol);
  return qrPivotedKernel(X, tol);
}

/** X's finiteness is checked by the kernel's first pass (the column norms), at no extra cost. */
function checkTol(tol: number): void {
  if (!(tol >= 0)) throw new LinalgError(`tol must be a non-negative number, got ${tol}`);
}

/** dqrdc2 on X.data in place; throws `NonFiniteError` (before any change) for NaN/±Inf. */
function qrPivotedKernel(Q: DenseMatrix, tol: number): QrPivoted {
  const x = Q.data;
  const n = Q.rows;
  const p = Q.cols;
  const qraux = new Float64Array(p);
  const work1 = new Float64Array(p);
  const work2 = new Float64Array(p);
  const pivot = new Int32Array(p);
  const col = new Float64Array(n);
  let normSum = 0;
  for (let j = 0; j < p; j++) {
    pivot[j] = j;
    const nrm = norm2(x, j * n, n);
    qraux[j] = nrm;
    work1[j] = nrm;
    work2[j] = nrm === 0 ? 1 : nrm;
    normSum += nrm;
  }
  // a NaN or ±Infinity entry makes its column norm non-finite: locate it and throw (X unchanged);
  // an overflowing norm of finite entries passes the scan, as before
  if (!Number.isFinite(normSum)) assertFinite(Q, 'X');
  const lup = Math.min(n, p);
  let k = p + 1; // 1-based as in LINPACK: columns k..p have been moved to the end
  for (let l = 0; l < lup; l++) {
    // cycle negligible columns to the end (l+1 < k in 1-based terms)
    while (l + 1 < k && qraux[l] < work2[l] * tol) {
      col.set(x.subarray(l * n, l * n + n));
      x.copyWithin(l * n, (l + 1) * n, p * n);
      x.set(col, (p - 1) * n);
      const i = pivot[l];
      const t = qraux[l];
      const tt = work1[l];
      const ttt = work2[l];
      for (let j = l + 1; j < p; j++) {
        pivot[j - 1] = pivot[j];
        qraux[j - 1] = qraux[j];
        work1[j - 1] = work1[j];
        work2[j - 1] = work2[j];
      }
      pivot[p - 1] = i;
      qraux[p - 1] = t;
      work1[p - 1] = tt;
      work2[p - 1] = ttt;
      k--;
    }
    if (l === n - 1) break;
    // Householder transformation for column l
    const cl = l * n;
    const m = n - l;
    let nrmxl = norm2(x, cl + l, m);
    if (nrmxl === 0) continue;
    if (x[cl + l] !== 0) nrmxl = Math.sign(x[cl + l]) * Math.abs(nrmxl);
    const inv = 1 / nrmxl;
    for (let i = l; i < n; i++) x[cl + i] *= inv;
    x[cl + l] = 1 + x[cl + l];
    const vll = x[cl + l];
    for (let j = l + 1; j < p; j++) {
      const cj = j * n;
      const t = -dotSequentialKernel(m, x, cl + l, x, cj + l) / vll;
      axpyKernel(m, t, x, cl + l, x, cj + l);
      if (qraux[j] === 0) continue;
      const r = Math.abs(x[cj + l]) / qraux[j];
      const tt = Math.max(1 - r * r, 0);
      if (Math.abs(tt) < 1e-6) {
        qraux[j] = norm2(x, cj + l + 1, m - 1);
        work1[j] = qraux[j];
      } else {
        qraux[j] = qraux[j] * Math.sqrt(tt);
      }
    }
    qraux[l] = x[cl + l];
    x[cl + l] = -nrmxl;
  }
  const rank = Math.min(k - 1, n);
  return { qr: Q, qraux, rank, pivot, tol };
}
