import { type DenseMatrix, dense } from '@likelihood/linalg';
import { MixtureDimensionError, MixtureInputError } from './errors.js';
import { componentConstants } from './gaussian-mv-kernels.js';
import type { GaussianMixtureMv } from './types.js';

/**
 * log(w_k N_d(x_i; mu_k, Sigma_k)) for every row i of X (n x d) and component k: an n x K
 * matrix, computed through the Cholesky factors of the Sigma_k.
 */
export function gaussianMixtureMvLogJoint(X: DenseMatrix, theta: GaussianMixtureMv): DenseMatrix {
  const { rows: n, cols: d } = X;
  const K = theta.weights.length;
  if (theta.means.rows !== d)
    throw new MixtureDimensionError(
      'theta.means',
      `has ${theta.means.rows} rows, data have ${d} columns`,
    );
  const c = componentConstants(theta.weights, theta.covariances);
  if (c === null)
    throw new MixtureInputError('theta.covariances', 'a covariance is not positive definite');
  const out = dense(n, K);
  const diff = new Float64Array(d);
  for (let k = 0; k < K; k++) {
    const Lo = k * d * d;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) diff[j] = X.data[i + j * n]! - theta.means.data[j + k * d]!;
      let q = 0;
      for (let r = 0; r < d; r++) {
        let u = 0;
        for (let s = 0; s <= r; s++) u += c.Linv[Lo + r + s * d]! * diff[s]!;
        q += u * u;
      }
      out.data[i + k * n] = c.a[k]! - 0.5 * q;
    }
  }
  return out;
}

/** Marginal log density log f(x_i) = log sum_k w_k N_d(x_i; mu_k, Sigma_k) (log-sum-exp). */
export function gaussianMixtureMvLogDensity(
  X: DenseMatrix,
  theta: GaussianMixtureMv,
): Float64Array {
  return rowLogSumExp(gaussianMixtureMvLogJoint(X, theta));
}

/** log sum_k exp(L[i, k]) for each row, with the row maximum factored out. */
export function rowLogSumExp(L: DenseMatrix): Float64Array {
  const { rows: n, cols: K } = L;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let m = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < K; k++) m = Math.max(m, L.data[i + k * n]!);
    let s = 0;
    for (let k = 0; k < K; k++) s += Math.exp(L.data[i + k * n]! - m);
    out[i] = m + Math.log(s);
  }
  return out;
}

/** Posterior P(Z = k | x_i) (n x K) and classification argmax_k (0-based). */
export function posteriorFromLogJoint(L: DenseMatrix): {
  posterior: DenseMatrix;
  classification: Int32Array;
} {
  const { rows: n, cols: K } = L;
  const lse = rowLogSumExp(L);
  const z = dense(n, K);
  const cls = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 0; k < K; k++) {
      const p = Math.exp(L.data[i + k * n]! - lse[i]!);
      z.data[i + k * n] = p;
      if (p > z.data[i + best * n]!) best = k;
    }
    cls[i] = best;
  }
  return { posterior: z, classification: cls };
}
