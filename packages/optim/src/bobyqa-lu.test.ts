import { describe, expect, it } from 'vitest';
import { luFactorInPlace, luSolveFactoredInPlace } from './bobyqa-lu.js';
import { luSolveInPlace } from './dense-small.js';

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

describe('bobyqa-lu', () => {
  it('factor once, solve many: bit for bit what luSolveInPlace gives for each right-hand side', () => {
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
        expect(luSolveInPlace(Float64Array.from(A), K, expected)).toBe(true);
        // same elimination order, so exactly equal (no tolerance needed)
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
    expect(luFactorInPlace(A, 3, new Int32Array(3))).toBe(false);
  });
});
