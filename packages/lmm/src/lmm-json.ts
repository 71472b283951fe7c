import type { LmmFit } from './lmm-fit.js';

/** The `likelihood lmm --json` document of DESIGN.md's CLI contract. */
export interface LmmJson {
  fixef: { term: string; estimate: number; stdError: number; statistic: number }[];
  varCorr: { group: string; term: string; variance: number; sd: number }[];
  correlations: { group: string; term1: string; term2: string; corr: number }[];
  sigma: number;
  theta: number[];
  logLik: number;
  deviance: number;
  remlCriterion: number | null;
  aic: number;
  bic: number;
  dfResid: number;
  nobs: number;
  ngroups: Record<string, number>;
  ranef: Record<string, { levels: string[]; terms: string[]; values: number[][] }>;
  converged: boolean;
  iterations: number;
  singular: boolean;
  warnings: string[];
  notes: string[];
}

/**
 * A fit as the plain JSON document of the CLI contract (`likelihood lmm --json`): fixed
 * effects, VarCorr rows (the residual last, with `term: ''`), correlations in lme4's
 * `as.data.frame(VarCorr(fit))` order (term1 the earlier term, term2 the later), θ,
 * likelihood summaries, group counts, conditional modes (`values[a][l]`: term a, level l), the
 * optimizer's convergence and number of deviance evaluations; then `singular`, `warnings` and
 * `notes`. Non-finite numbers become `null` under `JSON.stringify`.
 */
export function lmmFitToJson(fit: LmmFit): LmmJson {
  const varCorr: LmmJson['varCorr'] = [];
  const correlations: LmmJson['correlations'] = [];
  for (const g of fit.varCorr) {
    g.terms.forEach((t, i) => {
      varCorr.push({ group: g.group, term: t, variance: g.variances[i]!, sd: g.sds[i]! });
    });
    for (let i = 0; i < g.terms.length; i++)
      for (let j = i + 1; j < g.terms.length; j++)
        correlations.push({
          group: g.group,
          term1: g.terms[i]!,
          term2: g.terms[j]!,
          corr: g.correlation.get(i, j),
        });
  }
  varCorr.push({ group: 'Residual', term: '', variance: fit.sigma ** 2, sd: fit.sigma });
  const ranef: LmmJson['ranef'] = {};
  for (const r of fit.ranef)
    ranef[r.group] = {
      levels: [...r.levels],
      terms: [...r.terms],
      values: r.values.map((v) => Array.from(v)),
    };
  return {
    fixef: fit.coefficients.map((c) => ({
      term: c.term,
      estimate: c.estimate,
      stdError: c.stdError,
      statistic: c.tValue,
    })),
    varCorr,
    correlations,
    sigma: fit.sigma,
    theta: Array.from(fit.theta),
    logLik: fit.logLik,
    deviance: fit.deviance,
    remlCriterion: fit.remlCriterion,
    aic: fit.aic,
    bic: fit.bic,
    dfResid: fit.dfResid,
    nobs: fit.nobs,
    ngroups: { ...fit.ngroups },
    ranef,
    converged: fit.optimizer.converged,
    iterations: fit.optimizer.evaluations,
    singular: fit.singular,
    warnings: [...fit.warnings],
    notes: [...fit.notes],
  };
}
