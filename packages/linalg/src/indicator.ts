import { assertLength } from './checks.js';
import type { CscMatrix } from './csc.js';
import { type DenseMatrix, dense } from './dense.js';
import { DimensionError, NonFiniteError } from './errors.js';

/**
 * The n × nlevels indicator (dummy) matrix of a factor, stored as its codes: Z_ij = x_i when
 * codes[i] = j (x_i = 1 without a multiplier), 0 otherwise. A numeric multiplier per row gives
 * the random-slope columns of a mixed model. Every product below costs O(n), not O(n·nlevels).
 */
export interface IndicatorMatrix {
  readonly codes: Int32Array;
  readonly nlevels: number;
  /** Optional per-row multiplier (the covariate of a random slope). */
  readonly x?: Float64Array;
}

/** Validates and wraps factor codes (0-based, in [0, nlevels)) and an optional multiplier. */
export function indicatorMatrix(
  codes: ArrayLike<number>,
  nlevels: number,
  x?: ArrayLike<number>,
): IndicatorMatrix {
  if (!Number.isInteger(nlevels) || nlevels < 0)
    throw new DimensionError(`nlevels must be a non-negative integer, got ${nlevels}`);
  const c = Int32Array.from(codes);
  for (let i = 0; i < c.length; i++) {
    if (codes[i] !== c[i] || c[i] < 0 || c[i] >= nlevels)
      throw new DimensionError(`codes[${i}] = ${codes[i]} is not a level index in [0, ${nlevels})`);
  }
  if (x === undefined) return { codes: c, nlevels };
  assertLength(x, c.length, 'x', 'must equal codes.length');
  for (let i = 0; i < x.length; i++)
    if (!Number.isFinite(x[i])) throw new NonFiniteError('x', i, 0, x[i]);
  return { codes: c, nlevels, x: Float64Array.from(x) };
}

/** Zᵀv: (Zᵀv)_j = Σ_{i: codes[i] = j} x_i v_i. O(n). */
export function indicatorTransposeTimesVec(Z: IndicatorMatrix, v: ArrayLike<number>): Float64Array {
  const n = Z.codes.length;
  assertLength(v, n, 'v', 'must equal the number of rows of Z');
  const out = new Float64Array(Z.nlevels);
  const { codes, x } = Z;
  if (x === undefined) for (let i = 0; i < n; i++) out[codes[i]] += v[i];
  else for (let i = 0; i < n; i++) out[codes[i]] += x[i] * v[i];
  return out;
}

/** Zb: (Zb)_i = x_i b_{codes[i]}. O(n). */
export function indicatorTimesVec(Z: IndicatorMatrix, b: ArrayLike<number>): Float64Array {
  assertLength(b, Z.nlevels, 'b', 'must equal nlevels');
  const n = Z.codes.length;
  const out = new Float64Array(n);
  const { codes, x } = Z;
  for (let i = 0; i < n; i++) out[i] = (x === undefined ? 1 : x[i]) * b[codes[i]];
  return out;
}

/** ZᵀWZ is diagonal: its diagonal (ZᵀWZ)_jj = Σ_{i: codes[i] = j} w_i x_i². O(n). */
export function indicatorCrossprodDiag(Z: IndicatorMatrix, w?: ArrayLike<number>): Float64Array {
  const n = Z.codes.length;
  if (w !== undefined) assertLength(w, n, 'w', 'must equal the number of rows of Z');
  const out = new Float64Array(Z.nlevels);
  const { codes, x } = Z;
  for (let i = 0; i < n; i++) {
    const xi = x === undefined ? 1 : x[i];
    out[codes[i]] += (w === undefined ? 1 : w[i]) * xi * xi;
  }
  return out;
}

/** ZᵀWX (nlevels × X.cols): row j sums w_i x_i X_i· over the rows of level j. O(n · X.cols). */
export function indicatorTransposeTimesDense(
  Z: IndicatorMatrix,
  X: DenseMatrix,
  w?: ArrayLike<number>,
): DenseMatrix {
  const n = Z.codes.length;
  if (X.rows !== n) throw new DimensionError(`X has ${X.rows} rows, expected ${n} (rows of Z)`);
  if (w !== undefined) assertLength(w, n, 'w', 'must equal the number of rows of Z');
  const q = Z.nlevels;
  const out = dense(q, X.cols);
  const { codes, x } = Z;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) s[i] = (x === undefined ? 1 : x[i]) * (w === undefined ? 1 : w[i]);
  for (let c = 0; c < X.cols; c++) {
    const xo = c * n;
    const oo = c * q;
    for (let i = 0; i < n; i++) out.data[oo + codes[i]] += s[i] * X.data[xo + i];
  }
  return out;
}

/**
 * Z₁ᵀWZ₂ between two indicator matrices on the same rows (crossed or nested factors) as a
 * nlevels₁ × nlevels₂ CSC matrix. O(n + nnz log nnz).
 */
export function indicatorCrossprod(
  Z1: IndicatorMatrix,
  Z2: IndicatorMatrix,
  w?: ArrayLike<number>,
): CscMatrix {
  const n = Z1.codes.length;
  if (Z2.codes.length !== n)
    throw new DimensionError(`Z2 has ${Z2.codes.length} rows, expected ${n} (rows of Z1)`);
  if (w !== undefined) assertLength(w, n, 'w', 'must equal the number of rows of Z');
  const cells = new Map<number, number>();
  const q1 = Z1.nlevels;
  for (let i = 0; i < n; i++) {
    const v =
      (Z1.x === undefined ? 1 : Z1.x[i]) *
      (Z2.x === undefined ? 1 : Z2.x[i]) *
      (w === undefined ? 1 : w[i]);
    const key = Z2.codes[i] * q1 + Z1.codes[i]; // column-major key: sorts by column, then row
    cells.set(key, (cells.get(key) ?? 0) + v);
  }
  const keys = Array.from(cells.keys()).sort((a, b) => a - b);
  const colPtr = new Int32Array(Z2.nlevels + 1);
  const rowIdx = new Int32Array(keys.length);
  const values = new Float64Array(keys.length);
  keys.forEach((key, k) => {
    const col = Math.floor(key / q1);
    rowIdx[k] = key - col * q1;
    values[k] = cells.get(key)!;
    colPtr[col + 1]++;
  });
  for (let j = 0; j < Z2.nlevels; j++) colPtr[j + 1] += colPtr[j];
  return { rows: q1, cols: Z2.nlevels, colPtr, rowIdx, values };
}

/** The indicator matrix as CSC (one nonzero per row). */
export function indicatorToCsc(Z: IndicatorMatrix): CscMatrix {
  const n = Z.codes.length;
  const q = Z.nlevels;
  const colPtr = new Int32Array(q + 1);
  for (let i = 0; i < n; i++) colPtr[Z.codes[i] + 1]++;
  for (let j = 0; j < q; j++) colPtr[j + 1] += colPtr[j];
  const next = colPtr.slice(0, q);
  const rowIdx = new Int32Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = next[Z.codes[i]]++;
    rowIdx[p] = i;
    values[p] = Z.x === undefined ? 1 : Z.x[i];
  }
  return { rows: n, cols: q, colPtr, rowIdx, values };
}
