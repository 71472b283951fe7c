import { poisson } from '@likelihood/expfam';
import { describe, expect, it } from 'vitest';
import { glmAuto, glmReport } from './glm-auto.js';
import { readCsvFixture, readJsonFixture } from './test-data.js';
import { expectAllClose, expectClose } from './test-helpers.js';

describe('glmAuto / glmReport', () => {
  it('small factor: dense path; the report carries R values (InsectSprays)', () => {
    const ref = readJsonFixture<{
      coef_names: string[];
      coefficients: Record<string, number>;
      logLik: number;
      aic: number;
    }>('glm_insectsprays_poisson.json');
    const fit = glmAuto('count ~ spray', readCsvFixture('InsectSprays.csv'), { family: poisson() });
    expect(fit.kind).toBe('dense');
    const r = glmReport(fit);
    // Same IRLS as R: 1e-9 relative.
    expectAllClose(
      r.coefficients.map((c) => c.estimate),
      ref.coef_names.map((k) => ref.coefficients[k]!),
      1e-9,
      1e-6,
      'coef',
    );
    expectClose(r.logLik, ref.logLik, 1e-12, 0, 'logLik');
    expect([r.iterations, r.converged, r.dispersion]).toEqual([5, true, 1]);
  });
  it('many-level factor: sparse path with the same numbers as the dense fit', () => {
    const v = readCsvFixture('vegetables.csv');
    const data = { ...v, store: (v.store as number[]).map(String) };
    const fit = glmAuto('sale ~ store + log(normalSale) - 1', data, { family: poisson() });
    expect(fit.kind).toBe('sparse');
    const r = glmReport(fit);
    expect(r.coefficients.length).toBe(353);
    // The issue's printed figure for store1 (7 significant digits).
    expectClose(r.coefficients[0]!.estimate, 2.718197, 5e-7 / 2.72, 0, 'store1');
    expectClose(r.logLik, 1 * 353 - r.aic! / 2, 1e-15, 0, 'logLik = rank - AIC/2');
  });
});
