import { describe, expect, it } from 'vitest';
import type { Dataset } from './dataset.js';
import { factorCodes, isNumericColumn } from './dataset.js';
// Row counts, column names, level orders and checksums of every data set, computed by
// scripts/checksums.R (R 4.2.2) from the files in /work/shared/data and the R packages (lme4
// 1.1-31, nlme 3.1-162, MASS 7.3-58.2, datasets 4.2.2); see that script for each definition.
import checksums from './fixtures/checksums.json' with { type: 'json' };
import * as api from './index.js';
import { datasetNames, loadDataset } from './load-dataset.js';

interface NumericCheck {
  type: 'numeric';
  sum: number;
  sumAbs: number;
  wsum: number;
  nNA: number;
}
interface FactorCheck {
  type: 'factor';
  levels: string[];
  ordered: boolean;
  wcode: number;
  nNA: number;
}
interface Expected {
  nrow: number;
  columns: string[];
  checks: Record<string, NumericCheck | FactorCheck>;
}
const expected = checksums.datasets as Record<string, Expected>;

/** Row weight of the checksums: w_i = ((i - 1) mod 997) + 1 for 1-based row i. */
const weight = (i: number) => (i % 997) + 1;

/** Neumaier-compensated sum of f(i), i < n (error ~ 2 eps * sum |f(i)|, independent of n). */
function compensatedSum(n: number, f: (i: number) => number): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = f(i);
    if (Number.isNaN(v)) continue;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/**
 * |actual - expected| <= relTol * scale. R's sum() accumulates in long double (error ~ n * 2^-64
 * * sum|x| <= 4e-15 * sum|x| for n <= 73421) and the compensated sum here errs by ~2e-16 *
 * sum|x|, so relTol = 1e-13 relative to sum|x| leaves a 25x margin and still fails on any
 * changed value (every data value is >= 1e-2 * ... far above 1e-13 * sum|x|).
 */
function expectClose(actual: number, expectedValue: number, scale: number, relTol: number) {
  expect(Math.abs(actual - expectedValue)).toBeLessThanOrEqual(relTol * scale);
}

async function load(name: string): Promise<Dataset> {
  return loadDataset(name);
}

describe('bundled data sets', () => {
  it('bundles every data set of the issue, and nothing is left without a checksum', () => {
    expect([...datasetNames].sort()).toEqual(Object.keys(expected).sort());
    expect(datasetNames).toHaveLength(21);
  });

  for (const name of Object.keys(expected)) {
    it(`${name}: rows, columns, types, level orders and checksums equal R's`, async () => {
      const want = expected[name];
      const data = await load(name);
      expect(data.name).toBe(name);
      expect(data.nrow).toBe(want.nrow);
      expect(data.columnNames).toEqual(want.columns);
      expect(Object.keys(data.columns)).toHaveLength(want.columns.length);
      expect(data.doc).toContain('Source:');
      expect(data.doc).toContain('Licence:');
      expect(data.license.length).toBeGreaterThan(0);
      for (const col of want.columns) {
        const check = want.checks[col];
        const column = data.columns[col];
        expect(column.length, `${name}.${col} length`).toBe(want.nrow);
        if (check.type === 'numeric') {
          expect(isNumericColumn(column), `${name}.${col} is numeric`).toBe(true);
          expect(data.factors[col]).toBeUndefined();
          const x = column as Float64Array;
          let nNA = 0;
          for (const v of x) if (Number.isNaN(v)) nNA++;
          expect(nNA).toBe(check.nNA);
          // Tolerances: see expectClose (1e-13 relative to the sum of |terms|).
          expectClose(
            compensatedSum(x.length, (i) => x[i]),
            check.sum,
            check.sumAbs,
            1e-13,
          );
          expectClose(
            compensatedSum(x.length, (i) => Math.abs(x[i])),
            check.sumAbs,
            check.sumAbs,
            1e-13,
          );
          expectClose(
            compensatedSum(x.length, (i) => weight(i) * x[i]),
            check.wsum,
            997 * check.sumAbs,
            1e-13,
          );
        } else {
          expect(isNumericColumn(column), `${name}.${col} is a factor`).toBe(false);
          const info = data.factors[col];
          expect(info.levels, `${name}.${col} levels`).toEqual(check.levels);
          expect(info.ordered, `${name}.${col} ordered`).toBe(check.ordered);
          const codes = factorCodes(column as Array<string | null>, info.levels);
          let nNA = 0;
          let notALevel = 0;
          let wcode = 0;
          for (let i = 0; i < codes.length; i++) {
            if ((column as Array<string | null>)[i] === null) nNA++;
            else if (codes[i] < 0) notALevel++;
            else wcode += weight(i) * (codes[i] + 1);
          }
          expect(nNA).toBe(check.nNA);
          expect(notALevel, `${name}.${col}: labels that are not levels`).toBe(0);
          // Integer arithmetic below 2^53: exact.
          expect(wcode).toBe(check.wcode);
        }
      }
    });
  }

  it('the named exports are the objects loadDataset returns; every column is documented', async () => {
    const exports = api as unknown as Record<string, unknown>;
    for (const name of datasetNames) {
      const data = await loadDataset(name);
      const loader = `load${name[0].toUpperCase()}${name.slice(1)}`;
      const exported =
        typeof exports[loader] === 'function'
          ? await (exports[loader] as () => Promise<Dataset>)()
          : exports[name];
      expect(exported, name).toBe(data);
      for (const col of data.columnNames)
        expect(data.doc, `${name}.${col}`).toContain(`- ${col} (`);
    }
    expect(await loadDataset('sleepstudy')).toBe(api.sleepstudy);
    expect(await loadDataset('Machines')).toBe(api.machines);
    expect(await loadDataset('INSTEVAL')).toBe(await api.loadInstEval());
    expect(await api.loadNels()).toBe(await api.loadNels());
  });

  it('states the facts the source texts rely on', async () => {
    expect(Array.from(api.moths.columns.count)).toEqual([85, 196, 341]);
    expect(api.moths.columns.phenotype).toEqual(['carbonaria', 'insularia', 'typica']);
    expect(api.machines.factors.Worker).toEqual({
      levels: ['6', '2', '4', '1', '3', '5'],
      ordered: true,
    });
    expect(api.ceb.factors.dur.levels).toEqual(['0-4', '10-14', '15-19', '20-24', '25-29', '5-9']);
    expect(api.ceb.factors.res.levels).toEqual(['rural', 'Suva', 'urban']);
    expect(api.vegetables.factors.store.levels.slice(0, 4)).toEqual(['1', '10', '100', '101']);
    const instEval = await api.loadInstEval();
    expect(instEval.factors.dept.levels.slice(0, 3)).toEqual(['15', '5', '10']);
    expect(instEval.factors.studage.ordered).toBe(true);
  });

  it('rejects an unknown name with the list of names', async () => {
    await expect(loadDataset('sleepstudyy')).rejects.toThrow(
      /unknown data set "sleepstudyy".*sleepstudy/,
    );
    await expect(loadDataset('sleepstudyy')).rejects.toBeInstanceOf(api.UnknownDatasetError);
  });
});
