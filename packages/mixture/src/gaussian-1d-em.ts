import type { EMModel } from '@likelihood/em';
import type { GaussianMixture1d, MixtureWarning, UnivariateModelName } from './types.js';
import { expAboveCut, UNDERFLOW_CUT } from './fast-exp-table.js';
import { eStepKernelK3, STATS_BLOCK } from './fast-gaussian-1d-k3.js';
import { type LogLikAccumulator, logBlock, normalizeBlockInPlace } from './normalize-block.js';

const LOG_2PI = Math.log(2 * Math.PI);

/** Expected complete-data statistics of one E-step, about the shift c_k (the current mean). */
export interface Gaussian1dStats {
  /** n_k = sum_i z_ik. */
  readonly nk: Float64Array;
  /** sum_i z_ik (y_i - c_k). */
  readonly s1: Float64Array;
  /** sum_i z_ik (y_i - c_k)^2. */
  readonly s2: Float64Array;
  readonly shift: Float64Array;
  /** Observed-data l(theta) = sum_i log sum_k w_k N(y_i; mu_k, sigma_k^2). */
  logLik: number;
}

/**
 * E-step in log space: with a_k = log w_k - (log(2 pi sigma_k^2)) / 2 and
 * b_k = 1 / (2 sigma_k^2), log(w_k f_k(y_i)) = l_ik = a_k - b_k (y_i - mu_k)^2; with
 * m_i = max_k l_ik (log-sum-exp), s_i = sum_k exp(l_ik - m_i) in [1, K], the responsibilities are
 * z_ik = exp(l_ik - m_i) / s_i and l = sum_i (m_i + log s_i). The term of the maximising k is 1
 * (no exp), terms below `UNDERFLOW_CUT` are 0, and log s_i is taken once per block of
 * `logBlock(K)` points as the log of their product (s_i <= K, so no overflow): K - 1 exp and
 * ~0 log calls per point instead of K + 1. K = 2 runs an unrolled scalar loop, K = 3 the fused
 * one-pass `eStepKernelK3`, other K the component-major `eStepKernelBlocked` (all three with
 * the same arithmetic; exp is the table `expAboveCut`). Accumulates n_k, sum z (y - mu_k) and
 * sum z (y - mu_k)^2 (shifted by the current mean against cancellation). No allocation per
 * observation.
 */
export function eStepGaussian1d(y: Float64Array, theta: GaussianMixture1d): Gaussian1dStats {
  const K = theta.weights.length;
  const a = new Float64Array(K);
  const b = new Float64Array(K);
  const mu = theta.means;
  for (let k = 0; k < K; k++) {
    a[k] = Math.log(theta.weights[k]!) - 0.5 * (LOG_2PI + Math.log(theta.variances[k]!));
    b[k] = 0.5 / theta.variances[k]!;
  }
  const nk = new Float64Array(K);
  const s1 = new Float64Array(K);
  const s2 = new Float64Array(K);
  const n = y.length;
  const block = logBlock(K);
  let ll = 0;
  let prod = 1;
  let inBlock = 0;
  if (K === 2) {
    // Unrolled two-component kernel (the common case), same arithmetic as the general loop.
    const a0 = a[0]!;
    const a1 = a[1]!;
    const b0 = b[0]!;
    const b1 = b[1]!;
    const m0 = mu[0]!;
    const m1 = mu[1]!;
    let n0 = 0;
    let n1 = 0;
    let u0 = 0;
    let u1 = 0;
    let v0 = 0;
    let v1 = 0;
    for (let i = 0; i < n; i++) {
      const d0 = y[i]! - m0;
      const d1 = y[i]! - m1;
      const l0 = a0 - b0 * d0 * d0;
      const l1 = a1 - b1 * d1 * d1;
      let e0 = 1;
      let e1 = 1;
      if (l0 >= l1) {
        const t = l1 - l0;
        e1 = t < UNDERFLOW_CUT ? 0 : expAboveCut(t);
        ll += l0;
      } else {
        const t = l0 - l1;
        e0 = t < UNDERFLOW_CUT ? 0 : expAboveCut(t);
        ll += l1;
      }
      const s = e0 + e1;
      prod *= s;
      if (++inBlock === block) {
        ll += Math.log(prod);
        prod = 1;
        inBlock = 0;
      }
      const z0 = e0 / s;
      const z1 = e1 / s;
      n0 += z0;
      n1 += z1;
      u0 += z0 * d0;
      u1 += z1 * d1;
      v0 += z0 * d0 * d0;
      v1 += z1 * d1 * d1;
    }
    nk[0] = n0;
    nk[1] = n1;
    s1[0] = u0;
    s1[1] = u1;
    s2[0] = v0;
    s2[1] = v1;
  } else if (K === 3) {
    // Fused one-pass kernel, bit-identical to the blocked loop (see eStepKernelK3).
    ll = eStepKernelK3(y, a, b, mu, block, nk, s1, s2);
  } else {
    ll = eStepKernelBlocked(y, a, b, mu, block, nk, s1, s2);
  }
  if (K === 2) ll += Math.log(prod);
  return { nk, s1, s2, shift: Float64Array.from(mu), logLik: ll };
}

