import { describe, expect, it } from 'vitest';
import { anovaLmm } from './anova.js';
import { design, expectAbs, expectClose, factor, num, ones, readCsv } from './csv.test-helper.js';
import { type AnovaTable, readAnovaReference } from './lmer-reference.test-helper.js';
import { lmmFromMatrices } from './lmm-from-matrices.js';

// Reference: fixtures/lmer_sleepstudy_anova_ML.json (lme4 anova.merMod on sleepstudy).
const ref = readAnovaReference();
const d = readCsv('sleepstudy.csv');
const y = num(d.Reaction!);
const days = num(d.Days!);
const n = y.length;
const subject = factor('Subject', d.Subject!);
const X = design([ones(n), days]);
const cn = ['(Intercept)', 'Days'];
const int = (reml: boolean) =>
  lmmFromMatrices(
    {
      X,
      colnames: cn,
      y,
      reTerms: [{ group: subject, Zcols: [ones(n)], termNames: ['(Intercept)'] }],
    },
    { reml },
  );
const uncorr = (reml: boolean) =>
  lmmFromMatrices(
    {
      X,
      colnames: cn,
      y,
      reTerms: [
        { group: subject, Zcols: [ones(n)], termNames: ['(Intercept)'] },
        { group: subject, Zcols: [days], termNames: ['Days'] },
      ],
    },
    { reml },
  );
const corr = (reml: boolean, Xm = X, names = cn) =>
  lmmFromMatrices(
    {
      X: Xm,
      colnames: names,
      y,
      reTerms: [{ group: subject, Zcols: [ones(n), days], termNames: ['(Intercept)', 'Days'] }],
    },
    { reml },
  );

function checkTable(res: ReturnType<typeof anovaLmm>, tab: AnovaTable) {
  res.rows.forEach((r, i) => {
    expect(r.npar).toBe(tab.npar![i]);
    // logLik / deviance / AIC / BIC: 1e-6 relative (issue 7 tolerance for log-likelihoods)
    expectClose(r.logLik, tab.logLik![i]!, 1e-6);
    expectClose(r.deviance, tab.deviance![i]!, 1e-6);
    expectClose(r.aic, tab.AIC![i]!, 1e-6);
    expectClose(r.bic, tab.BIC![i]!, 1e-6);
    if (i === 0) {
      expect(r.chisq).toBeNull();
      expect(r.pValue).toBeNull();
    } else {
      // χ² is a difference of deviances ~1752: 1e-6 relative on each → 2e-3 absolute at worst;
      // we hold it to 1e-4 absolute (our optimum is tighter than lme4's default stop).
      expectAbs(r.chisq!, tab.Chisq![i]!, 1e-4);
      expect(r.df).toBe(tab.Df![i]);
      // p from our χ² (1e-4 absolute from lme4's): relative 1e-3 covers it at these p-values
      expectClose(r.pValue!, tab['Pr(>Chisq)']![i]!, 1e-3);
    }
  });
}

describe('anovaLmm vs lme4 anova.merMod', () => {
  it('uncorrelated vs correlated (ML fits)', () => {
    const res = anovaLmm([uncorr(false), corr(false)], ['fm_uncorr', 'fm_corr']);
    expect(res.refitted).toBe(false);
    expect(res.rows.map((r) => r.model)).toEqual(['fm_uncorr', 'fm_corr']);
    checkTable(res, ref.anova_uncorr_vs_corr);
  });
  it('chain of three, given out of order, REML fits refitted with ML', () => {
    const res = anovaLmm([corr(true), int(true), uncorr(true)], ['fm_corr', 'fm_int', 'fm_uncorr']);
    expect(res.refitted).toBe(true);
    expect(res.rows.map((r) => r.model)).toEqual(['fm_int', 'fm_uncorr', 'fm_corr']);
    checkTable(res, ref.anova_int_uncorr_corr);
  });
  it('fixed-effect test of Days', () => {
    const noDays = corr(false, design([ones(n)]), ['(Intercept)']);
    checkTable(anovaLmm([noDays, corr(false)]), ref.anova_noDays_vs_corr);
    // theta of fm_noDays from the reference (1e-4: lme4's default stop)
    const th = ref.theta.fm_noDays;
    expectClose(noDays.theta[0]!, th['Subject.(Intercept)'], 1e-3, 1);
    expectClose(noDays.theta[2]!, th['Subject.Days'], 1e-3, 1);
  });
});
