/**
 * Householder QR with R's limited column pivoting (LINPACK `dqrdc2` as modified for R) and the
 * least-squares solve of R's `Cdqrls`. Kept here, beside IRLS, because the exact pivoting rule
 * (columns whose reduced norm falls below `tol` times their original norm move to the right
 * edge, in order) is what makes aliased coefficients `NA` in the same places as R.
 */

/** A QR decomposition in LINPACK's compact form, of the columns of `X[, pivot]`. */
export interface QrDecomposition {
  /** n × p column-major: R in the upper triangle, Householder vectors below. */
  readonly qr: Float64Array;
  readonly n: number;
  readonly p: number;
  readonly qraux: Float64Array;
  /** 0-based original column index of each factored column. */
  readonly pivot: Int32Array;
  readonly rank: number;
}

/** Applies the Householder reflection stored in column offset `cl` to column offset `cj`. */
function reflectColumn(
  x: Float64Array,
  cl: number,
  cj: number,
  l: number,
  n: number,
  xll: number,
): void {
  let dot = 0;
  for (let i = l; i < n; i++) dot += x[cl + i]! * x[cj + i]!;
  const t = -dot / xll;
  if (t === 0) return;
  for (let i = l; i < n; i++) x[cj + i] = x[cj + i]! + t * x[cl + i]!;
}

/**
 * Factors the n × p column-major `x` IN PLACE (x becomes the compact QR), with R's `dqrdc2`
 * rule: a column is negligible when its reduced 2-norm < tol * its original 2-norm.
 */
export function qrDecomposeInPlace(
  x: Float64Array,
  n: number,
  p: number,
  tol: number,
): QrDecomposition {
  const qraux = new Float64Array(p);
  const work1 = new Float64Array(p);
  const work2 = new Float64Array(p);
  const pivot = new Int32Array(p);
  for (let j = 0; j < p; j++) {
    pivot[j] = j;
    let s = 0;
    const off = j * n;
    for (let i = 0; i < n; i++) s += x[off + i]! * x[off + i]!;
    const nrm = Math.sqrt(s);
    qraux[j] = nrm;
    work1[j] = nrm;
    work2[j] = nrm === 0 ? 1 : nrm;
  }
  const lup = Math.min(n, p);
  let k = p + 1; // 1-based as in the Fortran
  const tmp = new Float64Array(n);
  for (let l = 0; l < lup; l++) {
    // Cycle negligible columns to the right edge (l + 1 < k mirrors Fortran's l .ge. k check).
    while (l + 1 < k && qraux[l]! < work2[l]! * tol) {
      tmp.set(x.subarray(l * n, l * n + n));
      x.copyWithin(l * n, (l + 1) * n, p * n);
      x.set(tmp, (p - 1) * n);
      const ip = pivot[l]!;
      const q = qraux[l]!;
      const w1 = work1[l]!;
      const w2 = work2[l]!;
      for (let j = l + 1; j < p; j++) {
        pivot[j - 1] = pivot[j]!;
        qraux[j - 1] = qraux[j]!;
        work1[j - 1] = work1[j]!;
        work2[j - 1] = work2[j]!;
      }
      pivot[p - 1] = ip;
      qraux[p - 1] = q;
      work1[p - 1] = w1;
      work2[p - 1] = w2;
      k--;
    }
    if (l === n - 1) break;
    const cl = l * n;
    let s = 0;
    for (let i = l; i < n; i++) s += x[cl + i]! * x[cl + i]!;
    let nrmxl = Math.sqrt(s);
    if (nrmxl === 0) continue;
    if (x[cl + l] !== 0) nrmxl = Math.sign(x[cl + l]!) * Math.abs(nrmxl);
    const inv = 1 / nrmxl;
    for (let i = l; i < n; i++) x[cl + i] = x[cl + i]! * inv;
    x[cl + l] = 1 + x[cl + l]!;
    const xll = x[cl + l]!;
    for (let j = l + 1; j < p; j++) {
      const cj = j * n;
      reflectColumn(x, cl, cj, l, n, xll);
      if (qraux[j] !== 0) {
        const r = Math.abs(x[cj + l]!) / qraux[j]!;
        const tt = Math.max(1 - r * r, 0);
        if (Math.abs(tt) >= 1e-6) {
          qraux[j] = qraux[j]! * Math.sqrt(tt);
        } else {
          let s2 = 0;
          for (let i = l + 1; i < n; i++) s2 += x[cj + i]! * x[cj + i]!;
          qraux[j] = Math.sqrt(s2);
          work1[j] = qraux[j]!;
        }
      }
    }
    qraux[l] = x[cl + l]!;
    x[cl + l] = -nrmxl;
  }
  const rank = Math.min(k - 1, n);
  return { qr: x, n, p, qraux, pivot, rank };
}