/**
 * The E-step sums of `eStepGaussian1d` for any K, component-major over blocks of `STATS_BLOCK`
 * points: per block, l_ik = a_k - b_k (y_i - mu_k)^2 and m_i = max_k l_ik, then
 * e_ik = exp(l_ik - m_i) (1 at the maximum, 0 below `UNDERFLOW_CUT`) and s_i = sum_k e_ik, then
 * z_ik = e_ik (1/s_i) accumulated into block sums of z, z d, z d d (d = y_i - mu_k) that are
 * added to `nk`, `s1`, `s2` (mutated; pass zeros). Returns l = sum_i m_i + sum log prod s_i (one
 * log per `logBlockSize` points). Tight loops per component over contiguous buffers.
 */
export function eStepKernelBlocked(
  y: Float64Array,
  a: Float64Array,
  b: Float64Array,
  mu: ArrayLike<number>,
  block: number,
  nk: Float64Array,
  s1: Float64Array,
  s2: Float64Array,
): number {
  const K = a.length;
  const n = y.length;
  const acc: LogLikAccumulator = { ll: 0, prod: 1, inBlock: 0 };
  // Component-major over blocks of B points: tight loops per component over contiguous
  // buffers (l_ik, then exp(l_ik - m_i), then the accumulations).
  const B = STATS_BLOCK;
  const buf = new Float64Array(B * K);
  const M = new Float64Array(B);
  const S = new Float64Array(B);
  for (let i0 = 0; i0 < n; i0 += B) {
    const len = Math.min(B, n - i0);
    M.fill(Number.NEGATIVE_INFINITY, 0, len);
    for (let k = 0; k < K; k++) {
      const ak = a[k]!;
      const bk = b[k]!;
      const mk = mu[k]!;
      const o = k * B;
      for (let j = 0; j < len; j++) {
        const d = y[i0 + j]! - mk;
        const l = ak - bk * d * d;
        buf[o + j] = l;
        if (l > M[j]!) M[j] = l;
      }
    }
    normalizeBlockInPlace(buf, M, S, K, B, len, block, acc);
    for (let k = 0; k < K; k++) {
      const o = k * B;
      const mk = mu[k]!;
      let c0 = 0;
      let c1 = 0;
      let c2 = 0;
      for (let j = 0; j < len; j++) {
        const z = buf[o + j]! * S[j]!;
        const d = y[i0 + j]! - mk;
        c0 += z;
        c1 += z * d;
        c2 += z * d * d;
      }
      nk[k] += c0;
      s1[k] += c1;
      s2[k] += c2;
    }
  }
  return acc.ll + Math.log(acc.prod);
}

/**
 * M-step: w_k = n_k / n, mu_k = c_k + s1_k / n_k, and the within-component sums of squares
 * W_k = s2_k - s1_k^2 / n_k; "V": sigma_k^2 = W_k / n_k, "E": sigma^2 = sum_k W_k / n. Variances
 * below `floor` are set to `floor` and a component with n_k below 1e-10 n keeps its mean and
 * variance; both are reported once per component through `warn`.
 */
