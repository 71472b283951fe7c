import factorialln from '@stdlib/math-base-special-factorialln';
import { CountError, DomainError, LengthError } from './errors.js';
import { log1pExp, logSumExp } from './expfam-discrete.js';

/**
 * How θ parametrizes p on {1, …, K} (seed 000 §6.2): `symmetric` θ ∈ ℝ^K with
 * p_y = e^{θ_y}/Σ_k e^{θ_k}; `reference` θ ∈ ℝ^{K−1} with category K as baseline,
 * p_y = e^{θ_y}/(1 + Σ_{k<K} e^{θ_k}) for y < K and p_K = 1/(1 + Σ_{k<K} e^{θ_k}).
 */
export type MultinomialParametrization = 'symmetric' | 'reference';

/** Throws `CountError` unless every N_k is a finite non-negative integer. */
export function checkCounts(arg: string, N: ArrayLike<number>): void {
  for (let k = 0; k < N.length; k++) {
    const v = N[k]!;
    if (!Number.isInteger(v) || v < 0) {
      throw new CountError(`${arg}[${k}] = ${v} is not a non-negative integer count`);
    }
  }
}

/**
 * The sufficient statistic N = Σ_i t(y_i): N_k = #{i : y_i = k} for observations in {1, …, K}.
 * Throws `DomainError` naming the first observation that is not a category.
 */
export function tabulate(y: ArrayLike<number>, K: number): Float64Array {
  if (!Number.isInteger(K) || K < 1) throw new DomainError(`K = ${K} must be a positive integer`);
  const N = new Float64Array(K);
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (!Number.isInteger(v) || v < 1 || v > K) {
      throw new DomainError(`y[${i}] = ${v} is not a category in 1..${K}`);
    }
    N[v - 1] += 1;
  }
  return N;
}

function expectedLength(K: number, parametrization: MultinomialParametrization): number {
  return parametrization === 'symmetric' ? K : K - 1;
}

/**
 * The cell probabilities p(θ) (length K) of either parametrization, computed stably
 * (p_y = exp(θ_y − log φ(θ)) with log φ by log-sum-exp).
 */
export function multinomialProbabilities(
  theta: ArrayLike<number>,
  parametrization: MultinomialParametrization = 'reference',
  out?: Float64Array,
): Float64Array {
  const sym = parametrization === 'symmetric';
  const K = sym ? theta.length : theta.length + 1;
  const p = out ?? new Float64Array(K);
  const logPhi = logSumExp(theta, !sym);
  for (let k = 0; k < theta.length; k++) p[k] = Math.exp(theta[k]! - logPhi);
  if (!sym) p[K - 1] = Math.exp(-logPhi);
  return p;
}

/** θ from p: symmetric θ_k = log p_k (one representative), reference θ_k = log(p_k/p_K). */
export function multinomialTheta(
  p: ArrayLike<number>,
  parametrization: MultinomialParametrization = 'reference',
): Float64Array {
  const K = p.length;
  if (parametrization === 'symmetric') return Float64Array.from(p, (v) => Math.log(v));
  const theta = new Float64Array(K - 1);
  for (let k = 0; k < K - 1; k++) theta[k] = Math.log(p[k]! / p[K - 1]!);
  return theta;
}

/**
 * The multinomial log-likelihood without the multinomial coefficient,
 * ℓ(θ) = θᵀN − N·log φ(θ) with N = Σ_k N_k and log φ by log-sum-exp (finite for any finite θ);
 * for `reference`, θᵀN uses N_1, …, N_{K−1}.
 */
export function multinomialLogLik(
  theta: ArrayLike<number>,
  N: ArrayLike<number>,
  parametrization: MultinomialParametrization = 'reference',
): number {
  const K = N.length;
  const m = expectedLength(K, parametrization);
  if (theta.length !== m) {
    throw new LengthError(
      `theta has length ${theta.length}, expected ${m} (${parametrization}, K = ${K})`,
    );
  }
  checkCounts('N', N);
  let total = 0;
  let dot = 0;
  for (let k = 0; k < K; k++) total += N[k]!;
  for (let k = 0; k < m; k++) dot += theta[k]! * N[k]!;
  return dot - total * logSumExp(theta, parametrization === 'reference');
}

/** log(N!/(N_1!⋯N_K!)), the constant that turns `multinomialLogLik` into the full log-likelihood. */
export function logMultinomialCoefficient(N: ArrayLike<number>): number {
  checkCounts('N', N);
  let total = 0;
  let s = 0;
  for (let k = 0; k < N.length; k++) {
    total += N[k]!;
    s -= factorialln(N[k]!);
  }
  return s + factorialln(total);
}

/** K = 2 with labels {0, 1}, the logistic model: p_1 = e^θ/(1 + e^θ), θ the log-odds. */
export function logisticProbability(theta: number): number {
  return Math.exp(theta - log1pExp(theta));
}

/** K = 2 with labels {−1, 1}: p_y = e^{yθ}/(e^θ + e^{−θ}) = 1/(1 + e^{−2yθ}). */
export function plusMinusProbability(theta: number, y: -1 | 1): number {
  return Math.exp(-log1pExp(-2 * y * theta));
}

/** Logistic log-likelihood θN_1 − (N_0 + N_1) log(1 + e^θ) for N_0 zeros and N_1 ones. */
export function logisticLogLik(theta: number, N0: number, N1: number): number {
  checkCounts('N', [N0, N1]);
  return theta * N1 - (N0 + N1) * log1pExp(theta);
}

/** ±1 log-likelihood θ(N₊ − N₋) − N log(e^θ + e^{−θ}) = θ(N₊ − N₋) − N(|θ| + log(1 + e^{−2|θ|})). */
export function plusMinusLogLik(theta: number, Nminus: number, Nplus: number): number {
  checkCounts('N', [Nminus, Nplus]);
  const a = Math.abs(theta);
  return theta * (Nplus - Nminus) - (Nminus + Nplus) * (a + log1pExp(-2 * a));
}
