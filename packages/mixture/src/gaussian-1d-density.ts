import { type DenseMatrix, dense } from '@likelihood/linalg';
import { posteriorFromLogJoint, rowLogSumExp } from './gaussian-mv-density.js';
import type { GaussianMixture1d } from './types.js';

const LOG_2PI = Math.log(2 * Math.PI);

/** log(w_k) + log N(y; mu_k, sigma_k^2), the log joint density of (Y, Z) at (y, k). */
export function gaussianMixtureLogJointDensity(
  y: number,
  k: number,
  theta: GaussianMixture1d,
): number {
  const v = theta.variances[k]!;
  const d = y - theta.means[k]!;
  return Math.log(theta.weights[k]!) - 0.5 * (LOG_2PI + Math.log(v) + (d * d) / v);
}

/** The joint density f(y, k) = w_k N(y; mu_k, sigma_k^2). */
export function gaussianMixtureJointDensity(
  y: number,
  k: number,
  theta: GaussianMixture1d,
): number {
  return Math.exp(gaussianMixtureLogJointDensity(y, k, theta));
}

/** Per-component constants a_k = log w_k - log(2 pi sigma_k^2) / 2 and b_k = 1 / (2 sigma_k^2). */
function constants(theta: GaussianMixture1d): { a: Float64Array; b: Float64Array } {
  const K = theta.weights.length;
  const a = new Float64Array(K);
  const b = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    a[k] = Math.log(theta.weights[k]!) - 0.5 * (LOG_2PI + Math.log(theta.variances[k]!));
    b[k] = 0.5 / theta.variances[k]!;
  }
  return { a, b };
}

/** log(w_k N(y_i; mu_k, sigma_k^2)) for all i, k: an n x K matrix. */
export function gaussianMixtureLogJoint(
  y: ArrayLike<number>,
  theta: GaussianMixture1d,
): DenseMatrix {
  const K = theta.weights.length;
  const n = y.length;
  const { a, b } = constants(theta);
  const L = dense(n, K);
  for (let k = 0; k < K; k++) {
    const mk = theta.means[k]!;
    for (let i = 0; i < n; i++) {
      const d = y[i]! - mk;
      L.data[i + k * n] = a[k]! - b[k]! * d * d;
    }
  }
  return L;
}

/**
 * Marginal log density log f(y) = log sum_k w_k N(y; mu_k, sigma_k^2), by log-sum-exp, at each y.
 */
export function gaussianMixtureLogDensity(
  y: ArrayLike<number>,
  theta: GaussianMixture1d,
): Float64Array {
  return rowLogSumExp(gaussianMixtureLogJoint(y, theta));
}

/** Marginal density f(y) = sum_k w_k N(y; mu_k, sigma_k^2) at each y. */
export function gaussianMixtureDensity(
  y: ArrayLike<number>,
  theta: GaussianMixture1d,
): Float64Array {
  return gaussianMixtureLogDensity(y, theta).map(Math.exp);
}

/**
 * Posterior membership P(Z = k | Y = y_i) = w_k f_k(y_i) / f(y_i) (n x K) and the
 * classification argmax_k (0-based).
 */
export function gaussianMixturePosterior(
  y: ArrayLike<number>,
  theta: GaussianMixture1d,
): { posterior: DenseMatrix; classification: Int32Array } {
  return posteriorFromLogJoint(gaussianMixtureLogJoint(y, theta));
}

/** Moments of a univariate mixture with component means mu_k and variances sigma_k^2. */
export interface MixtureMoments {
  /** E(Y) = sum_k w_k mu_k. */
  readonly mean: number;
  /** V(Y) = sum_k w_k (sigma_k^2 + mu_k^2) - E(Y)^2. */
  readonly variance: number;
  /**
   * E(Y - E Y)^4 = sum_k w_k (delta_k^4 + 6 delta_k^2 sigma_k^2 + 3 sigma_k^4), delta_k = mu_k - E Y
   * (Gaussian components); gives the sampling variance of the sample variance,
   * (mu4 - V^2) / n.
   */
  readonly centralMoment4: number;
}

/** E(Y), V(Y) and the fourth central moment of a univariate Gaussian mixture (seed 000 §6.4.1). */
export function gaussianMixtureMoments(theta: GaussianMixture1d): MixtureMoments {
  const K = theta.weights.length;
  let mean = 0;
  let second = 0;
  for (let k = 0; k < K; k++) {
    const w = theta.weights[k]!;
    mean += w * theta.means[k]!;
    second += w * (theta.variances[k]! + theta.means[k]! ** 2);
  }
  let m4 = 0;
  for (let k = 0; k < K; k++) {
    const d = theta.means[k]! - mean;
    const v = theta.variances[k]!;
    m4 += theta.weights[k]! * (d ** 4 + 6 * d * d * v + 3 * v * v);
  }
  return { mean, variance: second - mean * mean, centralMoment4: m4 };
}
