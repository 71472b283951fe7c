import type { DenseMatrix, QrPivoted } from '@likelihood/linalg';
import { LengthMismatchError, NonFiniteInputError } from './errors.js';
import type { GlmFamily, GlmResponseInput } from './family-types.js';
import { type GlmControl, type WlsSolver, nullDevianceSimple, runIrls } from './irls.js';
import { leastSquaresInPlace } from './least-squares.js';

export type { GlmControl } from './irls.js';

/** Options of `glmFit` (R's `glm.fit` arguments). */
export interface GlmFitOptions {
  readonly weights?: ArrayLike<number>;
  readonly offset?: ArrayLike<number>;
  readonly start?: ArrayLike<number>;
  readonly etastart?: ArrayLike<number>;
  readonly mustart?: ArrayLike<number>;
  readonly control?: GlmControl;
  /** Whether the model has an intercept (R's default TRUE): decides the null model. */
  readonly intercept?: boolean;
  /** Column names of X (default `X1`, `X2`, ...). */
  readonly columnNames?: readonly string[];
}

/** A fitted GLM at the matrix level, the fields of R's `glm.fit` value. */
export interface GlmFitResult {
  /** The model matrix (kept by reference, not copied). */
  readonly X: DenseMatrix;
  /** The response as given (binomial counts stay counts) and the user's prior weights. */
  readonly response: GlmResponseInput;
  readonly userWeights: Float64Array | undefined;
  readonly columnNames: readonly string[];
  /** beta-hat; NaN (R's NA) for aliased columns. */
  readonly coefficients: Float64Array;
  /** Working residuals (y - mu) / (dmu/deta). */
  readonly residuals: Float64Array;
  readonly fittedValues: Float64Array;
  readonly linearPredictors: Float64Array;
  /** Working weights w_i = prior_i (dmu/deta)^2 / V(mu), of the last IRLS step. */
  readonly weights: Float64Array;
  readonly priorWeights: Float64Array;
  /** The response the fit used (binomial: proportions). */
  readonly y: Float64Array;
  /** Binomial trials per observation (1 otherwise). */
  readonly trials: Float64Array;
  readonly offset: Float64Array;
  readonly rank: number;
  /** QR of sqrt(w) X[good, ] from the last IRLS step (for vcov, hat values). */
  readonly qr: QrPivoted;
  /** Rows used in the last IRLS step (prior weight > 0 and dmu/deta != 0). */
  readonly good: Uint8Array;
  /** Q' sqrt(w) z of the last step (R's `effects`). */
  readonly effects: Float64Array;
  readonly deviance: number;
  readonly nullDeviance: number;
  /** family$aic + 2 rank; null for the quasi families (R's NA). */
  readonly aic: number | null;
  readonly iter: number;
  readonly converged: boolean;
  readonly boundary: boolean;
  readonly dfResidual: number;
  readonly dfNull: number;
  readonly intercept: boolean;
  readonly family: GlmFamily;
  readonly control: Required<GlmControl>;
  /** Warnings with R's wording (e.g. "glm.fit: algorithm did not converge"). */
  readonly warnings: readonly string[];
}

/** The dense WLS step of R's `Cdqrls`, keeping the last QR for vcov and hat values. */
export class DenseWlsSolver implements WlsSolver {
  readonly nobs: number;
  readonly p: number;
  last: ReturnType<typeof leastSquaresInPlace> | null = null;
  private readonly work: Float64Array;
  constructor(readonly X: DenseMatrix) {
    this.nobs = X.rows;
    this.p = X.cols;
    this.work = new Float64Array(X.rows * X.cols);
  }
  solve(good: Uint8Array, ngood: number, sqrtW: Float64Array, zw: Float64Array, tol: number) {
    const { nobs, p, X } = this;
    const xw = ngood === nobs ? this.work : new Float64Array(ngood * p);
    if (ngood === nobs) {
      for (let j = 0; j < p; j++) {
        const src = j * nobs;
        for (let i = 0; i < nobs; i++) xw[src + i] = X.data[src + i]! * sqrtW[i]!;
      }
    } else {
      this.copyGoodRows(good, ngood, sqrtW, xw);
    }
    this.last = leastSquaresInPlace({ rows: ngood, cols: p, data: xw }, zw, tol);
    const d = this.last.decomposition;
    const aliased: number[] = [];
    for (let j = d.rank; j < p; j++) aliased.push(d.pivot[j]!);
    return { coefficients: this.last.coefficients, rank: d.rank, aliased };
  }
  /** xw[, j] = sqrtW * X[good, j] (column-major, ngood rows). */
  private copyGoodRows(
    good: Uint8Array,
    ngood: number,
    sqrtW: Float64Array,
    xw: Float64Array,
  ): void {
    const { nobs, p, X } = this;
    for (let j = 0; j < p; j++) {
      const src = j * nobs;
      const dst = j * ngood;
      for (let i = 0, r = 0; i < nobs; i++) {
        if (good[i]) {
          xw[dst + r] = X.data[src + i]! * sqrtW[r]!;
          r++;
        }
      }
    }
  }

