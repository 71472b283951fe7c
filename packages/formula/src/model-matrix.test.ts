import { describe, expect, it } from 'vitest';
import { readCsv } from './fixtures/csv.js';
import { expectClose } from './fixtures/expect-close.js';
// fixtures/model-matrices.json: R 4.2.2 `model.frame` + `model.matrix` (colnames, assign,
// column sums, the full X for the small designs, model.offset), made by
// fixtures/model-matrices.R from the CSV copies in fixtures/ (of /work/shared/data).
import ref from './fixtures/model-matrices.json' with { type: 'json' };
import { FactorError } from './errors.js';
import type { FactorSpec } from './factor.js';
import { type ModelFrameOptions, modelFrame } from './model-frame.js';
import { modelMatrix } from './model-matrix.js';
import type { ContrastKind } from './contrasts.js';

interface Case {
  name: string;
  formula: string;
  data: string;
  factors: Record<string, 'string' | true | { levels: string[]; ordered?: boolean }> | null;
  contrasts: Record<string, ContrastKind> | null;
  nobs: number;
  colnames: string[];
  assign: number[];
  colSums: number[];
  X?: number[];
  offset?: number[];
}

function frameOptions(c: Case): ModelFrameOptions {
  const factors: Record<string, FactorSpec | true> = {};
  for (const [k, v] of Object.entries(c.factors ?? {}))
    factors[k] = v === 'string' ? { levelOrder: 'string' } : v;
  return { factors };
}

const data = (name: string) => (name === 'synthetic' ? ref.synthetic : readCsv(name));

describe('modelMatrix against R model.matrix', () => {
  for (const c of ref.cases as unknown as Case[]) {
    it(c.name, () => {
      const frame = modelFrame(c.formula, data(c.data), frameOptions(c));
      const mm = modelMatrix(frame.formula.fixed, frame, { contrasts: c.contrasts ?? {} });
      expect(frame.nobs).toBe(c.nobs);
      expect(mm.colnames).toEqual(c.colnames);
      expect(Array.from(mm.assign)).toEqual(c.assign);
      const p = mm.X.cols;
      const sums = Array.from({ length: p }, (_, j) =>
        mm.X.data.subarray(j * c.nobs, (j + 1) * c.nobs).reduce((a, b) => a + b, 0),
      );
      // R's JSON has 15 significant digits; sums of up to 1066 terms: 1e-12 relative.
      expectClose(sums, c.colSums, 1e-12, 'column sums');
      // Entries (indicators, contrast values, poly bases) to 1e-12: the fixture's 15 digits
      // and the recurrence vs R's Householder QR agree to ~1e-15.
      if (c.X !== undefined) expectClose(mm.X.data, c.X, 1e-12, 'X');
      if (c.offset !== undefined) expectClose(frame.offset!, c.offset, 1e-13, 'offset');
    });
  }
});

describe('indicator blocks', () => {
  it('describes the store factor of the vegetables model as one indicator block', () => {
    const veg = readCsv('vegetables.csv');
    const f = 'sale ~ store + log(normalSale) - 1';
    const frame = modelFrame(f, veg, { factors: { store: { levelOrder: 'string' } } });
    const full = modelMatrix(frame.formula.fixed, frame);
    expect(full.blocks).toHaveLength(1);
    const b = full.blocks[0]!;
    expect([b.firstColumn, b.ncols, b.variable]).toEqual([0, 352, 'store']);
    for (let i = 0; i < frame.nobs; i++)
      expect(full.X.data[(b.firstColumn + b.codes[i]!) * frame.nobs + i]).toBe(1);
    const sparse = modelMatrix(frame.formula.fixed, frame, { omitIndicatorBlocks: true });
    expect(sparse.X.cols).toBe(1);
    expect(Array.from(sparse.xColumns)).toEqual([352]);
    expect(sparse.colnames).toEqual(full.colnames);
    expect(Array.from(sparse.X.data)).toEqual(Array.from(full.X.data.subarray(352 * frame.nobs)));
  });
  it('codes the treatment baseline as -1', () => {
    const frame = modelFrame('y ~ a + c', ref.synthetic);
    const mm = modelMatrix(frame.formula.fixed, frame);
    const b = mm.blocks[0]!;
    expect([b.firstColumn, b.ncols]).toEqual([1, 2]);
    expect(Array.from(b.codes.slice(0, 4))).toEqual([-1, 0, 1, -1]);
  });
});

describe('logical variables', () => {
  it('codes a boolean column as a factor FALSE/TRUE, as R does for logicals', () => {
    // R: model.matrix(~ flag + x, data.frame(flag = c(TRUE, FALSE, TRUE, NA), x = 1:4))
    //    colnames "(Intercept)" "flagTRUE" "x", rows 1-3 (row 4 dropped), flagTRUE = 1 0 1.
    const frame = modelFrame('~ flag + x', { flag: [true, false, true, null], x: [1, 2, 3, 4] });
    const mm = modelMatrix(frame.formula.fixed, frame);
    expect(mm.colnames).toEqual(['(Intercept)', 'flagTRUE', 'x']);
    expect(Array.from(mm.X.data)).toEqual([1, 1, 1, 1, 0, 1, 1, 2, 3]);
    expect(Array.from(frame.droppedRows)).toEqual([3]);
  });
});

describe('errors', () => {
  it('refuses contrasts on a one-level factor, naming it', () => {
    const frame = modelFrame('y ~ g + x', { y: [1, 2, 3], g: ['a', 'a', 'a'], x: [1, 2, 4] });
    expect(() => modelMatrix(frame.formula.fixed, frame)).toThrow(FactorError);
    expect(() => modelMatrix(frame.formula.fixed, frame)).toThrow(/factor 'g'/);
  });
});
