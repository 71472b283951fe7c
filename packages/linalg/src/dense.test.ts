import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { assertFinite, fromMatrix, fromRows, get, toMatrix } from './dense.js';
import { NonFiniteError } from './errors.js';

describe('dense', () => {
  it('round-trips through ml-matrix column-major', () => {
    const a = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(Array.from(a.data)).toEqual([1, 4, 2, 5, 3, 6]);
    const m = toMatrix(a);
    expect(m.to2DArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = fromMatrix(
      new Matrix([
        [7, 8],
        [9, 10],
      ]),
    );
    expect(get(b, 1, 0)).toBe(9);
  });
  it('names the offending entry', () => {
    const a = fromRows([[1, Number.NaN]]);
    expect(() => assertFinite(a, 'X')).toThrow(NonFiniteError);
    expect(() => assertFinite(a, 'X')).toThrow(/X has a non-finite entry NaN at row 0, column 1/);
  });
});
