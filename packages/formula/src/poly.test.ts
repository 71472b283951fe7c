import { describe, expect, it } from 'vitest';
import { expectClose } from './fixtures/expect-close.js';
// fixtures/poly.json: R 4.2.2 poly(x, 5) (values and coefs), predict() at new points,
// contr.poly(12), contr.helmert(4), contr.sum(4); made by fixtures/poly.R.
import ref from './fixtures/poly.json' with { type: 'json' };
import { contrHelmert, contrPoly, contrSum } from './contrasts.js';
import { orthoPoly, predictOrthoPoly, rawPoly } from './poly.js';

describe("orthoPoly against R's poly", () => {
  const { Z, coefs } = orthoPoly(ref.x, ref.degree);
  it('matches the basis to 1e-10 (the task bound; observed ~1e-14)', () => {
    // R uses Householder QR, we the three-term recurrence: equal up to rounding.
    expectClose(Z.data, ref.Z, 1e-10, 'poly(x, 5)');
  });
  it('matches the recurrence coefficients', () => {
    // alpha and norm2 are sums of squares of the basis: 1e-12 relative.
    expectClose(coefs.alpha, ref.alpha, 1e-12, 'alpha');
    expectClose(coefs.norm2, ref.norm2, 1e-12, 'norm2');
  });
  it('predicts at new points as predict.poly', () => {
    expectClose(predictOrthoPoly(ref.newx, coefs).data, ref.predicted, 1e-10, 'predict');
    expectClose(predictOrthoPoly(ref.x, coefs).data, Z.data, 1e-13, 'predict on the data');
  });
  it('raw polynomials are powers', () => {
    expect(Array.from(rawPoly([2, 3], 3).data)).toEqual([2, 3, 4, 9, 8, 27]);
  });
  it('refuses a degree not below the number of unique points', () => {
    expect(() => orthoPoly([1, 2, 2, 1], 2)).toThrow(/less than number of unique points/);
  });
});

describe('contrasts against R contr.*', () => {
  it('contr.poly(12) to 1e-12', () => {
    // Degree 11 on 12 points: the recurrence and R's QR agree to ~1e-14.
    const C = contrPoly(12);
    expectClose(C.matrix.data, ref.contrPoly12, 1e-12, 'contr.poly(12)');
    expect(C.colnames).toEqual(ref.contrPoly12Names);
  });
  it('contr.helmert(4) and contr.sum(4) exactly', () => {
    expect(Array.from(contrHelmert(4).matrix.data)).toEqual(ref.contrHelmert4);
    expect(Array.from(contrSum(4).matrix.data)).toEqual(ref.contrSum4);
  });
});
