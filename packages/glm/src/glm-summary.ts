import { qrUnscaledCovariance } from '@likelihood/linalg';
import { Matrix } from 'ml-matrix';
import { pValueT, pValueZ } from './distributions.js';
import { GlmArgumentError } from './errors.js';
import type { GlmFitResult } from './glm-fit.js';

/** One row of a coefficient table (R's `coef(summary(fit))`). */
export interface CoefficientRow {
  readonly term: string;
  readonly estimate: number;
  readonly stdError: number;
  readonly statistic: number;
  readonly pValue: number;
}

/** R's `summary.glm` value. */
export interface GlmSummary {
  readonly family: string;
  readonly link: string;
  /** Non-aliased coefficients in R's pivot order. */
  readonly coefficients: readonly CoefficientRow[];
  /** Names of the aliased (NA) coefficients. */
  readonly aliased: readonly string[];
  /** 'z' when the dispersion is known (fixed or supplied), 't' when estimated. */
  readonly statisticName: 'z' | 't';
  readonly dispersion: number;
  readonly dispersionEstimated: boolean;
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly dfResidual: number;
  readonly dfNull: number;
  readonly aic: number | null;
  readonly iter: number;
  /** Deviance residuals (for the printed summary's quantiles in older R). */
  readonly devianceResiduals: Float64Array;
  /** (X'WX)^{-1} over the non-aliased coefficients, in pivot order. */
  readonly covUnscaled: Matrix;
  readonly warnings: readonly string[];
}

/**
 * Pearson dispersion phi_P = sum_i w_i r_i^2 / (n - p) over rows with working weight w_i > 0,
 * where r_i are the working residuals (= sum prior_i (y_i - mu_i)^2 / V(mu_i) / df); NaN when
 * df = 0. This is R's `summary.glm` estimate for families with free dispersion.
 */
export function dispersionPearson(fit: GlmFitResult): number {
  if (fit.dfResidual <= 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < fit.weights.length; i++) {
    const w = fit.weights[i]!;
    if (w > 0) s += w * fit.residuals[i]! * fit.residuals[i]!;
  }
  return s / fit.dfResidual;
}

/** The dispersion `summary.glm` uses: 1 for binomial/poisson, Pearson otherwise. */
export function glmDispersion(fit: GlmFitResult): number {
  return fit.family.dispersionFixed ? 1 : dispersionPearson(fit);
}

/** The unscaled covariance (X'WX)^{-1} in ORIGINAL column order, NaN rows/cols for aliased. */
function unscaledCovFull(fit: GlmFitResult): Float64Array {
  const p = fit.X.cols;
  const r = fit.rank;
  const cu = qrUnscaledCovariance(fit.qr).data;
  const out = new Float64Array(p * p).fill(Number.NaN);
  const piv = fit.qr.pivot;
  for (let a = 0; a < r; a++) {
    for (let b = 0; b < r; b++) out[piv[a]! + piv[b]! * p] = cu[a + b * r]!;
  }
  return out;
}

/**
 * Covariance of beta-hat, phi (X'WX)^{-1} (R's `vcov(fit)`), as an ml-matrix `Matrix` in the
 * original column order; aliased rows and columns are NaN (R's `complete = TRUE`).
 */
export function vcovGlm(fit: GlmFitResult, dispersion: number = glmDispersion(fit)): Matrix {
  const p = fit.X.cols;
  const cu = unscaledCovFull(fit);
  const m = new Matrix(p, p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) m.set(i, j, dispersion * cu[i + j * p]!);
  return m;
}

/**
 * R's `summary.glm`: SE_j = sqrt(phi [(X'WX)^{-1}]_jj); statistic beta_j / SE_j, referred to
 * N(0, 1) when phi is known and to t_{n-p} when phi is estimated (Pearson).
 */
export function summaryGlm(fit: GlmFitResult, options: { dispersion?: number } = {}): GlmSummary {
  if (options.dispersion !== undefined && !(options.dispersion > 0)) {
    throw new GlmArgumentError('dispersion', `must be positive, got ${options.dispersion}`);
  }
  const estimated = options.dispersion === undefined && !fit.family.dispersionFixed;
  const dispersion = options.dispersion ?? glmDispersion(fit);
  const r = fit.rank;
  const cu = qrUnscaledCovariance(fit.qr).data;
  const piv = fit.qr.pivot;
  const rows: CoefficientRow[] = [];
  for (let a = 0; a < r; a++) {
    const j = piv[a]!;
    const estimate = fit.coefficients[j]!;
    const stdError = Math.sqrt(dispersion * cu[a + a * r]!);
    const statistic = estimate / stdError;
    const pValue = estimated ? pValueT(statistic, fit.dfResidual) : pValueZ(statistic);
    rows.push({ term: fit.columnNames[j]!, estimate, stdError, statistic, pValue });
  }
  const aliased: string[] = [];
  for (let a = r; a < piv.length; a++) aliased.push(fit.columnNames[piv[a]!]!);
  const cov = new Matrix(r, r);
  for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) cov.set(a, b, cu[a + b * r]!);
  const devRes = new Float64Array(fit.y.length);
  for (let i = 0; i < devRes.length; i++) {
    const d = fit.family.devResid(fit.y[i]!, fit.fittedValues[i]!, fit.priorWeights[i]!);
    devRes[i] = Math.sign(fit.y[i]! - fit.fittedValues[i]!) * Math.sqrt(Math.max(d, 0));
  }
  return {
    family: fit.family.family,
    link: fit.family.link,
    coefficients: rows,
    aliased,
    statisticName: estimated ? 't' : 'z',
    dispersion,
    dispersionEstimated: estimated,
    deviance: fit.deviance,
    nullDeviance: fit.nullDeviance,
    dfResidual: fit.dfResidual,
    dfNull: fit.dfNull,
    aic: fit.aic,
    iter: fit.iter,
    devianceResiduals: devRes,
    covUnscaled: cov,
    warnings: fit.warnings,
  };
}

/** Number of observations with non-zero prior weight (R's `nobs.glm`). */
export function nobsGlm(fit: GlmFitResult): number {
  let n = 0;
  for (let i = 0; i < fit.priorWeights.length; i++) if (fit.priorWeights[i] !== 0) n++;
  return n;
}

/** Log-likelihood with its degrees of freedom, as R's `logLik.glm`. */
export interface LogLik {
  readonly value: number;
  readonly df: number;
  readonly nobs: number;
}

/**
 * R's `logLik.glm`: df = rank (+1 for gaussian, Gamma and inverse.gaussian, whose dispersion
 * is a parameter) and logLik = df - AIC / 2. NaN for the quasi families (no likelihood).
 */
export function logLikGlm(fit: GlmFitResult): LogLik {
  const fam = fit.family.family;
  const df =
    fit.rank + (fam === 'gaussian' || fam === 'Gamma' || fam === 'inverse.gaussian' ? 1 : 0);
  const value = fit.aic === null ? Number.NaN : df - fit.aic / 2;
  // R's logLik.glm: attr(, "nobs") = sum(!is.na(residuals)), zero-weight rows included.
  return { value, df, nobs: fit.residuals.length };
}

/** AIC = -2 logLik + 2 df (R's `AIC`). */
export function aicGlm(fit: GlmFitResult): number {
  const ll = logLikGlm(fit);
  return -2 * ll.value + 2 * ll.df;
}

/** BIC = -2 logLik + log(nobs) df with logLik's nobs (all rows, as R's `BIC`). */
export function bicGlm(fit: GlmFitResult): number {
  const ll = logLikGlm(fit);
  return -2 * ll.value + Math.log(ll.nobs) * ll.df;
}
