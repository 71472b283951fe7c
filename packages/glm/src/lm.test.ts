import { describe, expect, it } from 'vitest';
import { anovaLm, anovaLmModels } from './anova-lm.js';
import { lmFit } from './lm-fit.js';
import {
  confintLm,
  cooksDistanceLm,
  hatValuesLm,
  logLikLm,
  rstandardLm,
  summaryLm,
  vcovLm,
} from './lm-summary.js';
import { designFromColumns, readCsvFixture, readJsonFixture } from './test-data.js';
import { expectAllClose, expectClose } from './test-helpers.js';

type RMatrix = { rownames: string[]; colnames: string[]; data: number[][] };
interface LmRef {
  coefficients: Record<string, number>;
  coef_table: Record<string, Record<string, number>>;
  vcov: RMatrix;
  sigma: number;
  df_residual: number;
  rank: number;
  r_squared: number;
  adj_r_squared: number;
  fstatistic: { value: number; numdf: number; dendf: number };
  fstatistic_p: number;
  logLik: number;
  logLik_df: number;
  aic: number;
  bic: number;
  rss: number;
  anova: Record<string, (number | null)[]> & { rownames: string[] };
  fitted_values: number[];
  residuals: number[];
  hat_values: number[];
  rstandard: number[];
  cooks_distance: number[];
  confint: RMatrix;
}
interface MachinesRef {
  m1: LmRef;
  m0: LmRef;
  m_agg: LmRef;
  m1_unordered: LmRef;
  m0_unordered: LmRef;
  m_agg_unordered: LmRef;
  aggregate: { data: { Machine: string[]; Worker: string[]; score: number[] } };
  anova_m0_m1: { table: Record<string, (number | null)[]> };
  anova_m1_m0: { table: Record<string, (number | null)[]> };
}

const ref = readJsonFixture<MachinesRef>('lm_machines.json');
const contrPoly = readJsonFixture<{ contr_poly_6: { data: number[][] } }>('r-extra.json')
  .contr_poly_6.data;
const WORKER_LEVELS = ['6', '2', '4', '1', '3', '5'];
const POLY_NAMES = ['.L', '.Q', '.C', '^4', '^5'];

/** Machine (treatment) and Worker (poly or treatment) codings, and their interactions, as R orders them. */
function machinesDesign(
  machine: string[],
  worker: string[],
  interaction: boolean,
  ordered: boolean,
): {
  X: ReturnType<typeof designFromColumns>;
  names: string[];
  assign: number[];
  labels: string[];
} {
  const cols: number[][] = [machine.map(() => 1)];
  const names = ['(Intercept)'];
  const assign = [0];
  const mCols = ['B', 'C'].map((lv) => machine.map((m) => (m === lv ? 1 : 0)));
  cols.push(...mCols);
  names.push('MachineB', 'MachineC');
  assign.push(1, 1);
  const wIndex = worker.map((w) => WORKER_LEVELS.indexOf(w));
  const wCols = ordered
    ? POLY_NAMES.map((_, k) => wIndex.map((l) => contrPoly[l]![k]!))
    : WORKER_LEVELS.slice(1).map((lv) => worker.map((w) => (w === lv ? 1 : 0)));
  const wNames = ordered
    ? POLY_NAMES.map((s) => `Worker${s}`)
    : WORKER_LEVELS.slice(1).map((l) => `Worker${l}`);
  cols.push(...wCols);
  names.push(...wNames);
  assign.push(...wCols.map(() => 2));
  if (interaction) {
    wCols.forEach((wc, k) => {
      mCols.forEach((mc, m) => {
        cols.push(wc.map((v, i) => v * mc[i]!));
        names.push(`Machine${m === 0 ? 'B' : 'C'}:${wNames[k]}`);
        assign.push(3);
      });
    });
  }
  const labels = interaction ? ['Machine', 'Worker', 'Machine:Worker'] : ['Machine', 'Worker'];
  return { X: designFromColumns(cols), names, assign, labels };
}

// Tolerance: R's lm uses the same dqrdc2/dqrsl computation; results agree to ~1e-13. We use
// 1e-9 relative (absolute floor 1e-9 for values near 0) — far inside the 1e-6 contract.
const TOL = 1e-9;