  linearPredictorInto(beta: ArrayLike<number>, offset: Float64Array, eta: Float64Array): void {
    const { rows: n, cols: p, data } = this.X;
    eta.set(offset);
    for (let j = 0; j < p; j++) {
      const b = beta[j]!;
      if (b === 0 || Number.isNaN(b)) continue;
      const off = j * n;
      for (let i = 0; i < n; i++) eta[i] = eta[i]! + data[off + i]! * b;
    }
  }
}

/**
 * Fits a GLM by iteratively reweighted least squares exactly as R's `glm.fit`: at each step
 * z = eta - offset + (y - mu) / mu'(eta), w = sqrt(prior mu'(eta)^2 / V(mu)), and beta solves
 * min ||w (z - X beta)|| by R's pivoted Householder QR (tol = min(1e-7, epsilon / 1000)).
 * Stops when |dev - dev_old| / (|dev| + 0.1) < epsilon; halves the step towards the previous
 * coefficients while the deviance is non-finite or eta/mu are invalid. With an intercept and a
 * non-zero offset the null deviance is that of the intercept-only fit with the offset (as R's
 * `glm` computes it).
 */
export function glmFit(
  X: DenseMatrix,
  y: GlmResponseInput,
  family: GlmFamily,
  options: GlmFitOptions = {},
): GlmFitResult {
  const { rows: nobs, cols: p } = X;
  for (let k = 0; k < X.data.length; k++) {
    if (!Number.isFinite(X.data[k]!)) {
      throw new NonFiniteInputError(
        'X',
        k % nobs,
        X.data[k]!,
        options.columnNames?.[Math.floor(k / nobs)],
      );
    }
  }
  const columnNames = options.columnNames ?? Array.from({ length: p }, (_, j) => `X${j + 1}`);
  if (columnNames.length !== p) throw new LengthMismatchError('columnNames', columnNames.length, p);
  const solver = new DenseWlsSolver(X);
  const core = runIrls(solver, y, family, options);
  const intercept = options.intercept ?? true;
  const hasOffset = core.offset.some((o) => o !== 0);
  let nullDeviance: number;
  if (intercept && hasOffset && p === 1) {
    // The intercept-only model is its own null model.
    nullDeviance = core.deviance;
  } else if (intercept && hasOffset && p > 1) {
    const ones = { rows: nobs, cols: 1, data: new Float64Array(nobs).fill(1) };
    nullDeviance = glmFit(ones, y, family, {
      weights: options.weights,
      offset: core.offset,
      mustart: core.mu,
      control: core.control,
      intercept: true,
    }).deviance;
  } else {
    nullDeviance = nullDevianceSimple(core, family, intercept);
  }
  const last = solver.last!;
  return {
    X,
    response: y,
    userWeights: options.weights === undefined ? undefined : Float64Array.from(options.weights),
    columnNames,
    coefficients: core.coefficients,
    residuals: core.residuals,
    fittedValues: core.mu,
    linearPredictors: core.eta,
    weights: core.weights,
    priorWeights: core.prior,
    y: core.y,
    trials: core.trials,
    offset: core.offset,
    rank: core.step.rank,
    qr: last.decomposition,
    good: core.good,
    effects: last.effects,
    deviance: core.deviance,
    nullDeviance,
    aic: core.aic,
    iter: core.iter,
    converged: core.converged,
    boundary: core.boundary,
    dfResidual: core.nOk - core.step.rank,
    dfNull: core.nOk - (intercept ? 1 : 0),
    intercept,
    family,
    control: core.control,
    warnings: core.warnings,
  };
}
