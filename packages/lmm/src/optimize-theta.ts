import type { ProfiledDeviance } from './profiled-deviance.js';

/** What an optimizer returns to {@link optimizeTheta}. */
export interface ThetaOptimizerResult {
  readonly par: ArrayLike<number>;
  readonly value: number;
  readonly evaluations: number;
  /** 0 when the optimizer reports convergence (R's `optim` convention). */
  readonly convergence: number;
  readonly message: string;
}

/**
 * A bounded derivative-free minimizer of `fn` over `lower ≤ par ≤ upper` started at `par0`
 * (e.g. `bobyqa` or `nelderMeadBounded` of @likelihood/optim, wrapped).
 */
export type ThetaOptimizer = (
  fn: (par: Float64Array) => number,
  par0: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
) => ThetaOptimizerResult;

/** The optimizer summary carried by a fit. */
export interface OptimizerSummary {
  readonly name: string;
  /** Objective evaluations, including the boundary polish. */
  readonly evaluations: number;
  readonly converged: boolean;
  readonly message: string;
  readonly warnings: string[];
}

export interface OptimizedTheta {
  readonly theta: Float64Array;
  readonly value: number;
  readonly optimizer: OptimizerSummary;
  /** True when some diagonal element of Λ is (numerically) 0: a singular fit. */
  readonly singular: boolean;
}

/** lme4's `isSingular` tolerance on the diagonal elements of Λ. */
export const SINGULAR_TOL = 1e-4;

/**
 * lme4's `optimizeLmer`: minimizes the profiled deviance over θ from `start` with bounds
 * `lower` (0 for diagonal elements of Λ) and no upper bounds. Afterwards each bounded component
 * that ended within `SINGULAR_TOL` of its bound is tried exactly at the bound and kept there
 * when the objective does not increase (up to rounding), so that boundary (singular) fits report θ = 0 exactly.
 * Non-convergence is a warning on the result, never a throw.
 */
export function optimizeTheta(
  dev: ProfiledDeviance,
  start: Float64Array,
  lower: Float64Array,
  optimizer: ThetaOptimizer,
  name: string,
): OptimizedTheta {
  const upper = new Float64Array(start.length).fill(Number.POSITIVE_INFINITY);
  let evals = 0;
  const fn = (par: Float64Array): number => {
    evals++;
    return dev.objective(par);
  };
  const res = optimizer(fn, Float64Array.from(start), lower, upper);
  const theta = Float64Array.from(res.par);
  for (let i = 0; i < theta.length; i++) if (theta[i]! < lower[i]!) theta[i] = lower[i]!;
  let value = fn(theta);
  for (let i = 0; i < theta.length; i++) {
    if (
      Number.isFinite(lower[i]!) &&
      theta[i]! !== lower[i]! &&
      theta[i]! - lower[i]! < SINGULAR_TOL
    ) {
      const old = theta[i]!;
      theta[i] = lower[i]!;
      const v = fn(theta);
      // keep the bound when the objective is no worse up to rounding (1e-12 relative): near a
      // boundary optimum the profiled deviance is flat to O(θ²)
      if (v <= value + 1e-12 * Math.abs(value)) value = v;
      else theta[i] = old;
    }
  }
  const warnings: string[] = [];
  const converged = res.convergence === 0;
  if (!converged) warnings.push(`optimizer (${name}) did not converge: ${res.message}`);
  let singular = false;
  for (let i = 0; i < theta.length; i++) {
    if (Number.isFinite(lower[i]!) && theta[i]! - lower[i]! < SINGULAR_TOL) singular = true;
  }
  if (singular) warnings.push("boundary (singular) fit: see help('isSingular')");
  return {
    theta,
    value,
    singular,
    optimizer: { name, evaluations: evals, converged, message: res.message, warnings },
  };
}
