import { type DenseMatrix, choleskyInPlace, crossprod } from '@likelihood/linalg';
import { bobyqaTheta } from './default-optimizer.js';
import { LmmInputError, NonNumericResponseError } from './errors.js';
import { type LmmSystem, buildLmmSystem } from './lmm-system.js';
import { type LmmFit, lmmFit } from './lmm-fit.js';
import { type ThetaOptimizer, optimizeTheta } from './optimize-theta.js';
import { orderedDevianceObjective } from './ordered-rest-factor.js';
import { lmmDeviance } from './profiled-deviance.js';
import { type ReTermInput, prepareReTerms, thetaLower, thetaStart } from './re-terms.js';

/** Matrix-level model description (what `lmm` builds from a formula). */
export interface LmmMatrixInput {
  /** n × p fixed-effects design, column-major. */
  readonly X: DenseMatrix;
  readonly colnames: readonly string[];
  readonly y: Float64Array | readonly number[];
  readonly reTerms: readonly ReTermInput[];
  readonly responseName?: string;
  readonly formula?: string;
}

export interface LmmOptions {
  /** REML (default) or ML. */
  readonly reml?: boolean;
  /** Bounded derivative-free optimizer for θ (default: {@link bobyqaTheta}). */
  readonly optimizer?: ThetaOptimizer;
  /** Name reported in the optimizer summary. */
  readonly optimizerName?: string;
  /** Starting θ (default lme4's: 1 on diagonals of Λ, 0 below). */
  readonly start?: ArrayLike<number>;
  /**
   * Search θ on the fill-reducing ordered factor of the rest block when it pays (default true;
   * same deviance up to rounding, see `orderedDevianceObjective`); false: natural order only.
   */
  readonly orderedRest?: boolean;
}

/** Checks X, y and the terms, orders the terms as lme4 and builds the blocked system A. */
export function lmmSystemFromMatrices(input: LmmMatrixInput): LmmSystem {
  const { X, colnames } = input;
  const y = input.y;
  const n = y.length;
  const yv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new NonNumericResponseError(
        `response${input.responseName ? ` '${input.responseName}'` : ''}`,
        `must be finite numeric; row ${i} holds ${String(v)}`,
      );
    yv[i] = v;
  }
  if (X.rows !== n) throw new LmmInputError('X', `has ${X.rows} rows, expected ${n} (length of y)`);
  if (colnames.length !== X.cols)
    throw new LmmInputError('colnames', `has ${colnames.length} names for ${X.cols} columns of X`);
  for (let k = 0; k < X.data.length; k++) {
    if (!Number.isFinite(X.data[k]!))
      throw new LmmInputError(
        `X column '${colnames[Math.floor(k / n)]}'`,
        `non-finite value at row ${k % n}`,
      );
  }
  if (n <= X.cols) throw new LmmInputError('X', `has ${X.cols} columns for only ${n} observations`);
  checkFullRank(X, colnames);
  const terms = prepareReTerms(input.reTerms, n);
  return buildLmmSystem(terms, X, yv);
}

/** XᵀX must be positive definite (lme4 drops aliased columns; we ask the caller to). */
function checkFullRank(X: DenseMatrix, colnames: readonly string[]): void {
  const p = X.cols;
  // scaled Gram matrix D^{-1/2} XᵀX D^{-1/2} (D = diag XᵀX): pivots below 1e-10 mean
  // (near-)aliased columns
  const XtX = crossprod(X);
  const G = XtX.data;
  const norms = new Float64Array(p);
  for (let j = 0; j < p; j++) norms[j] = Math.sqrt(G[j + j * p]!) || 1;
  for (let a = 0; a < p; a++)
    for (let b = a; b < p; b++) G[b + a * p] = G[b + a * p]! / (norms[a]! * norms[b]!);
  for (let j = 0; j < p; j++) G[j + j * p]! *= 1 + 1e-12;
  let bad = choleskyInPlace(XtX).failedAt;
  if (bad < 0) for (let j = 0; j < p; j++) if (G[j + j * p]! ** 2 < 1e-10) bad = j;
  if (bad >= 0)
    throw new LmmInputError(
      `X column '${colnames[bad]}'`,
      'fixed-effect model matrix is rank deficient (column is aliased with earlier ones)',
    );
}

/**
 * Fits a linear mixed model given matrices: lme4's pipeline
 * `lmmSystemFromMatrices → lmmDeviance → optimizeTheta → lmmFit`.
 */
export function lmmFromMatrices(input: LmmMatrixInput, options: LmmOptions = {}): LmmFit {
  const sys = lmmSystemFromMatrices(input);
  return fitLmmSystem(sys, options, {
    colnames: input.colnames,
    responseName: input.responseName ?? 'y',
    formula: input.formula ?? null,
  });
}

/** Optimizes θ for an already-built system and assembles the fit. */
export function fitLmmSystem(
  sys: LmmSystem,
  options: LmmOptions,
  info: { colnames: readonly string[]; responseName: string; formula: string | null },
): LmmFit {
  const reml = options.reml ?? true;
  const chosen = options.optimizer
    ? { fn: options.optimizer, name: options.optimizerName ?? 'user' }
    : { fn: bobyqaTheta, name: 'bobyqa' };
  const dev = lmmDeviance(sys, reml);
  const start = thetaStart(sys.terms);
  if (options.start !== undefined) {
    if (options.start.length !== start.length)
      throw new LmmInputError(
        'options.start',
        `has length ${options.start.length}, expected ${start.length}`,
      );
    start.set(options.start);
  }
  // the search runs on the fill-reducing ordered factor when that pays (large crossed rest
  // blocks); the natural-order factor the fit reads is updated once at the optimum
  const ordered = options.orderedRest === false ? null : orderedDevianceObjective(sys, reml);
  const search = ordered === null ? dev : { ...dev, objective: ordered };
  const opt = optimizeTheta(search, start, thetaLower(sys.terms), chosen.fn, chosen.name);
  dev.objective(opt.theta);
  return lmmFit(sys, dev.factor, opt, reml, { ...info, optimizer: chosen.fn });
}

/**
 * Refits the model of `fit` on the system `sys` (its own, or one with a new response) by REML
 * or ML, with the fit's θ optimizer, starting from its θ (lme4's `refitML`/`refit`).
 */
export function refitSystem(fit: LmmFit, sys: LmmSystem, reml: boolean): LmmFit {
  return fitLmmSystem(
    sys,
    {
      reml,
      optimizer: fit.thetaOptimizer,
      optimizerName: fit.optimizer.name,
      start: fit.theta,
    },
    { colnames: fit.colnames, responseName: fit.responseName, formula: fit.formula },
  );
}
