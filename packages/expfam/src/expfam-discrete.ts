import binomcoefln from '@stdlib/math-base-special-binomcoefln';
import factorialln from '@stdlib/math-base-special-factorialln';
import log1p from '@stdlib/math-base-special-log1p';
import { CountError, DomainError } from './errors.js';
import type { ExponentialFamily, ExpfamMle, SufficientStatistics } from './exponential-family.js';

/** log(1 + e^θ) without overflow or loss for large |θ|. */
export function log1pExp(theta: number): number {
  return theta > 0 ? theta + log1p(Math.exp(-theta)) : log1p(Math.exp(theta));
}

/** The logistic function σ(θ) = 1/(1 + e^{−θ}), evaluated without overflow. */
export function logistic(theta: number): number {
  if (theta >= 0) return 1 / (1 + Math.exp(-theta));
  const e = Math.exp(theta);
  return e / (1 + e);
}

function checkCount(y: number, max = Number.POSITIVE_INFINITY): void {
  if (!Number.isInteger(y) || y < 0) {
    throw new CountError(`${y} is not a non-negative integer count`);
  }
  if (y > max) throw new CountError(`${y} exceeds the number of trials ${max}`);
}

function finite(theta: ArrayLike<number>): boolean {
  for (let j = 0; j < theta.length; j++) if (!Number.isFinite(theta[j]!)) return false;
  return true;
}

/**
 * Poisson in canonical form: θ = log μ ∈ ℝ, t(y) = y, κ(θ) = e^θ, h(y) = 1/y!.
 * MLE θ̂ = log(Σy/n); when every y is 0 the supremum is at μ = 0 (θ → −∞), reported as boundary.
 */
export function poissonExpfam(): ExponentialFamily {
  return {
    name: 'poisson',
    dim: 1,
    addStatistic(y, out) {
      checkCount(y);
      out[0] += y;
    },
    logBase: (y) => -factorialln(y),
    inDomain: finite,
    logPartition: (theta) => Math.exp(theta[0]!),
    gradLogPartition(theta, out) {
      out[0] = Math.exp(theta[0]!);
      return out;
    },
    hessLogPartition(theta, out) {
      out[0] = Math.exp(theta[0]!);
      return out;
    },
    mle(stats: SufficientStatistics): ExpfamMle {
      const mu = stats.T[0]! / stats.n;
      if (mu === 0) {
        return {
          theta: null,
          meanValue: Float64Array.of(0),
          boundary: true,
          message:
            'every observation is 0: the likelihood increases as mu -> 0 (theta = log(mu) -> -Inf); the MLE mu = 0 is on the boundary',
        };
      }
      return {
        theta: Float64Array.of(Math.log(mu)),
        meanValue: Float64Array.of(mu),
        boundary: false,
        message: null,
      };
    },
  };
}

/**
 * Binomial with m trials in canonical form (m = 1: Bernoulli): θ = log(p/(1−p)) ∈ ℝ, t(y) = y,
 * κ(θ) = m·log(1 + e^θ), h(y) = C(m, y). MLE θ̂ = log(ȳ/(m − ȳ)); ȳ ∈ {0, m} is the boundary.
 */
export function binomialExpfam(m = 1): ExponentialFamily {
  if (!Number.isInteger(m) || m < 1)
    throw new CountError(`m = ${m} is not a positive integer number of trials`);
  return {
    name: m === 1 ? 'bernoulli' : `binomial(${m})`,
    dim: 1,
    addStatistic(y, out) {
      checkCount(y, m);
      out[0] += y;
    },
    logBase: (y) => binomcoefln(m, y),
    inDomain: finite,
    logPartition: (theta) => m * log1pExp(theta[0]!),
    gradLogPartition(theta, out) {
      out[0] = m * logistic(theta[0]!);
      return out;
    },
    hessLogPartition(theta, out) {
      const p = logistic(theta[0]!);
      out[0] = m * p * logistic(-theta[0]!);
      return out;
    },
    mle(stats) {
      const ybar = stats.T[0]! / stats.n;
      if (ybar === 0 || ybar === m) {
        return {
          theta: null,
          meanValue: Float64Array.of(ybar),
          boundary: true,
          message: `every observation is ${ybar}: the MLE p = ${ybar / m} is on the boundary (theta = ${ybar === 0 ? '-Inf' : 'Inf'})`,
        };
      }
      return {
        theta: Float64Array.of(Math.log(ybar / (m - ybar))),
        meanValue: Float64Array.of(ybar),
        boundary: false,
        message: null,
      };
    },
  };
}

