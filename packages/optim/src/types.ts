/** An objective: parameters to a number (`+Infinity` encodes an infeasible point). */
export type Objective = (x: Float64Array) => number;

/**
 * A gradient: parameters to ∂f/∂x (any array-like of length `x.length`). The optimizer passes
 * a scratch buffer `out` of that length: a gradient may fill and return it to avoid allocating
 * (returning any other array is fine too; it is copied).
 */
export type Gradient = (x: Float64Array, out: Float64Array) => ArrayLike<number>;

/**
 * A Hessian: parameters to ∂²f/∂x∂xᵀ, column-major `n*n` (symmetric, so row-major is the same)
 * or an array of rows.
 */
export type HessianFn = (x: Float64Array) => ArrayLike<number> | ArrayLike<number>[];

/** Evaluation counts, as R's `optim()$counts` (`gradient` null where no gradient is used). */
export interface OptimCounts {
  function: number;
  gradient: number | null;
}

/** One line of an optional trace. */
export interface TraceEntry {
  /** Iteration or function-evaluation number, as the method counts. */
  iteration: number;
  /** Best objective value so far. */
  value: number;
  /** What the step was (e.g. `REFLECTION`, `EXTENSION`, `SHRINK`, `LINESEARCH`). */
  action: string;
}

/**
 * The result shape shared by every optimizer, as R's `optim()`.
 * `convergence`: 0 converged, 1 iteration/evaluation limit reached, 10 Nelder–Mead simplex
 * degenerate, 51 L-BFGS-B warning, 52 L-BFGS-B error.
 */
export interface OptimResult {
  par: Float64Array;
  value: number;
  counts: OptimCounts;
  convergence: number;
  message: string | null;
  /** Hessian at `par` (row-major `n*n`, symmetric), present when `hessian: true`. */
  hessian?: Float64Array;
  trace?: TraceEntry[];
  /** Warnings as data (R would print them), e.g. for 1-D Nelder–Mead. */
  warnings?: string[];
}

/** Options common to all multivariate optimizers. */
export interface CommonOptions {
  /** Add the Hessian at the solution (R's `optimHess`, `ndeps` differences of the gradient). */
  hessian?: boolean;
  /** Record a trace of the iterations. */
  trace?: boolean;
  /** Step sizes for finite differences (R's `ndeps`, default 1e-3 for every parameter). */
  ndeps?: number | ArrayLike<number>;
}
