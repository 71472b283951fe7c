import { qrUnscaledCovariance, sumExtended } from '@likelihood/linalg';
import { Matrix } from 'ml-matrix';
import { pValueT, pfUpper, qt } from './distributions.js';
import type { CoefficientRow } from './glm-summary.js';
import { hatFromQr } from './glm-influence.js';
import type { LmFitResult } from './lm-fit.js';
import type { ConfintRow } from './confint-glm.js';

/** R's `summary.lm` value. */
export interface LmSummary {
  readonly coefficients: readonly CoefficientRow[];
  readonly aliased: readonly string[];
  /** Weighted residuals sqrt(w) r (R's summary residuals). */
  readonly residuals: Float64Array;
  readonly sigma: number;
  readonly dfResidual: number;
  /** R^2 = MSS / (MSS + RSS); NaN for intercept-only models (R leaves it out). */
  readonly rSquared: number;
  readonly adjRSquared: number;
  /** F = (MSS / (p - df_int)) / sigma^2 on (p - df_int, n - p) df; NaN when absent. */
  readonly fStatistic: {
    readonly value: number;
    readonly numdf: number;
    readonly dendf: number;
  } | null;
  readonly fPValue: number;
  readonly covUnscaled: Matrix;
}

/** RSS = sum w r^2 (R's `deviance.lm`). */
export function rssLm(fit: LmFitResult): number {
  // R: sum(w * r^2), the square first, summed as R's sum() (extended precision)
  const n = fit.y.length;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r2 = fit.residuals[i]! * fit.residuals[i]!;
    t[i] = fit.weights === undefined ? r2 : fit.weights[i]! * r2;
  }
  return sumExtended(t);
}

/** sigma-hat = sqrt(RSS / (n - p)). */
export function sigmaLm(fit: LmFitResult): number {
  return Math.sqrt(rssLm(fit) / fit.dfResidual);
}

/**
 * R's `summary.lm`: SE_j = sigma sqrt([(X'WX)^{-1}]_jj), t = beta/SE on n - p df, R^2 =
 * MSS/(MSS + RSS) with MSS about the (weighted) mean when there is an intercept,
 * adjusted R^2 = 1 - (1 - R^2)(n - df_int)/(n - p), and the overall F statistic.
 */
export function summaryLm(fit: LmFitResult): LmSummary {
  const n = fit.y.length;
  const w = fit.weights;
  let sw = 0;
  let swf = 0;
  let nOk = 0;
  for (let i = 0; i < n; i++) {
    const wi = w === undefined ? 1 : w[i]!;
    sw += wi;
    swf += wi * fit.fittedValues[i]!;
    if (wi !== 0) nOk++;
  }
  const m = swf / sw;
  let mss = 0;
  for (let i = 0; i < n; i++) {
    const wi = w === undefined ? 1 : w[i]!;
    const f = fit.fittedValues[i]!;
    mss += fit.intercept ? wi * (f - m) * (f - m) : wi * f * f;
  }
  const rss = rssLm(fit);
  const rdf = fit.dfResidual;
  const resvar = rss / rdf;
  const r = fit.rank;
  const cu = qrUnscaledCovariance(fit.qr).data;
  const piv = fit.qr.pivot;
  const rows: CoefficientRow[] = [];
  for (let a = 0; a < r; a++) {
    const j = piv[a]!;
    const estimate = fit.coefficients[j]!;
    const stdError = Math.sqrt(cu[a + a * r]! * resvar);
    const statistic = estimate / stdError;
    rows.push({
      term: fit.columnNames[j]!,
      estimate,
      stdError,
      statistic,
      pValue: pValueT(statistic, rdf),
    });
  }
  const aliased: string[] = [];
  for (let a = r; a < piv.length; a++) aliased.push(fit.columnNames[piv[a]!]!);
  const dfInt = fit.intercept ? 1 : 0;
  let rSquared = Number.NaN;
  let adjRSquared = Number.NaN;
  let fStatistic: LmSummary['fStatistic'] = null;
  let fPValue = Number.NaN;
  if (r !== dfInt) {
    rSquared = mss / (mss + rss);
    adjRSquared = 1 - (1 - rSquared) * ((nOk - dfInt) / rdf);
    fStatistic = { value: mss / (r - dfInt) / resvar, numdf: r - dfInt, dendf: rdf };
    fPValue = pfUpper(fStatistic.value, fStatistic.numdf, fStatistic.dendf);
  }
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++)
    residuals[i] = fit.residuals[i]! * Math.sqrt(w === undefined ? 1 : w[i]!);
  const cov = new Matrix(r, r);
  for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) cov.set(a, b, cu[a + b * r]!);
  return {
    coefficients: rows,
    aliased,
    residuals,
    sigma: Math.sqrt(resvar),
    dfResidual: rdf,
    rSquared,
    adjRSquared,
    fStatistic,
    fPValue,
    covUnscaled: cov,
  };
}

