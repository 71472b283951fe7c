import { anovaLm } from './anova-lm.js';
import type { CoefficientRow } from './glm-summary.js';
import type { LmModel } from './lm-model.js';
import { summaryLm } from './lm-summary.js';

/** The numbers of a linear model as the CLI reports them (DESIGN's `likelihood lm --json`). */
export interface LmReport {
  readonly coefficients: readonly CoefficientRow[];
  readonly sigma: number;
  readonly rSquared: number;
  readonly adjRSquared: number;
  readonly fStatistic: {
    readonly value: number;
    readonly numdf: number;
    readonly dendf: number;
    readonly pValue: number;
  } | null;
  readonly dfResidual: number;
  readonly anova: readonly {
    term: string;
    df: number;
    sumSq: number;
    meanSq: number;
    fValue: number;
    pValue: number;
  }[];
}

/** Coefficient table, sigma, R², adjusted R², overall F and the sequential ANOVA of `m`. */
export function lmReport(m: LmModel): LmReport {
  const s = summaryLm(m);
  return {
    coefficients: s.coefficients.map((r) => ({ ...r })),
    sigma: s.sigma,
    rSquared: s.rSquared,
    adjRSquared: s.adjRSquared,
    fStatistic: s.fStatistic === null ? null : { ...s.fStatistic, pValue: s.fPValue },
    dfResidual: s.dfResidual,
    anova: anovaLm(m, m.terms).map((r) => ({ ...r })),
  };
}
