import { choleskyInPlace, type DenseMatrix, dense } from '@likelihood/linalg';
import { type LogLikAccumulator, logBlock, normalizeBlockInPlace } from './normalize-block.js';

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
 * log-sum-exp over k (the maximising term is 1 without exp, terms below -40 are 0), the
 * responsibilities z_ik, and the accumulations of `GaussianMvStats`. Runs component-major over
 * blocks of 512 observations (with a scalar path for d = 2); scratch buffers are allocated once
 * per call, never per observation.
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
  const dd = d * d;
  const B = 512;
  const buf = new Float64Array(B * K);
  const M = new Float64Array(B);
  const S = new Float64Array(B);
  const diff = new Float64Array(d);
  const u = new Float64Array(d);
  const acc: LogLikAccumulator = { ll: 0, prod: 1, inBlock: 0 };
  const block = logBlock(K);
  for (let i0 = 0; i0 < n; i0 += B) {
    const len = Math.min(B, n - i0);
    M.fill(Number.NEGATIVE_INFINITY, 0, len);
    for (let k = 0; k < K; k++) {
      const o = k * B;
      const ak = a[k]!;
      const Lo = k * dd;
      if (d === 2) {
        const m0 = mu[k * 2]!;
        const m1 = mu[k * 2 + 1]!;
        const l00 = Linv[Lo]!;
        const l10 = Linv[Lo + 1]!;
        const l11 = Linv[Lo + 3]!;
        for (let j = 0; j < len; j++) {
          const e0 = x[i0 + j]! - m0;
          const e1 = x[i0 + j + n]! - m1;
          const u0 = l00 * e0;
          const u1 = l10 * e0 + l11 * e1;
          const l = ak - 0.5 * (u0 * u0 + u1 * u1);
          buf[o + j] = l;
          if (l > M[j]!) M[j] = l;
        }
      } else {
        for (let j = 0; j < len; j++) {
          for (let c = 0; c < d; c++) diff[c] = x[i0 + j + c * n]! - mu[c + k * d]!;
          let q = 0;
          for (let r = 0; r < d; r++) {
            let v = 0;
            for (let c = 0; c <= r; c++) v += Linv[Lo + r + c * d]! * diff[c]!;
            q += v * v;
          }
          const l = ak - 0.5 * q;
          buf[o + j] = l;
          if (l > M[j]!) M[j] = l;
        }
      }
    }
    normalizeBlockInPlace(buf, M, S, K, B, len, block, acc);
    for (let k = 0; k < K; k++) {
      const o = k * B;
      const So = k * dd;
      const off = k * d;
      if (d === 2) {
        const m0 = mu[off]!;
        const m1 = mu[off + 1]!;
        let c0 = 0;
        let a0 = 0;
        let a1 = 0;
        let q00 = 0;
        let q10 = 0;
        let q11 = 0;
        for (let j = 0; j < len; j++) {
          const z = buf[o + j]! * S[j]!;
          const e0 = x[i0 + j]! - m0;
          const e1 = x[i0 + j + n]! - m1;
          const z0 = z * e0;
          c0 += z;
          a0 += z0;
          a1 += z * e1;
          q00 += z0 * e0;
          q10 += z0 * e1;
          q11 += z * e1 * e1;
        }
        nk[k] += c0;
        s1[off] += a0;
        s1[off + 1] += a1;
        s2[So] += q00;
        s2[So + 1] += q10;
        s2[So + 3] += q11;
      } else {
        for (let j = 0; j < len; j++) {
          const z = buf[o + j]! * S[j]!;
          nk[k] += z;
          for (let r = 0; r < d; r++) {
            u[r] = x[i0 + j + r * n]! - mu[off + r]!;
            const zr = z * u[r]!;
            s1[off + r] += zr;
            for (let c = 0; c <= r; c++) s2[So + r + c * d] += zr * u[c]!;
          }
        }
      }
    }
  }
  return { nk, s1, s2, shift: Float64Array.from(mu), logLik: acc.ll + Math.log(acc.prod) };
}
