import { pfUpper } from './distributions.js';
import { GlmArgumentError } from './errors.js';
import type { TermsInfo } from './anova-glm.js';
import type { LmFitResult } from './lm-fit.js';
import { rssLm } from './lm-summary.js';
import { sumExtended } from '@likelihood/linalg';

/** One row of R's `anova.lm` table. */
export interface AnovaLmRow {
  readonly term: string;
  readonly df: number;
  readonly sumSq: number;
  readonly meanSq: number;
  /** NaN in the Residuals row. */
  readonly fValue: number;
  readonly pValue: number;
}

/**
 * Sequential (type I) ANOVA as R's `anova.lm`: the sum of squares of term k is the sum of the
 * squared effects Q'y over the QR columns assigned to it (in pivot order), F = MS / (RSS/df).
 */
export function anovaLm(fit: LmFitResult, terms: TermsInfo): AnovaLmRow[] {
  if (terms.assign.length !== fit.X.cols) {
    throw new GlmArgumentError(
      'terms.assign',
      `has length ${terms.assign.length}, expected ${fit.X.cols}`,
    );
  }
  const ssr = rssLm(fit);
  const dfr = fit.dfResidual;
  // R: ss <- vapply(split(comp^2, asgn), sum, 1): squares in double, summed as R's sum()
  const squares = new Map<number, number[]>();
  for (let a = 0; a < fit.rank; a++) {
    const t = terms.assign[fit.qr.pivot[a]!]!;
    const e = fit.effects[a]!;
    const cur = squares.get(t) ?? [];
    cur.push(e * e);
    squares.set(t, cur);
  }
  const ss = new Map<number, { ss: number; df: number }>();
  for (const [t, sq] of squares) ss.set(t, { ss: sumExtended(sq), df: sq.length });
  const rows: AnovaLmRow[] = [];
  for (const t of [...ss.keys()].sort((x, y) => x - y)) {
    if (t === 0 && fit.intercept) continue;
    const { ss: s, df } = ss.get(t)!;
    const meanSq = s / df;
    const fValue = meanSq / (ssr / dfr);
    rows.push({
      term: t === 0 ? '(Intercept)' : terms.labels[t - 1]!,
      df,
      sumSq: s,
      meanSq,
      fValue,
      pValue: pfUpper(fValue, df, dfr),
    });
  }
  rows.push({
    term: 'Residuals',
    df: dfr,
    sumSq: ssr,
    meanSq: ssr / dfr,
    fValue: Number.NaN,
    pValue: Number.NaN,
  });
  return rows;
}

/** One row of R's `anova(m1, m2, ...)` for linear models. */
export interface AnovaLmModelsRow {
  readonly resDf: number;
  readonly rss: number;
  /** NaN in the first row. */
  readonly df: number;
  readonly sumSq: number;
  readonly fValue: number;
  readonly pValue: number;
}

/**
 * Nested linear models compared as R's `anova.lmlist`: F = (ΔRSS / ΔDf) / (RSS_big / df_big)
 * where "big" is the model with the fewest residual df, on (|ΔDf|, df_big) df.
 */
export function anovaLmModels(fits: readonly LmFitResult[]): AnovaLmModelsRow[] {
  if (fits.length < 2) throw new GlmArgumentError('fits', 'need at least two models to compare');
  const resdf = fits.map((f) => f.dfResidual);
  const rss = fits.map(rssLm);
  let big = 0;
  for (let k = 1; k < fits.length; k++) if (resdf[k]! < resdf[big]!) big = k;
  const scale = rss[big]! / resdf[big]!;
  return fits.map((_, k) => {
    if (k === 0) {
      return {
        resDf: resdf[0]!,
        rss: rss[0]!,
        df: Number.NaN,
        sumSq: Number.NaN,
        fValue: Number.NaN,
        pValue: Number.NaN,
      };
    }
    const df = resdf[k - 1]! - resdf[k]!;
    const sumSq = rss[k - 1]! - rss[k]!;
    let fValue = sumSq / df / scale;
    if (df === 0 || fValue < 0) fValue = Number.NaN;
    const pValue = Number.isNaN(fValue) ? Number.NaN : pfUpper(fValue, Math.abs(df), resdf[big]!);
    return { resDf: resdf[k]!, rss: rss[k]!, df, sumSq, fValue, pValue };
  });
}
