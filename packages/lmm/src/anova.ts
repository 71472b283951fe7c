import { LmmInputError } from './errors.js';
import { refitSystem } from './lmm-from-matrices.js';
import type { LmmFit } from './lmm-fit.js';
import { pchisqUpper } from '@likelihood/glm';

/** One row of lme4's `anova(m1, m2, …)` table. */
export interface AnovaLmmRow {
  readonly model: string;
  readonly npar: number;
  readonly aic: number;
  readonly bic: number;
  readonly logLik: number;
  readonly deviance: number;
  /** 2·max(0, ℓ_i − ℓ_{i−1}); null on the first row. */
  readonly chisq: number | null;
  readonly df: number | null;
  /** P(χ²_df > chisq); null on the first row. */
  readonly pValue: number | null;
}

export interface AnovaLmmResult {
  readonly rows: readonly AnovaLmmRow[];
  /** True when REML fits were refitted with ML (as lme4 does, with a message). */
  readonly refitted: boolean;
}

/** lme4's `refitML`: the same model refitted by maximum likelihood (start: the REML θ). */
export function refitML(fit: LmmFit): LmmFit {
  if (!fit.reml) return fit;
  return refitSystem(fit, fit.system, false);
}

/**
 * Likelihood-ratio tests between nested fits as lme4's `anova.merMod`: REML fits are refitted
 * with ML, models are ordered by number of parameters, and consecutive models are compared with
 * χ² = 2·max(0, ℓ_i − ℓ_{i−1}) on Δnpar degrees of freedom.
 */
export function anovaLmm(fits: readonly LmmFit[], names?: readonly string[]): AnovaLmmResult {
  if (fits.length < 2) throw new LmmInputError('fits', 'anova needs at least two fitted models');
  if (names !== undefined && names.length !== fits.length)
    throw new LmmInputError('names', `has ${names.length} names for ${fits.length} models`);
  const n = fits[0]!.nobs;
  fits.forEach((f, i) => {
    if (f.nobs !== n)
      throw new LmmInputError(`fits[${i}]`, `has ${f.nobs} observations, the first model ${n}`);
  });
  const refitted = fits.some((f) => f.reml);
  const ml = fits.map(refitML);
  const order = ml.map((_, i) => i).sort((a, b) => ml[a]!.df - ml[b]!.df || a - b);
  const rows: AnovaLmmRow[] = [];
  order.forEach((i, k) => {
    const f = ml[i]!;
    const prev = k === 0 ? null : ml[order[k - 1]!]!;
    const chisq = prev === null ? null : 2 * Math.max(0, f.logLik - prev.logLik);
    const df = prev === null ? null : f.df - prev.df;
    const pValue =
      chisq === null || df === null ? null : df > 0 ? pchisqUpper(chisq, df) : Number.NaN;
    rows.push({
      model: names?.[i] ?? `model${i + 1}`,
      npar: f.df,
      aic: f.aic,
      bic: f.bic,
      logLik: f.logLik,
      deviance: f.deviance,
      chisq,
      df,
      pValue,
    });
  });
  return { rows, refitted };
}
