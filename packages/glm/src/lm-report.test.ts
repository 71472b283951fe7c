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