/** y <- Q' y IN PLACE (LINPACK `dqrsl` job qty) using the first `rank` reflections. */
export function qrQtyInPlace(d: QrDecomposition, y: Float64Array): void {
  const { qr, n, qraux } = d;
  const ju = Math.min(d.rank, n - 1);
  for (let j = 0; j < ju; j++) {
    if (qraux[j] === 0) continue;
    const c = j * n;
    const diag = qr[c + j]!;
    qr[c + j] = qraux[j]!;
    let dot = 0;
    for (let i = j; i < n; i++) dot += qr[c + i]! * y[i]!;
    const t = -dot / qr[c + j]!;
    for (let i = j; i < n; i++) y[i] = y[i]! + t * qr[c + i]!;
    qr[c + j] = diag;
  }
}

/** y <- Q y IN PLACE (reflections applied in reverse order). */
export function qrQyInPlace(d: QrDecomposition, y: Float64Array): void {
  const { qr, n, qraux } = d;
  const ju = Math.min(d.rank, n - 1);
  for (let j = ju - 1; j >= 0; j--) {
    if (qraux[j] === 0) continue;
    const c = j * n;
    const diag = qr[c + j]!;
    qr[c + j] = qraux[j]!;
    let dot = 0;
    for (let i = j; i < n; i++) dot += qr[c + i]! * y[i]!;
    const t = -dot / qr[c + j]!;
    for (let i = j; i < n; i++) y[i] = y[i]! + t * qr[c + i]!;
    qr[c + j] = diag;
  }
}

/** Solves R b = qty[0:rank] by back substitution; returns b (length rank, pivoted order). */
export function qrSolveR(d: QrDecomposition, qty: ArrayLike<number>): Float64Array {
  const { qr, n, rank } = d;
  const b = new Float64Array(rank);
  for (let i = 0; i < rank; i++) b[i] = qty[i]!;
  for (let j = rank - 1; j >= 0; j--) {
    b[j] = b[j]! / qr[j + j * n]!;
    const bj = b[j]!;
    for (let i = 0; i < j; i++) b[i] = b[i]! - bj * qr[i + j * n]!;
  }
  return b;
}

/**
 * (R'R)^{-1} for the leading rank × rank block (R's `chol2inv(qr$qr[1:r, 1:r])`), returned
 * column-major rank × rank, in pivoted order.
 */
export function qrUnscaledCov(d: QrDecomposition): Float64Array {
  const { qr, n, rank: r } = d;
  // Rinv upper triangular: solve R Rinv = I column by column.
  const rinv = new Float64Array(r * r);
  for (let c = 0; c < r; c++) {
    rinv[c + c * r] = 1 / qr[c + c * n]!;
    for (let i = c - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= c; k++) s += qr[i + k * n]! * rinv[k + c * r]!;
      rinv[i + c * r] = -s / qr[i + i * n]!;
    }
  }
  const out = new Float64Array(r * r);
  for (let i = 0; i < r; i++) {
    for (let j = i; j < r; j++) {
      let s = 0;
      for (let k = j; k < r; k++) s += rinv[i + k * r]! * rinv[j + k * r]!;
      out[i + j * r] = s;
      out[j + i * r] = s;
    }
  }
  return out;
}

/** Result of `leastSquaresInPlace`, as R's `Cdqrls`. */
export interface LeastSquaresResult {
  readonly decomposition: QrDecomposition;
  /** Length p, in ORIGINAL column order; aliased columns hold 0 (R sets them NA later). */
  readonly coefficients: Float64Array;
  /** Q'y (R's `effects`). */
  readonly effects: Float64Array;
  readonly residuals: Float64Array;
}

/**
 * Least squares min ||y - X b|| by `dqrdc2` + `dqrsl` (R's `Cdqrls`). Destroys `x` (it becomes
 * the compact QR); `y` is not modified.
 */
export function leastSquaresInPlace(
  x: Float64Array,
  n: number,
  p: number,
  y: ArrayLike<number>,
  tol: number,
): LeastSquaresResult {
  const d = qrDecomposeInPlace(x, n, p, tol);
  const effects = Float64Array.from(y);
  qrQtyInPlace(d, effects);
  const bPiv = qrSolveR(d, effects);
  const coefficients = new Float64Array(p);
  for (let j = 0; j < d.rank; j++) coefficients[d.pivot[j]!] = bPiv[j]!;
  const residuals = Float64Array.from(effects);
  for (let i = 0; i < Math.min(d.rank, n); i++) residuals[i] = 0;
  qrQyInPlace(d, residuals);
  return { decomposition: d, coefficients, effects, residuals };
}
