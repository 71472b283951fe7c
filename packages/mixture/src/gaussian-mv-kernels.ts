import { choleskyInPlace, type DenseMatrix, dense } from '@likelihood/linalg';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Per-component constants of log(w_k N_d(x; mu_k, Sigma_k)) = a_k - ||L_k^{-1}(x - mu_k)||^2 / 2,
 * with Sigma_k = L_k L_k^T and a_k = log w_k - d log(2 pi) / 2 - sum_j log L_k[j, j].
 * `Linv` holds the K lower-triangular d x d inverses, column-major, one after another.
 * Returns null when some Sigma_k is not numerically positive definite.
 */
export function componentConstants(
  weights: Float64Array,
  covariances: readonly DenseMatrix[],
): { a: Float64Array; Linv: Float64Array } | null {
  const K = weights.length;
  const d = covariances[0]!.rows;
  const a = new Float64Array(K);
  const Linv = new Float64Array(K * d * d);
  const L = dense(d, d);
  for (let k = 0; k < K; k++) {
    L.data.set(covariances[k]!.data);
    if (!choleskyInPlace(L).ok) return null;
    let logdet = 0;
    for (let j = 0; j < d; j++) logdet += Math.log(L.data[j + j * d]!);
    a[k] = Math.log(weights[k]!) - 0.5 * d * LOG_2PI - logdet;
    // Forward substitution L X = I, column by column: X lower triangular.
    const off = k * d * d;
    for (let c = 0; c < d; c++) {
      for (let r = c; r < d; r++) {
        let s = r === c ? 1 : 0;
        for (let t = c; t < r; t++) s -= L.data[r + t * d]! * Linv[off + t + c * d]!;
        Linv[off + r + c * d] = s / L.data[r + r * d]!;
      }
    }
  }
  return { a, Linv };
}

/** Expected statistics of one E-step (shifted by the current means). */
export interface GaussianMvStats {
  readonly nk: Float64Array;
  /** d x K: sum_i z_ik (x_i - c_k). */
  readonly s1: Float64Array;
  /** K blocks of d x d: sum_i z_ik (x_i - c_k)(x_i - c_k)^T (lower triangle filled). */
  readonly s2: Float64Array;
  /** d x K shift c (the means at which the E-step ran). */
  readonly shift: Float64Array;
  logLik: number;
}

/**
 * E-step in log space over the n x d column-major data X: l_ik = a_k - ||L_k^{-1}(x_i - mu_k)||^2 / 2,
 * log-sum-exp over k, responsibilities z_ik, and the accumulations of `GaussianMvStats`.
 * Scratch buffers are allocated once per call, never per observation.
 */
export function eStepGaussianMv(
  X: DenseMatrix,
  means: DenseMatrix,
  a: Float64Array,
  Linv: Float64Array,
): GaussianMvStats {
  const { rows: n, cols: d, data: x } = X;
  const K = a.length;
  const mu = means.data;
  const nk = new Float64Array(K);
  const s1 = new Float64Array(d * K);
  const s2 = new Float64Array(K * d * d);
  const diff = new Float64Array(K * d);
  const l = new Float64Array(K);
  const dd = d * d;
  let ll = 0;
  for (let i = 0; i < n; i++) {
    let m = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < K; k++) {
      const off = k * d;
      for (let j = 0; j < d; j++) diff[off + j] = x[i + j * n]! - mu[j + off]!;
      const Lo = k * dd;
      let q = 0;
      for (let r = 0; r < d; r++) {
        let u = 0;
        for (let c = 0; c <= r; c++) u += Linv[Lo + r + c * d]! * diff[off + c]!;
        q += u * u;
      }
      const v = a[k]! - 0.5 * q;
      l[k] = v;
      if (v > m) m = v;
    }
    let s = 0;
    for (let k = 0; k < K; k++) {
      const e = Math.exp(l[k]! - m);
      l[k] = e;
      s += e;
    }
    ll += m + Math.log(s);
    const inv = 1 / s;
    for (let k = 0; k < K; k++) {
      const z = l[k]! * inv;
      nk[k] += z;
      const off = k * d;
      const So = k * dd;
      for (let r = 0; r < d; r++) {
        const zr = z * diff[off + r]!;
        s1[off + r] += zr;
        for (let c = 0; c <= r; c++) s2[So + r + c * d] += zr * diff[off + c]!;
      }
    }
  }
  return { nk, s1, s2, shift: Float64Array.from(mu), logLik: ll };
}
