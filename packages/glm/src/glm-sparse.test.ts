import { poisson, quasipoisson } from '@likelihood/expfam';
import { describe, expect, it } from 'vitest';
import { anovaGlmModels } from './anova-glm.js';
import { cooksDistanceGlm, hatValuesGlm } from './glm-influence.js';
import { glm } from './glm-model.js';
import { cooksDistanceGlmSparse, glmSparse, summaryGlmSparse } from './glm-sparse.js';
import { summaryGlm, vcovGlm } from './glm-summary.js';
import { readCsvFixture, readJsonFixture } from './test-data.js';
import { expectAllClose, expectClose } from './test-helpers.js';

const veg = readCsvFixture('vegetables.csv');
const vegData = { ...veg, store: (veg.store as number[]).map(String) };

describe('glmSparse: a factor as a sparse indicator block', () => {
  it("vegetables store model: the issue's figures, fast", () => {
    const t0 = performance.now();
    const m = glmSparse('sale ~ store + log(normalSale) - 1', vegData, { family: poisson() });
    const ms = performance.now() - t0;
    expect(m.columnNames.length).toBe(353);
    expect(m.iter).toBe(5);
    const s = summaryGlmSparse(m);
    const row = (t: string) => s.coefficients.find((r) => r.term === t)!;
    // Printed figures (7 significant digits): half a unit in the last digit.
    expectClose(row('store1').estimate, 2.718197, 5e-7 / 2.72, 0, 'store1');
    expectClose(row('store1').stdError, 0.12756242, 5e-9 / 0.1276, 0, 'store1 se');
    expectClose(row('store10').estimate, 4.295408, 5e-7 / 4.295, 0, 'store10');
    expectClose(row('store100').estimate, 3.486592, 5e-7 / 3.487, 0, 'store100');
    expectClose(row('store101').estimate, 3.300707, 5e-7 / 3.301, 0, 'store101');
    expectClose(row('log(normalSale)').estimate, 0.202468, 5e-7 / 0.2025, 0, 'slope');
    expectClose(row('log(normalSale)').stdError, 0.03127339, 5e-9 / 0.03127, 0, 'slope se');
    // Generous bound (shared 2-core machine); the dense QR path takes seconds here.
    expect(ms).toBeLessThan(2000);
  });

  it('InsectSprays with spray sparse (treatment coding + intercept) matches R', () => {
    const ref = readJsonFixture<{
      coef_names: string[];
      coefficients: Record<string, number>;
      coef_table: Record<string, Record<string, number>>;
      deviance: number;
      null_deviance: number;
      aic: number;
      vcov: { data: number[][] };
      hat_values: number[];
      cooks_distance: number[];
    }>('glm_insectsprays_poisson.json');
    const d = readCsvFixture('InsectSprays.csv');
    const m = glmSparse('count ~ spray', d, { family: poisson() });
    expect(m.columnNames).toEqual(ref.coef_names);
    // Normal equations + block elimination instead of R's QR: agreement ~1e-12 here; 1e-9.
    expectAllClose(
      m.coefficients,
      ref.coef_names.map((k) => ref.coefficients[k]!),
      1e-9,
      1e-3,
      'coef',
    );
    const s = summaryGlmSparse(m);
    expectAllClose(
      s.coefficients.map((r) => r.stdError),
      ref.coef_names.map((k) => ref.coef_table['Std. Error']![k]!),
      1e-9,
      0,
      'se',
    );
    expectClose(m.deviance, ref.deviance, 1e-10, 0, 'deviance');
    expectClose(m.nullDeviance, ref.null_deviance, 1e-12, 0, 'null deviance');
    expectClose(m.aic!, ref.aic, 1e-12, 0, 'aic');
    expectAllClose(m.covUnscaled(), ref.vcov.data.flat(), 1e-9, 1e-6, 'vcov');
    expectAllClose(m.hatValues(), ref.hat_values, 1e-9, 0, 'hat');
    expectAllClose(cooksDistanceGlmSparse(m), ref.cooks_distance, 1e-9, 1e-9, 'cooks');
  });

  it('agrees with the dense fit with estimated dispersion and a second (dense) factor', () => {
    const ceb = readCsvFixture('ceb.csv');
    const opts = { family: quasipoisson(), offset: (ceb.n as number[]).map(Math.log) };
    const a = glm('y ~ dur + res + educ', ceb, opts);
    const b = glmSparse('y ~ dur + res + educ', ceb, { ...opts, sparseFactor: 'educ' });
    expect(b.columnNames).toEqual(a.columnNames);
    expectAllClose(b.coefficients, a.coefficients, 1e-9, 1e-6, 'coef');
    const sa = summaryGlm(a);
    const sb = summaryGlmSparse(b);
    expect(sb.statisticName).toBe('t');
    expectClose(sb.dispersion, sa.dispersion, 1e-9, 0, 'dispersion');
    expectAllClose(
      sb.coefficients.map((r) => r.stdError),
      sa.coefficients.map((r) => r.stdError),
      1e-9,
      0,
      'se',
    );
    expectAllClose(
      b.covUnscaled().map((v) => v * sa.dispersion),
      vcovGlm(a).to1DArray(),
      1e-8,
      1e-6,
      'vcov',
    );
    expectAllClose(b.hatValues(), hatValuesGlm(a), 1e-8, 0, 'hat');
    expectAllClose(cooksDistanceGlmSparse(b), cooksDistanceGlm(a), 1e-8, 1e-9, 'cooks');
    // Nested comparison with sparse fits equals the dense one (F test, estimated dispersion).
    const a0 = glm('y ~ dur', ceb, opts);
    const b0 = glmSparse('y ~ dur', ceb, opts);
    const dense = anovaGlmModels([a0, a], { test: 'F' });
    const sparse = anovaGlmModels([b0, b], { test: 'F' });
    expectClose(sparse[1]!.fValue, dense[1]!.fValue, 1e-8, 0, 'F');
    expectClose(sparse[1]!.pValue, dense[1]!.pValue, 1e-7, 0, 'P');
  });
});