function checkModel(r: LmRef, fit: ReturnType<typeof lmFit>, assign: number[], labels: string[]) {
  const s = summaryLm(fit);
  expect(fit.rank).toBe(r.rank);
  for (const row of s.coefficients) {
    expectClose(row.estimate, r.coef_table.Estimate![row.term]!, TOL, 1e-9, `${row.term} est`);
    expectClose(row.stdError, r.coef_table['Std. Error']![row.term]!, TOL, 0, `${row.term} se`);
    expectClose(row.statistic, r.coef_table['t value']![row.term]!, TOL, 1e-9, `${row.term} t`);
    expectClose(row.pValue, r.coef_table['Pr(>|t|)']![row.term]!, 1e-8, 1e-300, `${row.term} p`);
  }
  expectAllClose(vcovLm(fit).to1DArray(), r.vcov.data.flat(), TOL, 1e-9, 'vcov');
  expectClose(s.sigma, r.sigma, TOL, 0, 'sigma');
  expect(s.dfResidual).toBe(r.df_residual);
  expectClose(s.rSquared, r.r_squared, TOL, 0, 'R2');
  expectClose(s.adjRSquared, r.adj_r_squared, TOL, 0, 'adj R2');
  expectClose(s.fStatistic!.value, r.fstatistic.value, TOL, 0, 'F');
  expect(s.fStatistic!.numdf).toBe(r.fstatistic.numdf);
  expectClose(s.fPValue, r.fstatistic_p, 1e-8, 0, 'F p');
  const ll = logLikLm(fit);
  expectClose(ll.value, r.logLik, 1e-12, 0, 'logLik');
  expect(ll.df).toBe(r.logLik_df);
  expectClose(-2 * ll.value + 2 * ll.df, r.aic, 1e-12, 0, 'AIC');
  expectClose(-2 * ll.value + Math.log(ll.nobs) * ll.df, r.bic, 1e-12, 0, 'BIC');
  expectAllClose(fit.fittedValues, r.fitted_values, TOL, 0, 'fitted');
  // Residuals are differences of O(50) numbers: absolute floor 1e-9 * 50.
  expectAllClose(fit.residuals, r.residuals, TOL, 50, 'residuals');
  expectAllClose(hatValuesLm(fit), r.hat_values, TOL, 0, 'hat');
  expectAllClose(rstandardLm(fit), r.rstandard, 1e-8, 1, 'rstandard');
  expectAllClose(cooksDistanceLm(fit), r.cooks_distance, 1e-8, 1e-6, 'cooks');
  confintLm(fit).forEach((c, j) => {
    expectClose(c.lower, r.confint.data[j]![0]!, TOL, 1, `${c.term} lo`);
    expectClose(c.upper, r.confint.data[j]![1]!, TOL, 1, `${c.term} hi`);
  });
  const a = anovaLm(fit, { assign, labels });
  expect(a.map((x) => x.term)).toEqual(r.anova.rownames);
  expect(a.map((x) => x.df)).toEqual(r.anova.Df);
  expectAllClose(
    a.map((x) => x.sumSq),
    r.anova['Sum Sq'] as number[],
    TOL,
    0,
    'SS',
  );
  expectAllClose(
    a.map((x) => x.meanSq),
    r.anova['Mean Sq'] as number[],
    TOL,
    0,
    'MS',
  );
  a.slice(0, -1).forEach((x, k) => {
    expectClose(x.fValue, r.anova['F value']![k]!, TOL, 0, 'F value');
    expectClose(x.pValue, r.anova['Pr(>F)']![k]!, 1e-8, 0, 'Pr(>F)');
  });
  return s;
}

describe('lm on the Machines data (lm_machines.json)', () => {
  const d = readCsvFixture('Machines.csv');
  const machine = d.Machine as string[];
  const worker = (d.Worker as number[] | string[]).map(String);
  const score = d.score as number[];
  for (const ordered of [true, false]) {
    const sfx = ordered ? '' : '_unordered';
    describe(ordered ? 'Worker ordered (contr.poly)' : 'Worker unordered (contr.treatment)', () => {
      const D1 = machinesDesign(machine, worker, true, ordered);
      const D0 = machinesDesign(machine, worker, false, ordered);
      const m1 = lmFit(D1.X, score, { columnNames: D1.names });
      const m0 = lmFit(D0.X, score, { columnNames: D0.names });
      it('score ~ Machine * Worker', () => {
        checkModel(ref[`m1${sfx}` as 'm1'], m1, D1.assign, D1.labels);
      });
      it('score ~ Machine + Worker', () => {
        checkModel(ref[`m0${sfx}` as 'm0'], m0, D0.assign, D0.labels);
      });
      it('anova(m0, m1): F = 46.13 on 10 and 36 df; anova(m1, m0) likewise', () => {
        for (const [rows, t] of [
          [anovaLmModels([m0, m1]), ref.anova_m0_m1.table],
          [anovaLmModels([m1, m0]), ref.anova_m1_m0.table],
        ] as const) {
          expect(rows.map((r) => r.resDf)).toEqual(t['Res.Df']);
          expectAllClose(
            rows.map((r) => r.rss),
            t.RSS as number[],
            TOL,
            0,
            'RSS',
          );
          expect(rows[1]!.df).toBe(t.Df![1]);
          expectClose(rows[1]!.sumSq, t['Sum of Sq']![1]!, TOL, 0, 'Sum of Sq');
          expectClose(rows[1]!.fValue, t.F![1]!, TOL, 0, 'F');
          expectClose(rows[1]!.pValue, t['Pr(>F)']![1]!, 1e-8, 0, 'Pr(>F)');
        }
      });
      it('aggregated means model lm(score ~ Machine + Worker, data = Mach.agg)', () => {
        const agg = ref.aggregate.data;
        const Da = machinesDesign(agg.Machine, agg.Worker, false, ordered);
        const fit = lmFit(Da.X, agg.score, { columnNames: Da.names });
        checkModel(ref[`m_agg${sfx}` as 'm_agg'], fit, Da.assign, Da.labels);
      });
    });
  }

  it('rank-deficient design: aliased coefficient is NaN and reported', () => {
    const D0 = machinesDesign(machine, worker, false, false);
    const cols = [...Array(D0.X.cols).keys()].map((j) =>
      Array.from(D0.X.data.subarray(j * 54, (j + 1) * 54)),
    );
    cols.push(cols[1]!.map((v, i) => v + cols[2]![i]!));
    const fit = lmFit(designFromColumns(cols), score, { columnNames: [...D0.names, 'BplusC'] });
    expect(Number.isNaN(fit.coefficients[8]!)).toBe(true);
    expect(summaryLm(fit).aliased).toEqual(['BplusC']);
    expectClose(summaryLm(fit).sigma, ref.m0_unordered.sigma, TOL, 0, 'sigma unchanged');
  });
});
