import { describe, expect, it } from 'vitest';
import { cscToDense } from './csc.js';
import { DimensionError } from './errors.js';
import {
  indicatorCrossprod,
  indicatorCrossprodDiag,
  indicatorMatrix,
  indicatorTimesVec,
  indicatorToCsc,
  indicatorTransposeTimesDense,
  indicatorTransposeTimesVec,
} from './indicator.js';
import { expectClose, mlData, naiveGemm, randomMatrix, rng, toMl } from './test-utils/helpers.js';

// Same terms as the dense product, summed in another order: ≤ n·ε relative; 1e-12.
const TOL = 1e-12;

function randomFactor(n: number, nlevels: number, seed: number): number[] {
  const u = rng(seed);
  return Array.from({ length: n }, () => Math.floor(u() * nlevels));
}

describe('IndicatorMatrix', () => {
  for (const slope of [false, true]) {
    it(`products equal the dense indicator matrix's (${slope ? 'random slope' : 'intercept'})`, () => {
      const n = 57;
      const q = 6;
      const codes = randomFactor(n, q, 3);
      const x = slope ? randomMatrix(n, 1, 4).data : undefined;
      const Z = indicatorMatrix(codes, q, x);
      const D = cscToDense(indicatorToCsc(Z));
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < q; j++) {
          expect(D.data[i + j * n]).toBe(codes[i] === j ? (x === undefined ? 1 : x[i]) : 0);
        }
      }
      const v = randomMatrix(n, 1, 5);
      const b = randomMatrix(q, 1, 6);
      const w = randomMatrix(n, 1, 7).data.map((t) => t * t);
      const X = randomMatrix(n, 3, 8);
      expectClose(indicatorTransposeTimesVec(Z, v.data), naiveGemm(D, v, true, false).data, TOL);
      expectClose(indicatorTimesVec(Z, b.data), naiveGemm(D, b, false, false).data, TOL);
      const WD = { rows: n, cols: q, data: D.data.map((t, k) => t * w[k % n]) };
      const ZtWZ = naiveGemm(D, WD, true, false).data;
      const diag = indicatorCrossprodDiag(Z, w);
      for (let j = 0; j < q; j++) {
        expect(Math.abs(diag[j] - ZtWZ[j + j * q])).toBeLessThanOrEqual(TOL * Math.max(1, diag[j]));
        for (let k = 0; k < q; k++) if (k !== j) expect(ZtWZ[j + k * q]).toBe(0);
      }
      const WX = { rows: n, cols: 3, data: X.data.map((t, k) => t * w[k % n]) };
      expectClose(
        indicatorTransposeTimesDense(Z, X, w).data,
        naiveGemm(D, WX, true, false).data,
        TOL,
      );
      expectClose(
        indicatorTransposeTimesDense(Z, X).data,
        mlData(toMl(D).transpose().mmul(toMl(X))),
        TOL,
      );
      // crossed with a second factor
      const Z2 = indicatorMatrix(randomFactor(n, 4, 9), 4);
      const D2 = cscToDense(indicatorToCsc(Z2));
      expectClose(
        cscToDense(indicatorCrossprod(Z, Z2, w)).data,
        naiveGemm(D, { ...D2, data: D2.data.map((t, k) => t * w[k % n]) }, true, false).data,
        TOL,
      );
    });
  }
  it('validates codes and multipliers', () => {
    expect(() => indicatorMatrix([0, 3], 3)).toThrow(DimensionError);
    expect(() => indicatorMatrix([0, 3], 3)).toThrow(
      /codes\[1\] = 3 is not a level index in \[0, 3\)/,
    );
    expect(() => indicatorMatrix([0, 1.5], 3)).toThrow(/codes\[1\] = 1.5/);
    expect(() => indicatorMatrix([0, 1], 3, [1])).toThrow(/x has length 1/);
    expect(() => indicatorTimesVec(indicatorMatrix([0], 2), [1])).toThrow(
      /b has length 1, expected 2/,
    );
  });
});
