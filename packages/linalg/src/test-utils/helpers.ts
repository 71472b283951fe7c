import { Matrix } from 'ml-matrix';
import { expect } from 'vitest';
import type { DenseMatrix } from '../dense.js';

/** Seeded PRNG (mulberry32): deterministic uniform(0, 1) stream for property tests. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller from `u`. */
export function normal(u: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** rows × cols matrix of N(0, 1) entries. */
export function randomMatrix(rows: number, cols: number, seed: number): DenseMatrix {
  const g = normal(rng(seed));
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = g();
  return { rows, cols, data };
}

/** Symmetric positive definite n × n: GᵀG + n·I from a random G (plain loops). */
export function randomSpd(n: number, seed: number): DenseMatrix {
  const G = randomMatrix(n, n, seed);
  const A = naiveGemm(G, G, true, false);
  for (let i = 0; i < n; i++) A.data[i + i * n] += n;
  return A;
}

/** Plain triple-loop reference: op(A)·op(B). */
export function naiveGemm(A: DenseMatrix, B: DenseMatrix, tA: boolean, tB: boolean): DenseMatrix {
  const m = tA ? A.cols : A.rows;
  const k = tA ? A.rows : A.cols;
  const n = tB ? B.rows : B.cols;
  const a = (i: number, p: number) => (tA ? A.data[p + i * A.rows] : A.data[i + p * A.rows]);
  const b = (p: number, j: number) => (tB ? B.data[j + p * B.rows] : B.data[p + j * B.rows]);
  const C = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a(i, p) * b(p, j);
      C[i + j * m] = s;
    }
  }
  return { rows: m, cols: n, data: C };
}

/** Max-abs (entrywise ∞) norm. */
export function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}

/**
 * Asserts |actual_i − expected_i| ≤ tol · scale for every i, where scale = max(1, max|expected|)
 * — a norm-relative tolerance (each caller says why its `tol` is what it is).
 */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number) {
  expect(actual.length).toBe(expected.length);
  const scale = Math.max(1, maxAbs(expected));
  let worst = 0;
  let at = -1;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    if (!(d <= worst)) {
      worst = d;
      at = i;
    }
  }
  expect(
    worst,
    `max deviation ${worst} at index ${at} exceeds ${tol} × ${scale}`,
  ).toBeLessThanOrEqual(tol * scale);
}

/** Scalar relative closeness |a − e| ≤ relTol · max(|e|, tiny). */
export function expectRel(actual: number, expected: number, relTol: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    relTol * Math.max(Math.abs(expected), 1e-300),
  );
}

/** ml-matrix's view of a DenseMatrix (row-major 2-D copy). */
export function toMl(A: DenseMatrix): Matrix {
  const m = new Matrix(A.rows, A.cols);
  for (let i = 0; i < A.rows; i++)
    for (let j = 0; j < A.cols; j++) m.set(i, j, A.data[i + j * A.rows]);
  return m;
}

/** Column-major values of an ml-matrix Matrix. */
export function mlData(m: Matrix): Float64Array {
  const out = new Float64Array(m.rows * m.columns);
  for (let i = 0; i < m.rows; i++)
    for (let j = 0; j < m.columns; j++) out[i + j * m.rows] = m.get(i, j);
  return out;
}
