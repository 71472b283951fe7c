import { describe, expect, it } from 'vitest';
import { luFactorInPlace, luSolveFactoredInPlace, luSolveInPlace } from './dense-small.js';

/** A symmetric indefinite KKT-like matrix (zero trailing block), as BOBYQA's W. */
function kkt(seed: number, m: number, p: number): Float64Array {
  const K = m + p;
  const A = new Float64Array(K * K);
  let s = seed;
  const rnd = (): number => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647 - 0.5;
  };
  for (let i = 0; i < K; i++) {
    for (let j = 0; j <= i; j++) {
      const v = i >= m && j >= m ? 0 : rnd();
      A[i * K + j] = v;
      A[j * K + i] = v;
    }
  }
  return A;
}

/**
 * Gaussian elimination with partial pivoting and b carried along (row swaps of b at each step,
 * b[i] -= m·b[k] during elimination, then back substitution): the one-call solver that
 * `luSolveInPlace` was before it became factor + solve, kept here as the oracle its rounding
 * must match. Overwrites `A` and `b`.
 */
function eliminateWithRhs(A: Float64Array, n: number, b: Float64Array): boolean {
  for (let k = 0; k < n; k++) {
    let p = k;
    let big = Math.abs(A[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(A[i * n + k]);
      if (v > big) {
        big = v;
        p = i;
      }
    }
    if (big === 0) return false;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = A[k * n + j];
        A[k * n + j] = A[p * n + j];
        A[p * n + j] = t;
      }
      const t = b[k];
      b[k] = b[p];
      b[p] = t;
    }
    const akk = A[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const m = A[i * n + k] / akk;
      if (m === 0) continue;
      for (let j = k + 1; j < n; j++) A[i * n + j] -= m * A[k * n + j];
      b[i] -= m * b[k];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= A[i * n + j] * b[j];
    b[i] = s / A[i * n + i];
  }
  return true;
}

describe('dense-small LU', () => {
  it('factor once, solve many: bit for bit what elimination with b carried along gives for each right-hand side', () => {
    for (const [seed, m, p] of [
      [7, 7, 4],
      [11, 5, 3],
      [123, 9, 5],
    ] as const) {
      const K = m + p;
      const A = kkt(seed, m, p);
      const LU = Float64Array.from(A);
      const piv = new Int32Array(K);
      expect(luFactorInPlace(LU, K, piv)).toBe(true);
      for (let r = 0; r < K; r++) {
        const b = new Float64Array(K).map((_, i) => (i === r ? 1 : 0.25 * i - 1));
        const expected = Float64Array.from(b);
        expect(eliminateWithRhs(Float64Array.from(A), K, expected)).toBe(true);
        const oneCall = Float64Array.from(b);
        expect(luSolveInPlace(Float64Array.from(A), K, oneCall)).toBe(true);
        // same elimination order, so exactly equal (no tolerance needed)
        expect(Array.from(oneCall)).toEqual(Array.from(expected));
        expect(Array.from(luSolveFactoredInPlace(LU, K, piv, b))).toEqual(Array.from(expected));
        // and it solves the system: residual below 1e-12 of the scale of A·x
        let worst = 0;
        for (let i = 0; i < K; i++) {
          let ax = 0;
          for (let j = 0; j < K; j++) ax += A[i * K + j] * b[j];
          const target = i === r ? 1 : 0.25 * i - 1;
          worst = Math.max(worst, Math.abs(ax - target));
        }
        expect(worst).toBeLessThan(1e-12);
      }
    }
  });

  it('reports an exactly singular matrix', () => {
    // two equal rows/columns ⇒ a zero pivot column
    const A = Float64Array.of(1, 2, 3, 2, 4, 6, 3, 6, 10);
    expect(luFactorInPlace(Float64Array.from(A), 3, new Int32Array(3))).toBe(false);
    expect(luSolveInPlace(A, 3, new Float64Array(3))).toBe(false);
  });
});
