// Test helper: compares an LmmFit with an lme4 reference JSON copied from
// /work/shared/reference (files lmer_*.json in ./fixtures). Not shipped.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { expectClose } from './csv.test-helper.js';
import type { LmmFit } from './lmm-fit.js';

type Named = Record<string, number>;
type Ci = { rownames: string[]; data: (number | null)[][] };

/** The fields of an lme4 reference file (fixtures/lmer_*.json) that the tests read. */
export interface LmerReference {
  n: number;
  ngrps: Named;
  fixef: Named;
  fixef_table: { 'Std. Error': Named };
  vcov_fixef: { data: number[][] };
  varcorr: {
    groups: {
      group: string;
      terms: string | string[];
      sds: Named;
      correlation: { data: number[][] };
    }[];
    table: { vcov: number[]; sdcor: number[] };
  };
  sigma: number;
  theta: Named;
  logLik: number;
  logLik_df: number;
  objective: { value: number };
  deviance_ML_at_estimates: number;
  aic: number;
  bic: number;
  df_resid: number;
  ranef: { table: { grp: string[]; condval: number[]; condsd: number[] } };
  fitted_first10: number[];
  confint_profile: { ci: Ci };
  confint_wald: { ci: Ci };
  tight_refit?: {
    theta: Named;
    objective: number;
    logLik: number;
    fixef: Named;
    se_fixef: Named;
    sigma: number;
  };
}

/** One anova table of fixtures/lmer_sleepstudy_anova_ML.json (columns; null on the first row). */
export type AnovaTable = Record<string, (number | null)[]>;

/** fixtures/lmer_sleepstudy_anova_ML.json. */
export interface AnovaReference {
  anova_uncorr_vs_corr: AnovaTable;
  anova_int_uncorr_corr: AnovaTable;
  anova_noDays_vs_corr: AnovaTable;
  theta: Record<string, Named>;
}

function readJson(name: string): unknown {
  const path = fileURLToPath(new URL(`./fixtures/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function readReference(name: string): LmerReference {
  return readJson(name) as LmerReference;
}

export function readAnovaReference(): AnovaReference {
  return readJson('lmer_sleepstudy_anova_ML') as AnovaReference;
}

/**
 * Tolerances (issue 7): logLik / REML criterion 1e-6 relative; fixed effects and SEs 1e-5;
 * variance components and θ 1e-4 (against `tight_refit` where present, since lme4's default
 * stop leaves θ ~1e-4 from the optimum); conditional modes 1e-4 relative to the largest mode
 * of the term (a mode near 0 has no meaningful relative precision).
 */
export function checkAgainstLme4(fit: LmmFit, ref: LmerReference): void {
  const tight = ref.tight_refit ?? null;
  const objective = tight ? tight.objective : ref.objective.value;
  // the optimum we find is at least as good as lme4's: compare the objective at 1e-6 relative
  expectClose(fit.objective, objective, 1e-6);
  expectClose(fit.logLik, tight ? tight.logLik : ref.logLik, 1e-6);
  expect(fit.df).toBe(ref.logLik_df);
  expectClose(fit.aic, ref.aic, 1e-6);
  expectClose(fit.bic, ref.bic, 1e-6);
  expect(fit.dfResid).toBe(ref.df_resid);
  expect(fit.nobs).toBe(ref.n);
  for (const [g, count] of Object.entries(ref.ngrps)) expect(fit.ngroups[g]).toBe(count);
  const refNames = Object.keys(ref.theta);
  expect(fit.thetaNames).toEqual(refNames);
  const refTheta = tight ? tight.theta : ref.theta;
  refNames.forEach((nm, i) => {
    expectClose(fit.theta[i]!, refTheta[nm], 1e-4, 1);
  });
  const fixefRef = tight ? tight.fixef : ref.fixef;
  const seRef = tight ? tight.se_fixef : ref.fixef_table['Std. Error'];
  fit.coefficients.forEach((c) => {
    expectClose(c.estimate, fixefRef[c.term], 1e-5);
    expectClose(c.stdError, seRef[c.term], 1e-5);
  });
  expectClose(fit.sigma, tight ? tight.sigma : ref.sigma, 1e-4);
  // variance components (default-fit values; lme4's θ is ~1e-4 off, so 1e-4 relative, scale 1e-2 of sd)
  ref.varcorr.groups.forEach((g, k) => {
    const mine = fit.varCorr[k]!;
    expect(mine.group).toBe(g.group);
    const terms = Array.isArray(g.terms) ? g.terms : [g.terms];
    expect([...mine.terms]).toEqual(terms);
    terms.forEach((t, a) => {
      expectClose(mine.sds[a]!, g.sds[t], 1e-4, 1e-2 * fit.sigma);
    });
  });
  // conditional modes and SDs
  const tab = ref.ranef.table;
  let row = 0;
  for (const r of fit.ranef) {
    r.terms.forEach((_, a) => {
      const vals = r.values[a]!;
      const scale = Math.max(...Array.from(vals, Math.abs));
      for (let l = 0; l < r.levels.length; l++) {
        expect(tab.grp[row]).toBe(r.levels[l]);
        expectClose(vals[l]!, tab.condval[row], 1e-4, scale);
        expectClose(r.condSd![a]![l]!, tab.condsd[row], 1e-4);
        row++;
      }
    });
  }
  expect(row).toBe(tab.grp.length);
  ref.fitted_first10.forEach((v, i) => {
    expectClose(fit.fitted[i]!, v, 1e-6);
  });
}
