import type { DenseMatrix } from '@likelihood/linalg';
import { cholesky, choleskySolve, chol2inv, weightedNormalEquations } from '@likelihood/linalg';

/** The state the seed's hand-written IRLS loop leaves behind. */
export interface SeedIrls {
  /** The last update beta = (X'WX)^{-1} X'Wz. */
  readonly beta: Float64Array;
  /** The rates mu = exp(X beta_old) of the last loop pass (the seed's `mu` after the loop). */
  readonly mu: Float64Array;
  /** Weights W = n mu of the last loop pass. */
  readonly w: Float64Array;
  /** (X'WX)^{-1} at those weights (the seed's `inv.Hessian`). */
  readonly invHessian: DenseMatrix;
  /** Passes through the while loop plus the starting step. */
  readonly iterations: number;
}

/**
 * Seed 004 §3.3.1 verbatim: Poisson regression of counts y with group sizes n by IRLS "by hand".
 * Start mu = y / n, W = diag(mu), z = log(mu); then repeat mu = exp(X beta), W = diag(n mu),
 * z = y / (n mu) - 1 + X beta, beta = (X'WX)^{-1} X'Wz while max |beta - beta_old| > tol
 * (1e-4) and iter < 100. Kept as the text wrote it (including that `mu` and `W` stay one step
 * behind `beta`), so its printed figures are reproduced to their last digit.
 */
export function seedIrls(X: DenseMatrix, y: Float64Array, n: Float64Array, tol = 1e-4): SeedIrls {
  const N = X.rows;
  const p = X.cols;
  let mu = new Float64Array(N);
  let w = new Float64Array(N);
  const z = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    mu[i] = y[i]! / n[i]!;
    w[i] = mu[i]!;
    z[i] = Math.log(mu[i]!);
  }
  const wls = (weights: Float64Array) => {
    const { XtWX, XtWz } = weightedNormalEquations(X, weights, z);
    return choleskySolve(cholesky(XtWX), XtWz);
  };
  let beta = wls(w);
  let iter = 1;
  let difference = 1;
  while (difference > tol && iter < 100) {
    mu = new Float64Array(N);
    w = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      let eta = 0;
      for (let j = 0; j < p; j++) eta += X.data[i + j * N]! * beta[j]!;
      mu[i] = Math.exp(eta);
      w[i] = n[i]! * mu[i]!;
      z[i] = y[i]! / w[i]! - 1 + eta;
    }
    const old = beta;
    beta = wls(w);
    difference = 0;
    for (let j = 0; j < p; j++) difference = Math.max(difference, Math.abs(beta[j]! - old[j]!));
    iter++;
  }
  const { XtWX } = weightedNormalEquations(X, w, z);
  return { beta, mu, w, invHessian: chol2inv(cholesky(XtWX)), iterations: iter };
}
