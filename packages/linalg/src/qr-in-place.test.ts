import { describe, expect, it } from 'vitest';
import { copyDense, type DenseMatrix } from './dense.js';
import { DimensionError, NonFiniteError } from './errors.js';
import qrBits from './fixtures/qr-bits-r.json' with { type: 'json' };
import { qrPivoted, qrPivotedInPlace } from './qr.js';
import { qrCoef, qrQty, qrQtyInPlace, qrQy, qrQyInPlace, qrSolveRInPlace } from './qr-solve.js';
import { expectClose, randomMatrix } from './test-utils/helpers.js';

interface BitsCase {
  rows: number;
  cols: number;
  X: number[];
  y: number[];
  rank: number;
  pivot: number[];
  qraux: number[];
  qr: number[];
  effects: number[];
  coefficients: number[];
  residuals: number[];
}

/** X = [a, b, a + b, c]: column 2 is aliased (rank 3, pivot 0 1 3 2). */
function aliasedMatrix(): DenseMatrix {
  const n = 30;
  const B = randomMatrix(n, 3, 7);
  const X: DenseMatrix = { rows: n, cols: 4, data: new Float64Array(n * 4) };
  for (let i = 0; i < n; i++) {
    const a = B.data[i];
    const b = B.data[n + i];
    X.data[i] = a;
    X.data[n + i] = b;
    X.data[2 * n + i] = a + b;
    X.data[3 * n + i] = B.data[2 * n + i];
  }
  return X;
}

describe('qrPivotedInPlace', () => {
  it('factors X in place, bit for bit the result of qrPivoted', () => {
    for (const X of [randomMatrix(25, 6, 3), aliasedMatrix(), randomMatrix(3, 5, 4)]) {
      const ref = qrPivoted(X);
      const work = copyDense(X);
      const f = qrPivotedInPlace(work, 1e-7);
      expect(f.qr).toBe(work); // the input's storage holds the compact QR
      // same algorithm on the same numbers: exact equality is the contract
      expect(f.qr.data).toEqual(ref.qr.data);
      expect(f.qraux).toEqual(ref.qraux);
      expect(Array.from(f.pivot)).toEqual(Array.from(ref.pivot));
      expect(f.rank).toBe(ref.rank);
    }
    expect(qrPivoted(aliasedMatrix()).rank).toBe(3);
  });

  it('rejects non-finite entries and a bad tol, naming the argument', () => {
    const X = randomMatrix(4, 2, 1);
    X.data[5] = Number.NaN;
    expect(() => qrPivotedInPlace(X)).toThrow(NonFiniteError);
    expect(() => qrPivotedInPlace(X)).toThrow(/X/);
    expect(() => qrPivotedInPlace(randomMatrix(4, 2, 1), -1)).toThrow(/tol/);
    // the norm pass also catches ±Infinity; the message names the first bad cell
    for (const [k, v, where] of [
      [7, Number.POSITIVE_INFINITY, 'row 2, column 1'],
      [0, Number.NEGATIVE_INFINITY, 'row 0, column 0'],
    ] as const) {
      const Y = randomMatrix(5, 3, 2);
      Y.data[k] = v;
      Y.data[14] = Number.NaN;
      const before = Y.data.slice();
      expect(() => qrPivotedInPlace(Y)).toThrow(new RegExp(`${where}`));
      expect(Y.data).toEqual(before); // rejected before any change
    }
  });
});

describe('qrQtyInPlace / qrQyInPlace / qrSolveRInPlace', () => {
  const X = aliasedMatrix();
  const f = qrPivoted(X);
  const y = Float64Array.from(randomMatrix(30, 1, 9).data);

  it('overwrite y with the copying versions’ results, bit for bit', () => {
    const a = Float64Array.from(y);
    expect(qrQtyInPlace(f, a)).toBe(a);
    expect(a).toEqual(qrQty(f, y));
    const b = Float64Array.from(y);
    expect(qrQyInPlace(f, b)).toBe(b);
    expect(b).toEqual(qrQy(f, y));
    // Q orthogonal: Q (Qᵀ y) = y up to rounding, 1e-14 absolute for |y| < 3 and n = 30
    qrQyInPlace(f, a);
    expectClose(a, y, 1e-14);
  });

  it('back-substitutes R₁₁ b = (Qᵀy)[0:rank] in place, leaving the tail', () => {
    const qty = qrQty(f, y);
    const tail = qty.slice(f.rank);
    const b = qrSolveRInPlace(f, Float64Array.from(qty));
    expect(b.subarray(f.rank)).toEqual(tail);
    // R₁₁ b reproduces Qᵀy: 1e-13 absolute (well-conditioned R₁₁, entries O(1–10))
    const n = f.qr.rows;
    const back = new Float64Array(f.rank);
    for (let i = 0; i < f.rank; i++) {
      for (let j = i; j < f.rank; j++) back[i] += f.qr.data[i + j * n] * b[j];
    }
    expectClose(back, qty.subarray(0, f.rank), 1e-13);
    // qrCoef is this solve, scattered to X's column order (aliased column → NaN)
    const coef = qrCoef(f, y);
    for (let i = 0; i < f.rank; i++) expect(coef[f.pivot[i]]).toBe(b[i]);
    expect(coef[2]).toBeNaN();
    expect(() => qrSolveRInPlace(f, new Float64Array(2))).toThrow(DimensionError);
    expect(() => qrQtyInPlace(f, new Float64Array(29))).toThrow(DimensionError);
  });
});

// R 4.2.2 with reference BLAS 3.11, fixtures/qr-bits-r.R: lm(score ~ Machine + Worker) on nlme's
// Machines and on its cell means. Our kernels run dqrdc2/dqrsl's operations in LINPACK's order,
// so the comparison is EXACT (tolerance 0): any reordering of a sum would show up here.
describe("bit-for-bit agreement with R's lm() QR", () => {
  for (const [name, c] of Object.entries(qrBits as Record<string, BitsCase>)) {
    it(`${name} (${c.rows} × ${c.cols}): qr, qraux, effects, coefficients, residuals`, () => {
      const X: DenseMatrix = { rows: c.rows, cols: c.cols, data: Float64Array.from(c.X) };
      const f = qrPivotedInPlace(X);
      expect(f.rank).toBe(c.rank);
      expect(Array.from(f.pivot)).toEqual(c.pivot.map((p) => p - 1));
      expect(Array.from(f.qr.data)).toEqual(c.qr);
      expect(Array.from(f.qraux)).toEqual(c.qraux);
      expect(Array.from(qrQty(f, c.y))).toEqual(c.effects);
      expect(Array.from(qrCoef(f, c.y))).toEqual(c.coefficients);
      // lm's residuals are dqrsl's rsd: Q [0; (Qᵀy)ₖ₊₁..ₙ]
      const rsd = qrQty(f, c.y).fill(0, 0, f.rank);
      expect(Array.from(qrQyInPlace(f, rsd))).toEqual(c.residuals);
    });
  }
});
