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

describe('glmAuto: tall dense designs by the normal equations', () => {
  it('same numbers as the QR fit, and a fallback to QR when ill-conditioned', () => {
    const d = readCsvFixture('InsectSprays.csv');
    const x = (d.count as number[]).map((_, i) => Math.sin(i));
    const data = { ...d, x, x2: x.map((v, i) => v + 1e-7 * Math.cos(i)) };
    const dense = glmAuto('count ~ x', data, { family: poisson() });
    const ne = glmAuto('count ~ x', data, { family: poisson(), tallRows: 10 });
    expect([dense.kind, ne.kind]).toEqual(['dense', 'sparse']);
    // Normal equations vs R's QR on a well-conditioned design: 1e-10 relative.
    expectAllClose(ne.model.coefficients, dense.model.coefficients, 1e-10, 1e-6, 'coef');
    expectAllClose(
      glmReport(ne).coefficients.map((c) => c.stdError),
      glmReport(dense).coefficients.map((c) => c.stdError),
      1e-10,
      0,
      'se',
    );
    // x and x2 nearly collinear: the Schur pivot ratio is ~1e-14, so QR is used.
    const ill = glmAuto('count ~ x + x2', data, { family: poisson(), tallRows: 10 });
    expect(ill.kind).toBe('dense');
  });
});
