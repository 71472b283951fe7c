/**
 * A model for the EM engine. `P` is the parameter type, `S` the expected (complete-data)
 * sufficient statistics returned by the E-step.
 *
 * One EM step is theta_{t+1} = M(E(theta_t)); the engine never looks inside `P` or `S`
 * except through `toVector` (parameter-change criteria, SQUAREM, standard errors).
 */
export interface EMModel<P, S> {
  /** E-step: the conditional expectation E_theta[t(Y, Z) | Y = y] of the complete-data statistics. */
  eStep(params: P): S;
  /** M-step: the complete-data MLE with the statistics replaced by their expectation. */
  mStep(stats: S, params: P): P;
  /** Observed-data log-likelihood l(theta) = log f(y | theta). */
  logLik(params: P): number;
  /**
   * Optional: l(theta) read from the statistics of `eStep(theta)` (mixtures get it for free
   * from the normalising constants). When given, the engine never calls `logLik` inside the
   * loop; plain EM then evaluates l one step late (at theta_t while computing theta_{t+1}).
   */
  logLikFromStats?(stats: S): number;
  /** Optional: the free parameters as a vector (needed by parameter criteria, SQUAREM, SEs). */
  toVector?(params: P): Float64Array;
  /** Optional: the inverse of `toVector`. */
  fromVector?(theta: Float64Array): P;
  /** Optional: whether `theta` lies in the parameter space (SQUAREM falls back when not). */
  inParameterSpace?(theta: Float64Array): boolean;
  /**
   * Optional: the observed-data score dl/dtheta in the `toVector` parametrization (by Fisher's
   * identity, E[d l_c / dtheta | y]); its numerical Jacobian gives the observed information.
   */
  score?(params: P): Float64Array;
  /**
   * Optional: Louis' (1982) pieces in the `toVector` parametrization, column-major p x p:
   * `completeInformation` = E[-d^2 l_c / dtheta dtheta^T | y] and `missingInformation` =
   * Var[d l_c / dtheta | y], so that I_obs = completeInformation - missingInformation at the MLE.
   */
  louis?(params: P): { completeInformation: Float64Array; missingInformation: Float64Array };
}

/** Stopping rule and acceleration settings. */
export interface EMControl {
  /** Maximum number of EM steps (SQUAREM: cycles). Default 1000. */
  maxIter?: number;
  /** Tolerance of the stopping rule. Default 1e-8. */
  tol?: number;
  /**
   * `'loglik'`: stop when |l_t - l_{t-1}| <= tol * (|l_t| + tol) (relative change);
   * `'params'`: stop when max_i |theta_{t,i} - theta_{t-1,i}| <= tol (absolute) or
   * max_i |theta_{t,i} - theta_{t-1,i}| / |theta_{t-1,i}| <= tol (relative, see `paramChange`);
   * `'both'`: stop when both hold. Default `'loglik'`.
   */
  criterion?: 'loglik' | 'params' | 'both';
  /** Scale of the parameter change. Default `'absolute'`. */
  paramChange?: 'absolute' | 'relative';
  /**
   * Scale of the log-likelihood change: `'relative'` |l_t - l_{t-1}| / (|l_t| + tol) (default) or
   * `'absolute'` |l_t - l_{t-1}| (mixtools' rule with tol = 1e-8).
   */
  logLikChange?: 'relative' | 'absolute';
  /**
   * A decrease of l larger than `monotoneTol * (1 + |l|)` is reported as a warning (smaller
   * decreases are rounding). Default 1e-10.
   */
  monotoneTol?: number;
  /** `'none'` (plain EM) or `'squarem'` (Varadhan and Roland 2008, SqS3). Default `'none'`. */
  acceleration?: 'none' | 'squarem';
  /** Record the log-likelihood trace (default true). */
  trace?: boolean;
}

/** A warning carried as data in the result. */
export interface EMWarning {
  readonly type: 'non-monotone' | 'non-convergence' | 'squarem-fallback' | 'non-finite';
  readonly iteration: number;
  readonly message: string;
}

/** The result of an EM run. */
export interface EMResult<P> {
  readonly params: P;
  /** Observed-data log-likelihood at `params`. */
  readonly logLik: number;
  /** Number of EM steps (plain) or SQUAREM cycles taken. */
  readonly iterations: number;
  /** Number of E-steps evaluated (plain EM: iterations; SQUAREM: about 3 per cycle). */
  readonly eSteps: number;
  readonly converged: boolean;
  /** l(theta_0), l(theta_1), ..., l(theta_final) (SQUAREM: at each accepted point). */
  readonly trace: readonly number[];
  /** The last value of the stopping statistic(s). */
  readonly lastLogLikChange: number;
  readonly lastParamChange: number;
  readonly warnings: readonly EMWarning[];
}
