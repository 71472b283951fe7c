import { axpyKernel, dotKernel } from './blas1.js';
import { assertLength } from './checks.js';
import { chol2inv } from './cholesky-utils.js';
import { type DenseMatrix, dense } from './dense.js';
import type { QrPivoted } from './qr.js';
import { trsvKernel } from './triangular.js';

/** Applies Householder reflection j of `f` to y in place (LINPACK dqrsl, one step). */
function reflect(f: QrPivoted, j: number, y: Float64Array): void {
  const n = f.qr.rows;
  const x = f.qr.data;
  const qj = f.qraux[j];
  if (qj === 0) return;
  const cj = j * n;
  // v = (qraux[j], x[j+1:n, j]); y ← y − v (vᵀy) / v_1
  const s = qj * y[j] + dotKernel(n - j - 1, x, cj + j + 1, y, j + 1);
  const t = -s / qj;
  y[j] += t * qj;
  axpyKernel(n - j - 1, t, x, cj + j + 1, y, j + 1);
}

/** Number of reflections R's `qr.qty`/`qr.qy` apply: min(rank, n − 1). */
function reflections(f: QrPivoted): number {
  return Math.min(f.rank, f.qr.rows - 1);
}

/** Qᵀy (R's `qr.qty`), y of length n; returns a new vector. */
export function qrQty(f: QrPivoted, y: ArrayLike<number>): Float64Array {
  assertLength(y, f.qr.rows, 'y', 'must equal the number of rows of the QR');
  const out = Float64Array.from(y);
  const ju = reflections(f);
  for (let j = 0; j < ju; j++) reflect(f, j, out);
  return out;
}

/** Qy (R's `qr.qy`), y of length n; returns a new vector. */
export function qrQy(f: QrPivoted, y: ArrayLike<number>): Float64Array {
  assertLength(y, f.qr.rows, 'y', 'must equal the number of rows of the QR');
  const out = Float64Array.from(y);
  for (let j = reflections(f) - 1; j >= 0; j--) reflect(f, j, out);
  return out;
}

/**
 * Least-squares coefficients (R's `qr.coef`): solves R₁₁ b = (Qᵀy)[0:rank] and returns them
 * in the ORIGINAL column order of X; aliased columns (pivoted past the rank) get NaN, as R's NA.
 */
export function qrCoef(f: QrPivoted, y: ArrayLike<number>): Float64Array {
  const k = f.rank;
  const p = f.qr.cols;
  const qty = qrQty(f, y);
  const b = qty.subarray(0, k);
  // R₁₁ is the leading k × k upper triangle of the n-row qr array: copy it to a k × k matrix
  const R = upperBlock(f.qr, k);
  trsvKernel(R, k, false, false, b, 0);
  const coef = new Float64Array(p).fill(Number.NaN);
  for (let i = 0; i < k; i++) coef[f.pivot[i]] = b[i];
  return coef;
}

/** Fitted values ŷ = Q [(Qᵀy)₁..ₖ; 0] (R's `qr.fitted`). */
export function qrFitted(f: QrPivoted, y: ArrayLike<number>): Float64Array {
  const qty = qrQty(f, y);
  qty.fill(0, f.rank);
  return qrQy(f, qty);
}

/** Residuals y − ŷ = Q [0; (Qᵀy)ₖ₊₁..ₙ] (R's `qr.resid`). */
export function qrResiduals(f: QrPivoted, y: ArrayLike<number>): Float64Array {
  const qty = qrQty(f, y);
  qty.fill(0, 0, Math.min(f.rank, qty.length));
  return qrQy(f, qty);
}

function upperBlock(qr: DenseMatrix, k: number): Float64Array {
  const n = qr.rows;
  const R = new Float64Array(k * k);
  for (let j = 0; j < k; j++) for (let i = 0; i <= j; i++) R[i + j * k] = qr.data[i + j * n];
  return R;
}

/** R₁₁⁻¹: inverse of the leading rank × rank upper triangle of R (pivoted column order). */
export function qrRInverse(f: QrPivoted): DenseMatrix {
  const k = f.rank;
  const R = upperBlock(f.qr, k);
  const out = dense(k, k);
  for (let j = 0; j < k; j++) {
    out.data[j + j * k] = 1;
    trsvKernel(R, k, false, false, out.data, j * k);
  }
  return out;
}

/**
 * Unscaled covariance (R₁₁ᵀR₁₁)⁻¹ = (X₁ᵀX₁)⁻¹ of the first `rank` pivoted columns (R's
 * `chol2inv(qr$qr[p1, p1])` in `summary.lm`); row/column i belongs to X column `pivot[i]`.
 */
export function qrUnscaledCovariance(f: QrPivoted): DenseMatrix {
  const k = f.rank;
  return chol2inv({ rows: k, cols: k, data: upperBlock(f.qr, k) }, { upper: true });
}