/** The Bernoulli family, `binomialExpfam(1)`. */
export function bernoulliExpfam(): ExponentialFamily {
  return binomialExpfam(1);
}

/** log Σ_k e^{x_k} (max-shifted), with an implicit extra term e^{0} when `withZero`. */
export function logSumExp(x: ArrayLike<number>, withZero = false): number {
  let max = withZero ? 0 : Number.NEGATIVE_INFINITY;
  for (let k = 0; k < x.length; k++) if (x[k]! > max) max = x[k]!;
  if (max === Number.NEGATIVE_INFINITY) return max;
  if (max === Number.POSITIVE_INFINITY) return max;
  let s = withZero ? Math.exp(-max) : 0;
  for (let k = 0; k < x.length; k++) s += Math.exp(x[k]! - max);
  return max + Math.log(s);
}

/**
 * Multinomial over {1, …, K}, one observation y ∈ {1, …, K} at a time.
 * `reference` (default): θ ∈ ℝ^{K−1}, t(y) = (δ_{1y}, …, δ_{(K−1)y}), κ(θ) = log(1 + Σ e^{θ_k});
 * `symmetric`: θ ∈ ℝ^K, t(y) = (δ_{1y}, …, δ_{Ky}), κ(θ) = log Σ e^{θ_k} (not identifiable:
 * θ + c·1 gives the same p, so the Hessian is singular along 1).
 * Gradient p (the cell probabilities), Hessian diag(p) − ppᵀ. Empty cells put the MLE on the
 * boundary (θ_k = −∞).
 */
export function multinomialExpfam(
  K: number,
  parametrization: 'reference' | 'symmetric' = 'reference',
): ExponentialFamily {
  if (!Number.isInteger(K) || K < 2) throw new DomainError(`K = ${K} must be an integer >= 2`);
  const sym = parametrization === 'symmetric';
  const dim = sym ? K : K - 1;
  const probs = (theta: ArrayLike<number>, out: Float64Array) => {
    const lse = logSumExp(theta, !sym);
    for (let k = 0; k < dim; k++) out[k] = Math.exp(theta[k]! - lse);
    return out;
  };
  return {
    name: `multinomial(${K}, ${parametrization})`,
    dim,
    addStatistic(y, out) {
      if (!Number.isInteger(y) || y < 1 || y > K) {
        throw new DomainError(`${y} is not a category in 1..${K}`);
      }
      if (y <= dim) out[y - 1] += 1;
    },
    logBase: () => 0,
    inDomain: finite,
    logPartition: (theta) => logSumExp(theta, !sym),
    gradLogPartition: probs,
    hessLogPartition(theta, out) {
      const p = probs(theta, new Float64Array(dim));
      for (let j = 0; j < dim; j++) {
        for (let i = 0; i < dim; i++) out[i + j * dim] = (i === j ? p[i]! : 0) - p[i]! * p[j]!;
      }
      return out;
    },
    mle(stats) {
      const n = stats.n;
      const counts = new Float64Array(K);
      let rest = n;
      for (let k = 0; k < dim; k++) {
        counts[k] = stats.T[k]!;
        rest -= counts[k]!;
      }
      if (!sym) counts[K - 1] = rest;
      const meanValue = stats.T.map((t) => t / n);
      const empty: number[] = [];
      for (let k = 0; k < K; k++) if (!(counts[k]! > 0)) empty.push(k + 1);
      if (empty.length > 0) {
        return {
          theta: null,
          meanValue,
          boundary: true,
          message: `empty cell(s) ${empty.join(', ')}: their probabilities are 0 at the MLE, on the boundary (theta = -Inf)`,
        };
      }
      const theta = new Float64Array(dim);
      for (let k = 0; k < dim; k++) {
        theta[k] = sym ? Math.log(counts[k]! / n) : Math.log(counts[k]! / counts[K - 1]!);
      }
      return { theta, meanValue, boundary: false, message: null };
    },
  };
}
