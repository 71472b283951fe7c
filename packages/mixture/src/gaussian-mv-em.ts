import type { EMModel } from '@likelihood/em';
import { choleskyInPlace, type DenseMatrix, dense } from '@likelihood/linalg';
import {
  componentConstants,
  eStepGaussianMv,
  type GaussianMvStats,
} from './gaussian-mv-kernels.js';
import type { GaussianMixtureMv, MixtureWarning, MultivariateModelName } from './types.js';

/**
 * M-step for mclust's covariance models with W_k = s2_k - n_k m_k m_k^T, m_k = s1_k / n_k
 * (the within-component scatter about the new mean mu_k = c_k + m_k):
 *   VVV: Sigma_k = W_k / n_k;         EEE: Sigma = sum_k W_k / n;
 *   VII: Sigma_k = tr(W_k) / (d n_k) I;  EII: Sigma = sum_k tr(W_k) / (d n) I.
 * Regularization: when Sigma_k is not positive definite or its smallest Cholesky pivot^2 is
 * below `floor`, `floor` is added to its diagonal (a stated floor, reported through `warn`);
 * a component with n_k < 1e-10 n keeps its previous mean and covariance.
 */
export function mStepGaussianMv(
  stats: GaussianMvStats,
  prev: GaussianMixtureMv,
  model: MultivariateModelName,
  floor: number,
  warn: (k: number, message: string) => void,
): GaussianMixtureMv {
  const K = stats.nk.length;
  const d = prev.means.rows;
  const dd = d * d;
  let n = 0;
  for (let k = 0; k < K; k++) n += stats.nk[k]!;
  const weights = new Float64Array(K);
  const means = dense(d, K);
  const W = new Float64Array(K * dd);
  const alive = new Uint8Array(K);
  for (let k = 0; k < K; k++) {
    const nk = stats.nk[k]!;
    weights[k] = nk / n;
    if (!(nk > 1e-10 * n)) {
      for (let j = 0; j < d; j++) means.data[j + k * d] = prev.means.data[j + k * d]!;
      warn(k, `component ${k} collapsed: expected size ${nk}`);
      continue;
    }
    alive[k] = 1;
    for (let r = 0; r < d; r++) {
      const mr = stats.s1[r + k * d]! / nk;
      means.data[r + k * d] = stats.shift[r + k * d]! + mr;
      for (let c = 0; c <= r; c++) {
        const mc = stats.s1[c + k * d]! / nk;
        const v = stats.s2[k * dd + r + c * d]! - nk * mr * mc;
        W[k * dd + r + c * d] = v;
        W[k * dd + c + r * d] = v;
      }
    }
  }
  const covariances: DenseMatrix[] = [];
  const pooled = new Float64Array(dd);
  let trPooled = 0;
  for (let k = 0; k < K; k++) {
    if (!alive[k]) continue;
    for (let t = 0; t < dd; t++) pooled[t] += W[k * dd + t]!;
    for (let j = 0; j < d; j++) trPooled += W[k * dd + j + j * d]!;
  }
  for (let k = 0; k < K; k++) {
    const S = dense(d, d);
    if (!alive[k]) S.data.set(prev.covariances[k]!.data);
    else if (model === 'VVV')
      for (let t = 0; t < dd; t++) S.data[t] = W[k * dd + t]! / stats.nk[k]!;
    else if (model === 'EEE') for (let t = 0; t < dd; t++) S.data[t] = pooled[t]! / n;
    else {
      let s2: number;
      if (model === 'EII') s2 = trPooled / (d * n);
      else {
        let tr = 0;
        for (let j = 0; j < d; j++) tr += W[k * dd + j + j * d]!;
        s2 = tr / (d * stats.nk[k]!);
      }
      for (let j = 0; j < d; j++) S.data[j + j * d] = s2;
    }
    regularizeInPlace(S, floor, (msg) => warn(k, `component ${k} ${msg}`));
    covariances.push(S);
  }
  return { weights, means, covariances };
}

/** Adds `floor` to the diagonal of S until its Cholesky pivots^2 all reach `floor`. */
export function regularizeInPlace(
  S: DenseMatrix,
  floor: number,
  onFix: (msg: string) => void,
): void {
  const d = S.rows;
  const L = dense(d, d);
  let added = 0;
  for (let attempt = 0; attempt < 60; attempt++) {
    L.data.set(S.data);
    const r = choleskyInPlace(L);
    let minPivot2 = Number.POSITIVE_INFINITY;
    if (r.ok) for (let j = 0; j < d; j++) minPivot2 = Math.min(minPivot2, L.data[j + j * d]! ** 2);
    if (r.ok && minPivot2 >= floor) break;
    const step = floor * 2 ** attempt;
    for (let j = 0; j < d; j++) S.data[j + j * d] += step;
    added += step;
  }
  if (added > 0)
    onFix(`covariance is near singular: ${added} added to its diagonal (floor ${floor})`);
}

/** Half-vectorization sizes: w (K), means (d K), lower triangles of the K covariances. */
function vecLength(K: number, d: number): number {
  return K + d * K + (K * d * (d + 1)) / 2;
}

/** The EM model of a multivariate Gaussian mixture for `runEM`. */
export function gaussianMvModel(
  X: DenseMatrix,
  model: MultivariateModelName,
  floor: number,
  warnings: MixtureWarning[],
): EMModel<GaussianMixtureMv, GaussianMvStats> {
  const d = X.cols;
  let iteration = 0;
  const warned = new Set<number>();
  const warn = (k: number, message: string) => {
    if (warned.has(k)) return;
    warned.add(k);
    warnings.push({ type: 'collapsing-component', component: k, iteration, message });
  };
  const eStep = (theta: GaussianMixtureMv): GaussianMvStats => {
    const c = componentConstants(theta.weights, theta.covariances);
    if (c === null) {
      const K = theta.weights.length;
      return {
        nk: new Float64Array(K),
        s1: new Float64Array(d * K),
        s2: new Float64Array(K * d * d),
        shift: Float64Array.from(theta.means.data),
        logLik: Number.NaN,
      };
    }
    return eStepGaussianMv(X, theta.means, c.a, c.Linv);
  };
  return {
    eStep,
    mStep: (stats, prev) => {
      iteration++;
      return mStepGaussianMv(stats, prev, model, floor, warn);
    },
    logLik: (theta) => eStep(theta).logLik,
    logLikFromStats: (stats) => stats.logLik,
    toVector: (theta) => {
      const K = theta.weights.length;
      const v = new Float64Array(vecLength(K, d));
      v.set(theta.weights, 0);
      v.set(theta.means.data, K);
      let o = K + d * K;
      for (const S of theta.covariances)
        for (let c = 0; c < d; c++) for (let r = c; r < d; r++) v[o++] = S.data[r + c * d]!;
      return v;
    },
    fromVector: (v) => {
      let K = 1;
      while (vecLength(K, d) < v.length) K++;
      const means = dense(d, K, v.slice(K, K + d * K));
      const covariances: DenseMatrix[] = [];
      let o = K + d * K;
      for (let k = 0; k < K; k++) {
        const S = dense(d, d);
        for (let c = 0; c < d; c++)
          for (let r = c; r < d; r++) {
            S.data[r + c * d] = v[o]!;
            S.data[c + r * d] = v[o++]!;
          }
        covariances.push(S);
      }
      return { weights: v.slice(0, K), means, covariances };
    },
    inParameterSpace(v) {
      const theta = this.fromVector!(v);
      for (const w of theta.weights) if (!(w > 0 && w < 1)) return false;
      return componentConstants(theta.weights, theta.covariances) !== null;
    },
  };
}
