import { cholesky, type DenseMatrix, dense } from '@likelihood/linalg';
import { checkFinite, checkPositive, checkWeights } from './checks.js';
import { MixtureInputError } from './errors.js';
import { drawLabels, mixtureRng } from './rng.js';
import type { GaussianMixture1d, GaussianMixtureMv, PoissonMixture } from './types.js';

/**
 * The four ways of seed 000 §6.4.1 to simulate Y from a Gaussian mixture given labels Z:
 * - `'conditional'`: draw n_k values from N(mu_k, sigma_k^2) for the n_k observations with Z = k;
 * - `'ifelse'`: draw Y_k ~ N(mu_k, sigma_k^2) for every observation and every k, keep Y_Z
 *   (eq. 6.2 taken literally: K n normals);
 * - `'arithmetic'`: one U ~ N(0, 1) per observation, Y = sum_k 1(Z = k) (sigma_k U + mu_k)
 *   (Y_1, ..., Y_K dependent, which eq. 6.2 allows);
 * - `'transformation'`: one U ~ N(0, 1) per observation, then Y = sigma_Z U + mu_Z in place.
 */
export type SimulationMethod = 'conditional' | 'ifelse' | 'arithmetic' | 'transformation';

function checkN(n: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw new MixtureInputError('n', `must be a non-negative integer, got ${n}`);
}

function checkMixture1d(theta: GaussianMixture1d): number {
  const K = theta.weights.length;
  checkWeights(theta.weights, K, 'theta.weights');
  checkFinite(theta.means, K, 'theta.means');
  checkPositive(theta.variances, K, 'theta.variances');
  return K;
}

/** Seeded simulation of n draws (Y_i, Z_i) from a univariate Gaussian mixture (Z 0-based). */
export function simulateGaussianMixture(
  theta: GaussianMixture1d,
  n: number,
  options: { seed: number; method?: SimulationMethod },
): { y: Float64Array; z: Int32Array } {
  checkN(n);
  const K = checkMixture1d(theta);
  const rng = mixtureRng(options.seed);
  const method = options.method ?? 'conditional';
  const z = drawLabels(rng, theta.weights, n);
  const sd = theta.variances.map(Math.sqrt);
  const mu = theta.means;
  const y = new Float64Array(n);
  if (method === 'conditional') {
    for (let k = 0; k < K; k++)
      for (let i = 0; i < n; i++) if (z[i] === k) y[i] = mu[k]! + sd[k]! * rng.normal();
  } else if (method === 'ifelse') {
    const all = new Float64Array(n * K);
    for (let k = 0; k < K; k++)
      for (let i = 0; i < n; i++) all[i + k * n] = mu[k]! + sd[k]! * rng.normal();
    for (let i = 0; i < n; i++) y[i] = all[i + z[i]! * n]!;
  } else if (method === 'arithmetic') {
    for (let i = 0; i < n; i++) {
      const u = rng.normal();
      let v = 0;
      for (let k = 0; k < K; k++) v += (z[i] === k ? 1 : 0) * (sd[k]! * u + mu[k]!);
      y[i] = v;
    }
  } else if (method === 'transformation') {
    for (let i = 0; i < n; i++) y[i] = rng.normal();
    for (let i = 0; i < n; i++) y[i] = sd[z[i]!]! * y[i]! + mu[z[i]!]!;
  } else {
    throw new MixtureInputError('method', `unknown simulation method '${method as string}'`);
  }
  return { y, z };
}

/** Seeded simulation from a Poisson mixture: Z ~ w, then Y | Z = k ~ Poisson(lambda_k). */
export function simulatePoissonMixture(
  theta: PoissonMixture,
  n: number,
  options: { seed: number },
): { y: Float64Array; z: Int32Array } {
  checkN(n);
  const K = theta.weights.length;
  checkWeights(theta.weights, K, 'theta.weights');
  checkPositive(theta.lambdas, K, 'theta.lambdas');
  const rng = mixtureRng(options.seed);
  const z = drawLabels(rng, theta.weights, n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = rng.poisson(theta.lambdas[z[i]!]!);
  return { y, z };
}

/** Seeded simulation from a multivariate Gaussian mixture: X_i = mu_Z + L_Z U, L L^T = Sigma. */
export function simulateGaussianMixtureMv(
  theta: GaussianMixtureMv,
  n: number,
  options: { seed: number },
): { X: DenseMatrix; z: Int32Array } {
  checkN(n);
  const K = theta.weights.length;
  checkWeights(theta.weights, K, 'theta.weights');
  const d = theta.means.rows;
  const L = theta.covariances.map((S) => cholesky(S));
  const rng = mixtureRng(options.seed);
  const z = drawLabels(rng, theta.weights, n);
  const X = dense(n, d);
  const u = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const k = z[i]!;
    const Lk = L[k]!.data;
    for (let j = 0; j < d; j++) u[j] = rng.normal();
    for (let a = 0; a < d; a++) {
      let v = theta.means.data[a + k * d]!;
      for (let b = 0; b <= a; b++) v += Lk[a + b * d]! * u[b]!;
      X.data[i + a * n] = v;
    }
  }
  return { X, z };
}
