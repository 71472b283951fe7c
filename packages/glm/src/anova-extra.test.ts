import { poisson, quasipoisson } from '@likelihood/expfam';
import { describe, expect, it } from 'vitest';
import { type AnovaGlmRow, anovaGlm, anovaGlmModels } from './anova-glm.js';
import { glm } from './glm-model.js';
import { lm } from './lm-model.js';
import { cooksDistanceLm, hatValuesLm, logLikLm, rstandardLm, summaryLm } from './lm-summary.js';
import { readCsvFixture, readJsonFixture } from './test-data.js';
import { expectAllClose, expectClose } from './test-helpers.js';

// Expected values: fixtures/r/anova.R in R 4.2.2 (fixtures/r-anova.json).
type Col = (number | null)[];
const ref = readJsonFixture<{
  q_anova_F: Record<string, Col>;
  m_anova_Chisq: Record<string, Col>;
  q0_q_F: Record<string, Col>;
  lm_weighted: Record<string, number[] & number>;
}>('r-anova.json');
const ceb = readCsvFixture('ceb.csv');
const offset = (ceb.n as number[]).map(Math.log);
const rest = (c: Col) => c.slice(1) as number[];

// Sub-models are refitted by the same IRLS as R (default epsilon): deviances agree to ~1e-10;
// 1e-8 relative leaves room for the 1e-8 stopping rule acting on slightly different paths.
// P-values: 1e-7 relative.
const anovaColumns = {
  resDev: { r: 'ResidDev', label: 'Resid. Dev', relTol: 1e-8 },
  deviance: { r: 'Deviance', label: 'Deviance', relTol: 1e-8 },
  fValue: { r: 'F', label: 'F', relTol: 1e-8 },
  pValue: { r: 'P', label: 'P', relTol: 1e-7 },
} as const;

/**
 * Columns of a sequential anova table against R's: Resid. Dev on every row, the others from
 * the first term on (R's NULL row has NA there), each with its tolerance above.
 */
function expectAnovaColumns(
  a: readonly AnovaGlmRow[],
  r: Record<string, Col>,
  columns: readonly (keyof typeof anovaColumns)[],
): void {
  for (const key of columns) {
    const { r: name, label, relTol } = anovaColumns[key];
    if (key === 'resDev') {
      expectAllClose(
        a.map((x) => x.resDev),
        r[name] as number[],
        relTol,
        0,
        label,
      );
    } else {
      expectAllClose(
        a.slice(1).map((x) => x[key]),
        rest(r[name]!),
        relTol,
        0,
        label,
      );
    }
  }
}

describe('analysis of deviance vs R', () => {
  it('quasipoisson sequential table with F tests (dispersion estimated)', () => {
    const q = glm('y ~ dur + res + educ', ceb, { family: quasipoisson(), offset });
    const a = anovaGlm(q, q.terms, { test: 'F' });
    const r = ref.q_anova_F;
    expect(a.map((x) => x.term)).toEqual(['NULL', 'dur', 'res', 'educ']);
    expectAnovaColumns(a, r, ['resDev', 'deviance', 'fValue', 'pValue']);
  });
  it('poisson with offset, Chisq tests', () => {
    const m = glm('round(y) ~ dur + res + educ', ceb, { family: poisson(), offset });
    const a = anovaGlm(m, m.terms, { test: 'Chisq' });
    const r = ref.m_anova_Chisq;
    expectAnovaColumns(a, r, ['resDev', 'pValue']);
  });
  it('nested quasipoisson models anova(q0, q, test = "F")', () => {
    const q0 = glm('y ~ dur', ceb, { family: quasipoisson(), offset });
    const q = glm('y ~ dur + res + educ', ceb, { family: quasipoisson(), offset });
    const a = anovaGlmModels([q0, q], { test: 'F' });
    const r = ref.q0_q_F;
    expect(a.map((x) => x.resDf)).toEqual(r.ResidDf);
    expectClose(a[1]!.deviance, r.Deviance![1]!, 1e-8, 0, 'Deviance');
    expectClose(a[1]!.fValue, r.F![1]!, 1e-8, 0, 'F');
    expectClose(a[1]!.pValue, r.P![1]!, 1e-7, 0, 'P');
  });
});

describe('weighted lm vs R', () => {
  it('lm(score ~ Machine + Worker, weights = rep(c(1, 2, 0.5), length.out = 54))', () => {
    const d = readCsvFixture('Machines.csv');
    const data = { ...d, Worker: (d.Worker as string[]).map(String) };
    const w = Array.from({ length: 54 }, (_, i) => [1, 2, 0.5][i % 3]!);
    const m = lm('score ~ Machine + Worker', data, {
      weights: w,
      factors: { Worker: { levels: ['6', '2', '4', '1', '3', '5'], ordered: true } },
    });
    const r = ref.lm_weighted;
    const s = summaryLm(m);
    // Same QR algorithm as R on sqrt(w) X: 1e-9 relative.
    expectAllClose(m.coefficients, r.coefficients, 1e-9, 1e-9, 'coef');
    expectAllClose(
      s.coefficients.map((c) => c.stdError),
      r.se,
      1e-9,
      0,
      'se',
    );
    expectClose(s.sigma, r.sigma as number, 1e-9, 0, 'sigma');
    expectClose(s.rSquared, r.r_squared as number, 1e-9, 0, 'R2');
    expectClose(s.adjRSquared, r.adj_r_squared as number, 1e-9, 0, 'adj R2');
    expectClose(s.fStatistic!.value, r.fstatistic[0]!, 1e-9, 0, 'F');
    expectClose(logLikLm(m).value, r.logLik as number, 1e-12, 0, 'logLik');
    expectAllClose(hatValuesLm(m), r.hat, 1e-9, 0, 'hat');
    expectAllClose(cooksDistanceLm(m), r.cooks, 1e-8, 1e-6, 'cooks');
    expectAllClose(rstandardLm(m), r.rstandard, 1e-8, 1, 'rstandard');
  });
});
