import { describe, expect, it } from 'vitest';
import { expectClose, readCsv } from './csv.test-helper.js';
import { readReference } from './lmer-reference.test-helper.js';
import { lmm } from './lmm.js';
import { lmmFitToJson } from './lmm-json.js';

describe('lmmFitToJson (CLI contract of DESIGN.md)', () => {
  it('sleepstudy: shape and values vs lme4 (VarCorr table 1e-4, logLik 1e-6)', () => {
    const raw = readCsv('sleepstudy.csv');
    const data = {
      Reaction: raw.Reaction!.map(Number),
      Days: raw.Days!.map(Number),
      Subject: raw.Subject!,
    };
    const j = lmmFitToJson(lmm('Reaction ~ Days + (Days | Subject)', data));
    const ref = readReference('lmer_sleepstudy_corr_REML');
    const json = JSON.parse(JSON.stringify(j));
    expect(json.fixef.map((f: { term: string }) => f.term)).toEqual(['(Intercept)', 'Days']);
    // the fields of DESIGN.md's CLI contract, in its order, then the extras
    expect(Object.keys(json)).toEqual([
      'fixef',
      'varCorr',
      'correlations',
      'sigma',
      'theta',
      'logLik',
      'deviance',
      'remlCriterion',
      'aic',
      'bic',
      'dfResid',
      'nobs',
      'ngroups',
      'ranef',
      'converged',
      'iterations',
      'singular',
      'warnings',
      'notes',
    ]);
    expect(json.varCorr.map((v: { group: string; term: string }) => [v.group, v.term])).toEqual([
      ['Subject', '(Intercept)'],
      ['Subject', 'Days'],
      ['Residual', ''],
    ]);
    const tab = ref.varcorr.table;
    // lme4's table rows: var(Intercept), cov, var(Days), residual (default-stop lme4: 1e-4)
    expectClose(json.varCorr[0].variance, tab.vcov[0], 1e-4);
    expectClose(json.varCorr[1].variance, tab.vcov[2], 1e-4);
    expectClose(json.varCorr[2].variance, tab.vcov[3], 1e-4);
    // as.data.frame(VarCorr(fit)): var1 = (Intercept), var2 = Days
    expect(json.correlations).toHaveLength(1);
    expect([json.correlations[0].term1, json.correlations[0].term2]).toEqual([
      '(Intercept)',
      'Days',
    ]);
    expectClose(json.correlations[0].corr, tab.sdcor[1], 1e-3);
    expectClose(json.logLik, ref.logLik, 1e-6);
    expect(json.ngroups).toEqual({ Subject: 18 });
    expect(json.ranef.Subject.values).toHaveLength(2);
    expect(json.ranef.Subject.levels).toHaveLength(18);
    expect(json.converged).toBe(true);
    expect(json.remlCriterion).not.toBeNull();
  });
});