export function mStepGaussian1d(
  stats: Gaussian1dStats,
  prev: GaussianMixture1d,
  model: UnivariateModelName,
  floor: number,
  warn: (k: number, message: string) => void,
): GaussianMixture1d {
  const K = stats.nk.length;
  let n = 0;
  for (let k = 0; k < K; k++) n += stats.nk[k]!;
  const weights = new Float64Array(K);
  const means = new Float64Array(K);
  const variances = new Float64Array(K);
  let Wsum = 0;
  for (let k = 0; k < K; k++) {
    const nk = stats.nk[k]!;
    weights[k] = nk / n;
    if (!(nk > 1e-10 * n)) {
      means[k] = prev.means[k]!;
      variances[k] = prev.variances[k]!;
      warn(k, `component ${k} collapsed: expected size ${nk}`);
      continue;
    }
    const m = stats.s1[k]! / nk;
    means[k] = stats.shift[k]! + m;
    const W = Math.max(stats.s2[k]! - m * stats.s1[k]!, 0);
    Wsum += W;
    variances[k] = W / nk;
  }
  if (model === 'E') variances.fill(Wsum / n);
  for (let k = 0; k < K; k++) {
    if (!(variances[k]! >= floor)) {
      variances[k] = floor;
      warn(k, `component ${k} variance fell below the floor ${floor} and was set to it`);
    }
  }
  return { weights, means, variances };
}

/** The EM model of a univariate Gaussian mixture for `runEM`; toVector = (w, mu, sigma). */
export function gaussian1dModel(
  y: Float64Array,
  model: UnivariateModelName,
  floor: number,
  warnings: MixtureWarning[],
): EMModel<GaussianMixture1d, Gaussian1dStats> {
  let iteration = 0;
  const warned = new Set<number>();
  const warn = (k: number, message: string) => {
    if (warned.has(k)) return;
    warned.add(k);
    warnings.push({ type: 'collapsing-component', component: k, iteration, message });
  };
  return {
    eStep: (theta) => eStepGaussian1d(y, theta),
    mStep: (stats, prev) => {
      iteration++;
      return mStepGaussian1d(stats, prev, model, floor, warn);
    },
    logLik: (theta) => eStepGaussian1d(y, theta).logLik,
    logLikFromStats: (stats) => stats.logLik,
    toVector: (theta) => {
      const K = theta.weights.length;
      const v = new Float64Array(3 * K);
      v.set(theta.weights, 0);
      v.set(theta.means, K);
      for (let k = 0; k < K; k++) v[2 * K + k] = Math.sqrt(theta.variances[k]!);
      return v;
    },
    fromVector: (v) => {
      const K = v.length / 3;
      const variances = new Float64Array(K);
      for (let k = 0; k < K; k++) variances[k] = v[2 * K + k]! ** 2;
      return { weights: v.slice(0, K), means: v.slice(K, 2 * K), variances };
    },
    inParameterSpace: (v) => {
      const K = v.length / 3;
      for (let k = 0; k < K; k++) if (!(v[k]! > 0 && v[k]! < 1 && v[2 * K + k]! > 0)) return false;
      return true;
    },
  };
}

/**
 * The EM model of mixtools' `normalmixEM` (2.0.0, arbvar = TRUE), an ECM cycle: from the
 * posteriors at theta, w and mu are updated; a second E-step at (w', mu', sigma) gives new
 * posteriors, from which w'' = n_k / n and sigma''_k^2 = sum_i z_ik (y_i - mu'_k)^2 / n_k
 * (residuals about mu'). Same fixed point as EM, different path; the log-likelihood of the
 * engine's trace is evaluated after the sigma update, as mixtools reports `all.loglik`.
 */
export function gaussian1dMixtoolsModel(
  y: Float64Array,
  floor: number,
  warnings: MixtureWarning[],
): EMModel<GaussianMixture1d, Gaussian1dStats> {
  const base = gaussian1dModel(y, 'V', floor, warnings);
  return {
    ...base,
    mStep: (stats, prev) => {
      const K = stats.nk.length;
      const half = base.mStep(stats, prev);
      const mid = { weights: half.weights, means: half.means, variances: prev.variances };
      const st2 = eStepGaussian1d(y, mid);
      const n = y.length;
      const variances = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        // st2 is shifted by mu' itself: sum z (y - mu')^2 = s2.
        variances[k] = Math.max(st2.s2[k]! / st2.nk[k]!, floor);
      }
      return { weights: st2.nk.map((v) => v / n), means: half.means, variances };
    },
  };
}