/** sigma^2 (X'WX)^{-1} in the original column order, NaN for aliased (R's `vcov.lm`). */
export function vcovLm(fit: LmFitResult): Matrix {
  const p = fit.X.cols;
  const r = fit.rank;
  const cu = qrUnscaledCovariance(fit.qr).data;
  const s2 = rssLm(fit) / fit.dfResidual;
  const m = new Matrix(p, p).fill(Number.NaN);
  const piv = fit.qr.pivot;
  for (let a = 0; a < r; a++)
    for (let b = 0; b < r; b++) m.set(piv[a]!, piv[b]!, s2 * cu[a + b * r]!);
  return m;
}

/** t intervals beta_j -/+ t_{n-p, (1+level)/2} SE_j (R's `confint.lm`). */
export function confintLm(fit: LmFitResult, level = 0.95): ConfintRow[] {
  const s = summaryLm(fit);
  const q = qt((1 + level) / 2, fit.dfResidual);
  const byName = new Map(s.coefficients.map((c) => [c.term, c]));
  return fit.columnNames.map((term) => {
    const c = byName.get(term);
    if (c === undefined) return { term, lower: Number.NaN, upper: Number.NaN };
    return { term, lower: c.estimate - q * c.stdError, upper: c.estimate + q * c.stdError };
  });
}

/**
 * R's `logLik.lm`: 0.5 (sum log w - N (log(2 pi) + 1 - log N + log sum w r^2)) over rows
 * with w > 0, with df = rank + 1.
 */
export function logLikLm(fit: LmFitResult): { value: number; df: number; nobs: number } {
  let N = 0;
  let slw = 0;
  for (let i = 0; i < fit.y.length; i++) {
    const wi = fit.weights === undefined ? 1 : fit.weights[i]!;
    if (wi === 0) continue;
    N++;
    slw += Math.log(wi);
  }
  const value = 0.5 * (slw - N * (Math.log(2 * Math.PI) + 1 - Math.log(N) + Math.log(rssLm(fit))));
  return { value, df: fit.rank + 1, nobs: N };
}

/** Hat values of a linear model (0 for rows with zero weight). */
export function hatValuesLm(fit: LmFitResult): Float64Array {
  const hg = hatFromQr(fit.qr);
  const h = new Float64Array(fit.y.length);
  for (let i = 0, r = 0; i < h.length; i++) if (fit.good[i]) h[i] = hg[r++]!;
  return h;
}

/** Standardized residuals sqrt(w) r_i / (sigma sqrt(1 - h_i)) (R's `rstandard.lm`). */
export function rstandardLm(fit: LmFitResult): Float64Array {
  const h = hatValuesLm(fit);
  const sd = sigmaLm(fit);
  return Float64Array.from(h, (hi, i) => {
    const wr = fit.residuals[i]! * Math.sqrt(fit.weights === undefined ? 1 : fit.weights[i]!);
    return wr / (sd * Math.sqrt(1 - hi));
  });
}

/** Cook's distance (sqrt(w) r_i / (sigma (1 - h_i)))^2 h_i / p (R's `cooks.distance.lm`). */
export function cooksDistanceLm(fit: LmFitResult): Float64Array {
  const h = hatValuesLm(fit);
  const sd = sigmaLm(fit);
  return Float64Array.from(h, (hi, i) => {
    const wr = fit.residuals[i]! * Math.sqrt(fit.weights === undefined ? 1 : fit.weights[i]!);
    const q = wr / (sd * (1 - hi));
    return (q * q * hi) / fit.rank;
  });
}
