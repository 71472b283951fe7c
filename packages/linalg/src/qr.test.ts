import { inverse, Matrix, QrDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { type DenseMatrix, dense } from './dense.js';
import { NonFiniteError } from './errors.js';
import qrR from './fixtures/qr-r.json' with { type: 'json' };
import { qrPivoted } from './qr.js';
import {
  qrCoef,
  qrFitted,
  qrQty,
  qrQy,
  qrResiduals,
  qrRInverse,
  qrUnscaledCovariance,
} from './qr-solve.js';
import {
  expectClose,
  maxAbs,
  mlData,
  naiveGemm,
  randomMatrix,
  toMl,
} from './test-utils/helpers.js';

// Same algorithm and operation order as LINPACK dqrdc2/dqrsl (bit-identical to R on exact
// inputs: qr-in-place.test.ts), but these fixtures store X and R's results with 15 significant
// digits: differences of ~1e-16 relative, amplified by the condition
// number κ(R₁₁) of the kept columns (R's kappa(): 2–7 in cases 1–4, 3e5 in the nearly
// collinear case 5, whose third Householder vector is built from a remainder 1e-5 of its
// column's norm, so that Q, its column space, the coefficients and (R₁₁ᵀR₁₁)⁻¹ are all
// determined only to ~ε·κ). Every comparison uses 1e-12·max(1, κ).
const TOL = 1e-12;

interface RCase {
  rows: number;
  cols: number;
  X: number[];
  y: number[];
  rank: number;
  pivot: number[];
  qraux: number[];
  qr: number[];
  coef: Array<number | null>;
  fitted: number[];
  resid: number[];
  qty: number[];
  covUnscaled: number[];
  kappa: number;
}

describe("qrPivoted (R's qr(), LINPACK dqrdc2)", () => {
  (qrR as RCase[]).forEach((c, idx) => {
    it(`case ${idx + 1} (${c.rows} × ${c.cols}): rank, pivot, qr, qraux and solves match R`, () => {
      const X: DenseMatrix = { rows: c.rows, cols: c.cols, data: Float64Array.from(c.X) };
      const f = qrPivoted(X);
      expect(f.rank).toBe(c.rank);
      expect(Array.from(f.pivot)).toEqual(c.pivot.map((p) => p - 1));
      const condTol = TOL * Math.max(1, c.kappa);
      // columns past the rank hold rounding-level remainders (meaningless digits in R too):
      // compare the first `rank` columns
      expectClose(f.qr.data.subarray(0, c.rows * c.rank), c.qr.slice(0, c.rows * c.rank), condTol);
      expectClose(f.qraux.subarray(0, c.rank), c.qraux.slice(0, c.rank), condTol);
      const coef = qrCoef(f, c.y);
      c.coef.forEach((v, j) => {
        if (v === null) expect(coef[j]).toBeNaN();
        else expect(Math.abs(coef[j] - v)).toBeLessThanOrEqual(condTol * Math.max(1, Math.abs(v)));
      });
      expectClose(qrFitted(f, c.y), c.fitted, condTol);
      expectClose(qrResiduals(f, c.y), c.resid, condTol);
      expectClose(qrQty(f, c.y), c.qty, condTol);
      expectClose(qrUnscaledCovariance(f).data, c.covUnscaled, condTol);
    });
  });

  it('moves near-dependent columns to the end in original order (seeded random)', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const n = 40;
      const B = randomMatrix(n, 4, seed);
      const col = (j: number) => B.data.subarray(j * n, (j + 1) * n);
      // X = [a, b, a+b, c, 2c, d, b−a]: dependent columns 2, 4, 6 → rank 4, pivot 0 1 3 5 2 4 6
      const cols = [
        col(0),
        col(1),
        col(0).map((v, i) => v + col(1)[i]),
        col(2),
        col(2).map((v) => 2 * v),
        col(3),
        col(1).map((v, i) => v - col(0)[i]),
      ];
      const X = dense(n, cols.length);
      for (const [j, c] of cols.entries()) X.data.set(c, j * n);
      const f = qrPivoted(X);
      expect(f.rank).toBe(4);
      expect(Array.from(f.pivot)).toEqual([0, 1, 3, 5, 2, 4, 6]);
      const y = randomMatrix(n, 1, 100 + seed).data;
      const fit = qrFitted(f, y);
      const res = qrResiduals(f, y);
      // y = fitted + residuals, and Q is orthogonal: Q(Qᵀy) = y (rounding only: 1e-13)
      expectClose(
        fit.map((v, i) => v + res[i]),
        y,
        1e-13,
      );
      expectClose(qrQy(f, qrQty(f, y)), y, 1e-13);
      // residuals orthogonal to the column space: |Xᵀr| ≤ 1e-12·‖X‖‖y‖
      const Xtr = naiveGemm(X, { rows: n, cols: 1, data: res }, true, false).data;
      expect(maxAbs(Xtr)).toBeLessThanOrEqual(1e-12 * maxAbs(X.data) * n * maxAbs(y));
      // R₁₁ R₁₁⁻¹ = I
      const Rinv = qrRInverse(f);
      const R11 = dense(4, 4);
      for (let j = 0; j < 4; j++)
        for (let i = 0; i <= j; i++) R11.data[i + j * 4] = f.qr.data[i + j * n];
      const I = naiveGemm(R11, Rinv, false, false).data;
      expectClose(I, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], 1e-12);
    }
  });

  it('full-rank least squares agrees with ml-matrix QR and with plain normal equations', () => {
    const n = 30;
    const p = 5;
    const X = randomMatrix(n, p, 77);
    const y = randomMatrix(n, 1, 78).data;
    const f = qrPivoted(X);
    expect(f.rank).toBe(p);
    expect(Array.from(f.pivot)).toEqual([0, 1, 2, 3, 4]);
    const coef = qrCoef(f, y);
    const ml = new QrDecomposition(toMl(X)).solve(Matrix.columnVector(Array.from(y)));
    // random Gaussian 30 × 5: cond(X) ≈ 3, so both solutions agree to ~cond·ε; 1e-12
    expectClose(coef, mlData(ml), 1e-12);
    // plain loop: solve XᵀX b = Xᵀy by Gaussian elimination (cond(XᵀX) ≈ 10): 1e-12
    const G = naiveGemm(X, X, true, false).data;
    const r = naiveGemm(X, { rows: n, cols: 1, data: y }, true, false).data;
    for (let k = 0; k < p; k++) {
      for (let i = k + 1; i < p; i++) {
        const m = G[i + k * p] / G[k + k * p];
        for (let j = k; j < p; j++) G[i + j * p] -= m * G[k + j * p];
        r[i] -= m * r[k];
      }
    }
    const b = new Float64Array(p);
    for (let i = p - 1; i >= 0; i--) {
      let s = r[i];
      for (let j = i + 1; j < p; j++) s -= G[i + j * p] * b[j];
      b[i] = s / G[i + i * p];
    }
    expectClose(coef, b, 1e-12);
    // and (XᵀX)⁻¹ from the QR equals ml-matrix's inverse of XᵀX (cond ≈ 10): 1e-12
    const XtXinv = mlData(inverse(toMl(X).transpose().mmul(toMl(X))));
    expectClose(qrUnscaledCovariance(f).data, XtXinv, 1e-12);
  });

  it('rejects non-finite input naming the cell', () => {
    const X = dense(2, 2);
    X.data[3] = Number.NaN;
    expect(() => qrPivoted(X)).toThrow(NonFiniteError);
    expect(() => qrPivoted(X)).toThrow(/X has a non-finite entry NaN at row 1, column 1/);
  });
});
