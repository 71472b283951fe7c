import { binomial, poisson } from '@likelihood/expfam';
import { describe, expect, it } from 'vitest';
import { anovaGlm } from './anova-glm.js';
import { anovaLmModels } from './anova-lm.js';
import { GlmArgumentError, LengthMismatchError } from './errors.js';
import { glm } from './glm-model.js';
import { summaryGlm } from './glm-summary.js';
import { lm } from './lm-model.js';
import { summaryLm } from './lm-summary.js';
import { CEB_COLUMN_NAMES, readCsvFixture, readJsonFixture } from './test-data.js';
import { expectAllClose, expectClose } from './test-helpers.js';

const veg = readCsvFixture('vegetables.csv');
const vegData = { ...veg, store: (veg.store as number[]).map(String) };

describe('glm() from formulas', () => {
  // The 353-column store model is tested through glmSparse (glm-sparse.test.ts): the dense
  // QR path gives the same numbers but takes seconds.
  it('vegetables sale ~ log(normalSale): 5 Fisher scoring iterations', () => {
    const m = glm('sale ~ log(normalSale)', vegData, { family: poisson() });
    expect(m.iter).toBe(5);
    expectAllClose(m.coefficients, [1.4614403, 0.9215699], 5e-8, 1, 'coef');
    expectAllClose(
      summaryGlm(m).coefficients.map((r) => r.stdError),
      [0.015040617, 0.004998106],
      5e-10,
      1,
      'se',
    );
  });

  it('CEB round(y) ~ dur + res + educ + offset(log(n)) equals the offset option', () => {
    const ceb = readCsvFixture('ceb.csv');
    const a = glm('round(y) ~ dur + res + educ + offset(log(n))', ceb, { family: poisson() });
    const b = glm('round(y) ~ dur + res + educ', ceb, {
      family: poisson(),
      offset: (ceb.n as number[]).map(Math.log),
    });
    expect(a.columnNames).toEqual(CEB_COLUMN_NAMES);
    // Printed figures of seed 004 (null deviance 3731.852, residual 70.6653, AIC 522.1422).
    expectClose(a.nullDeviance, 3731.852, 5e-4 / 3731.852, 0, 'null');
    expectClose(a.deviance, 70.6653, 5e-5 / 70.6653, 0, 'dev');
    expectClose(a.aic!, 522.1422, 5e-5 / 522.1422, 0, 'aic');
    expectAllClose(a.coefficients, b.coefficients, 1e-14, 1, 'same fit');
  });

  it('cbpp cbind(incidence, size - incidence) ~ period: anova by term', () => {
    const ref = readJsonFixture<{
      deviance: number;
      anova_sequential: { 'Pr(>Chi)': (number | null)[] };
    }>('glm_cbpp_binomial.json');
    const m = glm('cbind(incidence, size - incidence) ~ period', readCsvFixture('cbpp.csv'), {
      family: binomial(),
    });
    expectClose(m.deviance, ref.deviance, 1e-10, 0, 'deviance');
    const a = anovaGlm(m, m.terms, { test: 'Chisq' });
    expectClose(a[1]!.pValue, ref.anova_sequential['Pr(>Chi)'][1]!, 1e-8, 0, 'p');
  });
});

describe('lm() from formulas: Machines with ordered Worker', () => {
  const ref = readJsonFixture<{
    m1: { coefficients: Record<string, number>; sigma: number };
    anova_m0_m1: { table: { F: (number | null)[] } };
  }>('lm_machines.json');
  const d = readCsvFixture('Machines.csv');
  const data = { ...d, Worker: (d.Worker as string[]).map(String) };
  const factors = { Worker: { levels: ['6', '2', '4', '1', '3', '5'], ordered: true } };
  it('score ~ Machine * Worker uses polynomial contrasts; anova(m0, m1) F = 46.13', () => {
    const m1 = lm('score ~ Machine * Worker', data, { factors });
    const m0 = lm('score ~ Machine + Worker', data, { factors });
    expect(m1.columnNames).toEqual(Object.keys(ref.m1.coefficients));
    expectAllClose(m1.coefficients, Object.values(ref.m1.coefficients), 1e-9, 1e-9, 'coef');
    expectClose(summaryLm(m1).sigma, ref.m1.sigma, 1e-9, 0, 'sigma');
    const a = anovaLmModels([m0, m1]);
    expectClose(a[1]!.fValue, ref.anova_m0_m1.table.F[1]!, 1e-9, 0, 'F');
    expect([a[1]!.df, a[1]!.resDf]).toEqual([10, 36]);
  });
});

describe('bad input gets clear, typed errors', () => {
  const small = { y: [1, 2, 3, 4], x: [1, 2, 3, 5], g: ['a', 'a', 'a', 'a'] };
  it('unknown column in a formula', () => {
    expect(() => glm('y ~ nosuch', small, { family: poisson() })).toThrow(/nosuch/);
  });
  it('negative counts for Poisson, y outside [0, 1] for binomial proportions', () => {
    expect(() => glm('y ~ x', { y: [1, -2, 3, 4], x: small.x }, { family: poisson() })).toThrow(
      /negative values.*y\[1\]/,
    );
    expect(() =>
      glm('y ~ x', { y: [0.2, 1.5, 0.3, 0.1], x: small.x }, { family: binomial() }),
    ).toThrow(/0 <= y <= 1/);
  });
  it('non-finite values', () => {
    expect(() =>
      glm(
        'y ~ x',
        { y: [1, 2, 3, 4], x: [1, Number.POSITIVE_INFINITY, 2, 3] },
        { family: poisson() },
      ),
    ).toThrow(/x.*row 1|row 1.*x/);
  });
  it('a factor with one level', () => {
    expect(() => glm('y ~ g', small, { family: poisson() })).toThrow(/g.*level/);
  });
  it('a formula with no response', () => {
    expect(() => glm('~ x', small, { family: poisson() })).toThrow(GlmArgumentError);
    expect(() => lm('~ x', small)).toThrow(/no response/);
  });
  it('weights of the wrong length', () => {
    expect(() => glm('y ~ x', small, { family: poisson(), weights: [1, 1] })).toThrow(
      /weights has length 2/,
    );
    expect(() => lm('y ~ x', small, { weights: [1, 1, 1] })).toThrow(/weights/);
    expect(LengthMismatchError).toBeDefined();
  });
});
