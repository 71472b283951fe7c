import { describe, expect, it } from 'vitest';
import { lm } from './lm-model.js';
import { lmReport } from './lm-report.js';
import { readCsvFixture, readJsonFixture } from './test-data.js';
import { expectAllClose, expectClose } from './test-helpers.js';

describe('lmReport (CLI shape)', () => {
  it('lm(score ~ Machine * Worker) with ordered Worker: R values', () => {
    const ref = readJsonFixture<{
      m1: {
        sigma: number;
        r_squared: number;
        fstatistic: { value: number };
        fstatistic_p: number;
        anova: Record<string, (number | null)[]>;
      };
    }>('lm_machines.json');
    const d = readCsvFixture('Machines.csv');
    const m = lm(
      'score ~ Machine * Worker',
      { ...d, Worker: (d.Worker as string[]).map(String) },
      {
        factors: { Worker: { levels: ['6', '2', '4', '1', '3', '5'], ordered: true } },
      },
    );
    const r = lmReport(m);
    // Same QR computation as R: 1e-9 relative.
    expectClose(r.sigma, ref.m1.sigma, 1e-9, 0, 'sigma');
    expectClose(r.rSquared, ref.m1.r_squared, 1e-9, 0, 'R2');
    expectClose(r.fStatistic!.value, ref.m1.fstatistic.value, 1e-9, 0, 'F');
    expectClose(r.fStatistic!.pValue, ref.m1.fstatistic_p, 1e-8, 0, 'F p');
    expect(r.anova.map((a) => a.term)).toEqual([
      'Machine',
      'Worker',
      'Machine:Worker',
      'Residuals',
    ]);
    expectAllClose(
      r.anova.map((a) => a.sumSq),
      ref.m1.anova['Sum Sq'] as number[],
      1e-9,
      0,
      'SS',
    );
  });
});

describe('lm without intercept (uncentred R², F on p df)', () => {
  it('lm(score ~ Machine - 1): R values', () => {
    // R 4.2.2: s <- summary(lm(score ~ Machine - 1, Machines)); c(r.squared, adj.r.squared,
    // fstatistic[1], sigma, SEs)
    const d = readCsvFixture('Machines.csv');
    const m = lm('score ~ Machine - 1', d);
    const r = lmReport(m);
    expectClose(r.rSquared, 0.99129984645018498, 1e-9, 0, 'R2');
    expectClose(r.adjRSquared, 0.99078807271196057, 1e-9, 0, 'adj R2');
    expectClose(r.fStatistic!.value, 1936.9885017732151, 1e-9, 0, 'F');
    expect(r.fStatistic!.numdf).toBe(3);
    expectClose(r.sigma, 5.7764085230216011, 1e-9, 0, 'sigma');
    expectAllClose(
      r.coefficients.map((c) => c.stdError),
      [1.3615125458441146, 1.3615125458441146, 1.3615125458441146],
      1e-9,
      0,
      'se',
    );
  });
});
