import { describe, expect, it } from 'vitest';
import { expectClose } from './fixtures/expect-close.js';
// fixtures/newdata.json: R 4.2.2 model.frame(delete.response(terms(fit)), newdata,
// xlev = fit$xlevels) and its model.matrix, poly() through predvars; made by fixtures/frames.R.
import ref from './fixtures/newdata.json' with { type: 'json' };
import refFactor from './fixtures/newdata-factor.json' with { type: 'json' };
import train from './fixtures/model-matrices.json' with { type: 'json' };
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
  it('recodes factor() and ordered() variables to the levels of the fit', () => {
    // newdata has one level of b and two of round(c/5): R keeps the fit's levels (and the
    // contr.poly of ordered(b) with two levels: +-1/sqrt(2), 15 digits in the fixture).
    const fit = modelFrame(refFactor.formula, train.synthetic);
    const nd = newDataFrame(fit, refFactor.newdata);
    const mm = modelMatrix(nd.formula.fixed, nd);
    expect(mm.colnames).toEqual(refFactor.colnames);
    expectClose(mm.X.data, refFactor.X, 1e-14, 'X(newdata)');
  });
  it('names a level the fit has not seen', () => {
    expect(() => newDataFrame(frame, { c: [1], a: ['s'], b: ['u'] })).toThrow(FactorError);
    expect(() => newDataFrame(frame, { c: [1], a: ['s'], b: ['u'] })).toThrow(/'s' at row 0/);
  });
});
