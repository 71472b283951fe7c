import { describe, expect, it } from 'vitest';
import { expectClose } from './fixtures/expect-close.js';
// fixtures/newdata.json: R 4.2.2 model.frame(delete.response(terms(fit)), newdata,
// xlev = fit$xlevels) and its model.matrix, poly() through predvars; made by fixtures/frames.R.
import ref from './fixtures/newdata.json' with { type: 'json' };
import { FactorError } from './errors.js';
import { modelFrame } from './model-frame.js';
import { modelMatrix } from './model-matrix.js';
import { newDataFrame } from './new-data.js';

describe('newDataFrame (prediction frames)', () => {
  const frame = modelFrame(ref.formula, ref.data);
  const newdata = { c: ref.newdata.c.map((v) => v ?? null), a: ref.newdata.a, b: ref.newdata.b };
  it("reuses the fit's factor levels and poly basis, as R's predict does", () => {
    const nd = newDataFrame(frame, newdata);
    expect(Array.from(nd.rows)).toEqual(ref.rows);
    const mm = modelMatrix(nd.formula.fixed, nd);
    expect(mm.colnames).toEqual(ref.colnames);
    // poly basis through the recurrence and log(): 1e-12 (fixture has 15 digits).
    expectClose(mm.X.data, ref.X, 1e-12, 'X(newdata)');
  });
  it('names a level the fit has not seen', () => {
    expect(() => newDataFrame(frame, { c: [1], a: ['s'], b: ['u'] })).toThrow(FactorError);
    expect(() => newDataFrame(frame, { c: [1], a: ['s'], b: ['u'] })).toThrow(/'s' at row 0/);
  });
});
