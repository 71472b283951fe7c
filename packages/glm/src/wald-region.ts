import chisqQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import fQuantile from '@stdlib/stats-base-dists-f-quantile';
import { Matrix, inverse } from 'ml-matrix';
import { pchisqUpper, pfUpper } from './distributions.js';
import { GlmArgumentError } from './errors.js';
import type { GlmFitResult } from './glm-fit.js';
import { vcovGlm } from './glm-summary.js';

/** Result of `waldRegion`: whether beta0 lies in the simultaneous confidence region. */
export interface WaldRegionResult {
  /** W = (b - b0)' V^{-1} (b - b0) over the chosen coefficients. */
  readonly statistic: number;
  readonly df: number;
  /** 'chisq' when the dispersion is known, 'F' (statistic W / k on k, n - p df) when estimated. */
  readonly reference: 'chisq' | 'F';
  /** chi^2_{level, k}, or F_{level, k, n-p} (compare with W / k). */
  readonly critical: number;
  readonly pValue: number;
  readonly inside: boolean;
}

/**
 * Wald simultaneous region for coefficients `which` (seed 004 §3.4): with V = phi (X'WX)^{-1},
 * {b0 : (b - b0)' V^{-1} (b - b0) < chi^2_{level, k}} when phi is known, and
 * {b0 : W / k < F_{level, k, n - p}} when phi is estimated.
 */
export function waldRegion(
  fit: GlmFitResult,
  beta0: ArrayLike<number>,
  options: { which?: readonly number[]; level?: number } = {},
): WaldRegionResult {
  const which = options.which ?? fit.columnNames.map((_, j) => j);
  const level = options.level ?? 0.95;
  if (beta0.length !== which.length) {
    throw new GlmArgumentError('beta0', `has length ${beta0.length}, expected ${which.length}`);
  }
  for (const j of which) {
    if (Number.isNaN(fit.coefficients[j]!))
      throw new GlmArgumentError('which', `coefficient ${fit.columnNames[j]} is aliased`);
  }
  const V = vcovGlm(fit);
  const k = which.length;
  const Vs = new Matrix(k, k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) Vs.set(a, b, V.get(which[a]!, which[b]!));
  const Vinv = inverse(Vs);
  const d = which.map((j, a) => fit.coefficients[j]! - beta0[a]!);
  let W = 0;
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) W += d[a]! * Vinv.get(a, b) * d[b]!;
  if (fit.family.dispersionFixed) {
    const critical = chisqQuantile(level, k);
    return {
      statistic: W,
      df: k,
      reference: 'chisq',
      critical,
      pValue: pchisqUpper(W, k),
      inside: W < critical,
    };
  }
  const critical = fQuantile(level, k, fit.dfResidual);
  return {
    statistic: W,
    df: k,
    reference: 'F',
    critical,
    pValue: pfUpper(W / k, k, fit.dfResidual),
    inside: W / k < critical,
  };
}
