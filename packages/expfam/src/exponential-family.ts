import { DomainError, ExpfamError, LengthError } from './errors.js';

/**
 * An exponential family in canonical form: densities
 *   f_θ(y) = h(y) · exp(θᵀ t(y) − κ(θ)),  κ(θ) = log φ(θ),
 * with canonical parameter θ ∈ Θ ⊆ ℝᵖ, sufficient statistic t(y) ∈ ℝᵖ and log-partition κ,
 * whose gradient is the mean E_θ t(Y) and whose Hessian is the variance Var_θ t(Y).
 */
export interface ExponentialFamily {
  readonly name: string;
  /** p, the dimension of θ and of t(y). */
  readonly dim: number;
  /** out += t(y); throws `DomainError` (or `CountError` for counts) when y is outside the sample space. */
  addStatistic(y: number, out: Float64Array): void;
  /** log h(y), the base-measure term of the log-density. */
  logBase(y: number): number;
  /** Whether θ lies in the canonical parameter space Θ. */
  inDomain(theta: ArrayLike<number>): boolean;
  /** κ(θ) = log φ(θ) (θ must be in Θ). */
  logPartition(theta: ArrayLike<number>): number;
  /** ∇κ(θ) = E_θ t(Y), written into `out` (length p). */
  gradLogPartition(theta: ArrayLike<number>, out: Float64Array): Float64Array;
  /** ∇²κ(θ) = Var_θ t(Y), written column-major into `out` (length p²). */
  hessLogPartition(theta: ArrayLike<number>, out: Float64Array): Float64Array;
  /** The MLE in closed form from the sufficient statistics, where one exists. */
  mle?(stats: SufficientStatistics): ExpfamMle;
}

/** The data of an i.i.d. sample reduced to what the likelihood needs, computed once. */
export interface SufficientStatistics {
  /** Σ w_i (the sample size for unit weights). */
  readonly n: number;
  /** T = Σ w_i t(y_i). */
  readonly T: Float64Array;
  /** Σ w_i log h(y_i), the part of the log-likelihood that does not depend on θ. */
  readonly logBase: number;
}

/** A closed-form maximum-likelihood estimate, or the report that it lies on the boundary. */
export interface ExpfamMle {
  /** θ̂, or null when the likelihood has no maximizer in the open parameter space Θ. */
  readonly theta: Float64Array | null;
  /** The mean-value parameter τ̂ = T/n = E_θ̂ t(Y) (defined also on the boundary). */
  readonly meanValue: Float64Array;
  /** True when the supremum is approached only at the boundary of Θ (e.g. all-zero Poisson). */
  readonly boundary: boolean;
  /** Why the estimate is on the boundary; null otherwise. */
  readonly message: string | null;
}

/** The negative log-likelihood −ℓ(θ) = n κ(θ) − θᵀT − Σ log h(y_i), with gradient and Hessian. */
export interface ExpfamObjective {
  /** −ℓ(θ); +∞ outside Θ. */
  fn(theta: ArrayLike<number>): number;
  /** −∇ℓ(θ) = n ∇κ(θ) − T. */
  gr(theta: ArrayLike<number>): Float64Array;
  /** −∇²ℓ(θ) = n ∇²κ(θ), column-major p × p (positive semi-definite: −ℓ is convex). */
  hess(theta: ArrayLike<number>): Float64Array;
}

/**
 * The sufficient statistics of `y` (optionally weighted): n = Σ w_i, T = Σ w_i t(y_i),
 * Σ w_i log h(y_i). Throws `DomainError` naming the first observation outside the sample space.
 */
export function sufficientStatistics(
  family: ExponentialFamily,
  y: ArrayLike<number>,
  weights?: ArrayLike<number>,
): SufficientStatistics {
  if (weights !== undefined && weights.length !== y.length) {
    throw new LengthError(`weights has length ${weights.length}, expected ${y.length}`);
  }
  const p = family.dim;
  const T = new Float64Array(p);
  const t = new Float64Array(p);
  let n = 0;
  let logBase = 0;
  for (let i = 0; i < y.length; i++) {
    const w = weights === undefined ? 1 : weights[i]!;
    if (!Number.isFinite(w) || w < 0) {
      throw new DomainError(`weights[${i}] = ${w} is not a finite non-negative number`);
    }
    t.fill(0);
    try {
      family.addStatistic(y[i]!, t);
    } catch (e) {
      // name the observation at fault, keeping the error's class
      if (e instanceof ExpfamError) e.message = `y[${i}]: ${e.message}`;
      throw e;
    }
    for (let j = 0; j < p; j++) T[j] += w * t[j]!;
    logBase += w * family.logBase(y[i]!);
    n += w;
  }
  return { n, T, logBase };
}

/** The convex objective −ℓ(θ) of an i.i.d. sample through its sufficient statistics. */
export function expfamNegLogLik(
  family: ExponentialFamily,
  stats: SufficientStatistics,
): ExpfamObjective {
  const p = family.dim;
  const { n, T, logBase } = stats;
  if (T.length !== p) throw new LengthError(`stats.T has length ${T.length}, expected ${p}`);
  const check = (theta: ArrayLike<number>) => {
    if (theta.length !== p)
      throw new LengthError(`theta has length ${theta.length}, expected ${p}`);
  };
  return {
    fn(theta) {
      check(theta);
      if (!family.inDomain(theta)) return Number.POSITIVE_INFINITY;
      let dot = 0;
      for (let j = 0; j < p; j++) dot += theta[j]! * T[j]!;
      return n * family.logPartition(theta) - dot - logBase;
    },
    gr(theta) {
      check(theta);
      const g = family.gradLogPartition(theta, new Float64Array(p));
      for (let j = 0; j < p; j++) g[j] = n * g[j]! - T[j]!;
      return g;
    },
    hess(theta) {
      check(theta);
      const H = family.hessLogPartition(theta, new Float64Array(p * p));
      for (let j = 0; j < p * p; j++) H[j] = n * H[j]!;
      return H;
    },
  };
}

/** τ = T/n, the observed mean of t(y). */
export function meanValue(stats: SufficientStatistics): Float64Array {
  return stats.T.map((t) => t / stats.n);
}
