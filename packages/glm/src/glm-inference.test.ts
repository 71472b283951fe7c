import { binomial, poisson } from '@likelihood/expfam';
import { describe, expect, it } from 'vitest';
import { anovaGlm } from './anova-glm.js';
import { confintProfile, confintWald } from './confint-glm.js';
import { glmFit } from './glm-fit.js';
import { cooksDistanceGlm, hatValuesGlm, residualsGlm, rstandardGlm } from './glm-influence.js';
import { bicGlm, logLikGlm, summaryGlm, vcovGlm } from './glm-summary.js';
import { cbppDesign, insectSpraysDesign, readJsonFixture } from './test-data.js';
import { expectAllClose, expectClose } from './test-helpers.js';

type RMatrix = { rownames: string[]; colnames: string[]; data: number[][] };
interface Ref {
  coef_names: string[];
  coef_table: Record<string, Record<string, number>>;
  vcov: RMatrix;
  bic: number;
  logLik: number;
  logLik_df: number;
  residuals_pearson: number[];
  residuals_deviance: number[];
  residuals_response: number[];
  hat_values: number[];
  cooks_distance: number[];
  rstandard_deviance: number[];
  confint_wald: { ci: RMatrix };
  confint_profile: { ci: RMatrix };
  anova_sequential: Record<string, (number | null)[]> & { rownames: string[] };
  tight_refit: { coef_table?: Record<string, Record<string, number>> } & Record<string, unknown>;
}

function insectSprays() {
  const ref = readJsonFixture<Ref>('glm_insectsprays_poisson.json');
  const { X, y } = insectSpraysDesign();
  const fit = glmFit(X, y, poisson(), { columnNames: ref.coef_names });
  return { ref, fit, assign: [0, 1, 1, 1, 1, 1], label: 'spray' };
}

function cbpp() {
  const ref = readJsonFixture<Ref>('glm_cbpp_binomial.json');
  const { X, y } = cbppDesign();
  const fit = glmFit(X, y, binomial(), { columnNames: ref.coef_names });
  return { ref, fit, assign: [0, 1, 1, 1], label: 'period' };
}

// Tolerances: our IRLS follows R's path step by step, so the results agree with R's printed
// (default-epsilon) fit to ~1e-12; we use 1e-9 relative (floor 1e-6 absolute for values near
// zero) — well inside the 1e-6 contract — to allow last-bit differences in the QR norms.
const TOL = 1e-9;

for (const [name, make] of [
  ['InsectSprays poisson', insectSprays],
  ['cbpp binomial', cbpp],
] as const) {
  describe(`${name}: every field of the R reference`, () => {
    const { ref, fit, assign, label } = make();

    it('coefficient table, vcov, logLik, BIC', () => {
      const s = summaryGlm(fit);
      expect(s.statisticName).toBe('z');
      s.coefficients.forEach((row) => {
        expectClose(
          row.estimate,
          ref.coef_table.Estimate![row.term]!,
          TOL,
          1e-6,
          `${row.term} est`,
        );
        expectClose(
          row.stdError,
          ref.coef_table['Std. Error']![row.term]!,
          TOL,
          0,
          `${row.term} se`,
        );
        expectClose(
          row.statistic,
          ref.coef_table['z value']![row.term]!,
          TOL,
          1e-6,
          `${row.term} z`,
        );
        expectClose(row.pValue, ref.coef_table['Pr(>|z|)']![row.term]!, 1e-8, 0, `${row.term} p`);
      });
      const V = vcovGlm(fit);
      expectAllClose(V.to1DArray(), ref.vcov.data.flat(), TOL, 1e-6, 'vcov');
      const ll = logLikGlm(fit);
      expectClose(ll.value, ref.logLik, 1e-12, 0, 'logLik');
      expect(ll.df).toBe(ref.logLik_df);
      expectClose(bicGlm(fit), ref.bic, 1e-12, 0, 'BIC');
    });

    it('residuals of every type, hat values, Cook, rstandard', () => {
      // Residuals near zero: absolute floor 1e-6 (they are O(1) quantities).
      expectAllClose(residualsGlm(fit, 'pearson'), ref.residuals_pearson, TOL, 1e-6, 'pearson');
      expectAllClose(residualsGlm(fit, 'deviance'), ref.residuals_deviance, TOL, 1e-6, 'deviance');
      expectAllClose(residualsGlm(fit, 'response'), ref.residuals_response, TOL, 1e-6, 'response');
      expectAllClose(hatValuesGlm(fit), ref.hat_values, TOL, 0, 'hat');
      expectAllClose(cooksDistanceGlm(fit), ref.cooks_distance, TOL, 1e-9, 'cooks');
      expectAllClose(rstandardGlm(fit), ref.rstandard_deviance, TOL, 1e-6, 'rstandard');
    });

    it('Wald (confint.default) and profile (MASS confint.glm) intervals', () => {
      const w = confintWald(fit);
      w.forEach((r, j) => {
        expectClose(r.lower, ref.confint_wald.ci.data[j]![0]!, TOL, 1e-6, `${r.term} wald lo`);
        expectClose(r.upper, ref.confint_wald.ci.data[j]![1]!, TOL, 1e-6, `${r.term} wald hi`);
      });
      // Profile: same profiling grid and FMM spline as MASS, so agreement is far better than
      // the contract's 1e-4; 1e-7 relative allows the IRLS refits' 1e-8 stopping noise.
      const pr = confintProfile(fit);
      pr.forEach((r, j) => {
        expectClose(r.lower, ref.confint_profile.ci.data[j]![0]!, 1e-7, 1e-3, `${r.term} prof lo`);
        expectClose(r.upper, ref.confint_profile.ci.data[j]![1]!, 1e-7, 1e-3, `${r.term} prof hi`);
      });
    });

    it('sequential analysis of deviance with Pr(>Chi)', () => {
      const a = anovaGlm(fit, { assign, labels: [label] }, { test: 'Chisq' });
      const t = ref.anova_sequential;
      expect(a.map((r) => r.term)).toEqual(t.rownames);
      expect(a[1]!.df).toBe(t.Df![1]);
      expectClose(a[1]!.deviance, t.Deviance![1]!, TOL, 0, 'Deviance');
      expect(a.map((r) => r.resDf)).toEqual(t['Resid. Df']);
      expectAllClose(
        a.map((r) => r.resDev),
        t['Resid. Dev'] as number[],
        TOL,
        0,
        'Resid. Dev',
      );
      expectClose(a[1]!.pValue, t['Pr(>Chi)']![1]!, 1e-8, 0, 'Pr(>Chi)');
    });
  });
}
