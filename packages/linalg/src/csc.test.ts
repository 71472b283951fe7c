import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import {
  assertCsc,
  cscCrossprod,
  cscCrossprodDense,
  cscFromTriplets,
  cscTimesVec,
  cscToDense,
  cscTranspose,
  cscTransposeTimesDense,
  cscTransposeTimesVec,
} from './csc.js';
import { DimensionError, NonFiniteError } from './errors.js';
import { expectClose, mlData, naiveGemm, randomMatrix, rng, toMl } from './test-utils/helpers.js';

// Sparse and dense sums run over the same terms in different orders: ≤ nnz·ε relative; 1e-12.
const TOL = 1e-12;

function randomCsc(rows: number, cols: number, density: number, seed: number) {
  const u = rng(seed);
  const i: number[] = [];
  const j: number[] = [];
  const v: number[] = [];
  for (let c = 0; c < cols; c++)
    for (let r = 0; r < rows; r++)
      if (u() < density) {
        i.push(r);
        j.push(c);
        v.push(u() - 0.5);
      }
  // add a duplicate to exercise summing
  if (i.length > 0) {
    i.push(i[0]);
    j.push(j[0]);
    v.push(0.25);
  }
  return { Z: cscFromTriplets(rows, cols, i, j, v), i, j, v };
}

describe('CscMatrix', () => {
  it('builds from triplets (duplicates summed, rows sorted) and densifies', () => {
    const Z = cscFromTriplets(3, 2, [2, 0, 2, 1], [0, 0, 0, 1], [1, 2, 3, 4]);
    expect(Array.from(Z.colPtr)).toEqual([0, 2, 3]);
    expect(Array.from(Z.rowIdx)).toEqual([0, 2, 1]);
    expect(Array.from(Z.values)).toEqual([2, 4, 4]);
    expect(Array.from(cscToDense(Z).data)).toEqual([2, 0, 4, 0, 4, 0]);
    expect(() => assertCsc(Z, 'Z')).not.toThrow();
    expect(() => cscFromTriplets(3, 2, [3], [0], [1])).toThrow(/i\[0\] = 3 is not a row index/);
    expect(() => cscFromTriplets(3, 2, [0], [0], [Number.NaN])).toThrow(NonFiniteError);
  });
  it('products agree with dense plain loops and ml-matrix', () => {
    for (const [rows, cols, density, seed] of [
      [40, 12, 0.2, 1],
      [7, 30, 0.5, 2],
      [1, 1, 1, 3],
    ]) {
      const { Z } = randomCsc(rows, cols, density, seed);
      const D = cscToDense(Z);
      const x = randomMatrix(cols, 1, seed + 10);
      const v = randomMatrix(rows, 1, seed + 20);
      const X = randomMatrix(rows, 5, seed + 30);
      const w = randomMatrix(rows, 1, seed + 40).data.map((t) => t * t);
      expectClose(cscTimesVec(Z, x.data), naiveGemm(D, x, false, false).data, TOL);
      expectClose(cscTransposeTimesVec(Z, v.data), naiveGemm(D, v, true, false).data, TOL);
      expectClose(cscTransposeTimesDense(Z, X).data, naiveGemm(D, X, true, false).data, TOL);
      const WX = { rows, cols: 5, data: X.data.map((t, k) => t * w[k % rows]) };
      expectClose(cscTransposeTimesDense(Z, X, w).data, naiveGemm(D, WX, true, false).data, TOL);
      const WD = { rows, cols, data: D.data.map((t, k) => t * w[k % rows]) };
      const ref = naiveGemm(D, WD, true, false).data;
      expectClose(cscCrossprodDense(Z, { w }).data, ref, TOL);
      const ZtZ = cscCrossprod(Z);
      expect(() => assertCsc(ZtZ, 'ZtZ')).not.toThrow();
      expectClose(cscToDense(ZtZ).data, mlData(toMl(D).transpose().mmul(toMl(D))), TOL);
      expectClose(
        cscTimesVec(Z, x.data),
        mlData(toMl(D).mmul(Matrix.columnVector(Array.from(x.data)))),
        TOL,
      );
      expectClose(cscToDense(cscTranspose(Z)).data, mlData(toMl(D).transpose()), 0);
    }
  });
  it('checks dimensions', () => {
    const { Z } = randomCsc(4, 3, 0.5, 9);
    expect(() => cscTimesVec(Z, [1, 2])).toThrow(DimensionError);
    expect(() => cscTransposeTimesVec(Z, [1, 2])).toThrow(/v has length 2, expected 4/);
    expect(() => cscTransposeTimesDense(Z, randomMatrix(3, 2, 1))).toThrow(/X has 3 rows/);
  });
});
