import { Matrix } from 'ml-matrix';
import { DimensionError, NonFiniteError } from './errors.js';

/**
 * A dense matrix stored column-major (LAPACK convention): entry (i, j) is `data[i + j * rows]`.
 */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Creates a `rows × cols` column-major matrix, zero-filled or wrapping `data` (not copied). */
export function dense(rows: number, cols: number, data?: Float64Array): DenseMatrix {
  if (!Number.isInteger(rows) || rows < 0)
    throw new DimensionError(`rows must be a non-negative integer, got ${rows}`);
  if (!Number.isInteger(cols) || cols < 0)
    throw new DimensionError(`cols must be a non-negative integer, got ${cols}`);
  if (data !== undefined && data.length !== rows * cols) {
    throw new DimensionError(`data has length ${data.length}, expected rows*cols = ${rows * cols}`);
  }
  return { rows, cols, data: data ?? new Float64Array(rows * cols) };
}

/** Builds a column-major matrix from row arrays `rowsData[i][j]`. */
export function fromRows(rowsData: ReadonlyArray<ArrayLike<number>>): DenseMatrix {
  const rows = rowsData.length;
  const cols = rows === 0 ? 0 : rowsData[0]!.length;
  const out = dense(rows, cols);
  for (let i = 0; i < rows; i++) {
    const r = rowsData[i]!;
    if (r.length !== cols)
      throw new DimensionError(`row ${i} has length ${r.length}, expected ${cols}`);
    for (let j = 0; j < cols; j++) out.data[i + j * rows] = r[j]!;
  }
  return out;
}

/** Converts an ml-matrix `Matrix` to a column-major `DenseMatrix` (copy). */
export function fromMatrix(m: Matrix): DenseMatrix {
  const rows = m.rows;
  const cols = m.columns;
  const out = dense(rows, cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out.data[i + j * rows] = m.get(i, j);
  }
  return out;
}

/** Converts a column-major `DenseMatrix` to an ml-matrix `Matrix` (copy). */
export function toMatrix(a: DenseMatrix): Matrix {
  const m = new Matrix(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) m.set(i, j, a.data[i + j * a.rows]!);
  }
  return m;
}

/** Entry (i, j). */
export function get(a: DenseMatrix, i: number, j: number): number {
  return a.data[i + j * a.rows]!;
}

/** Deep copy. */
export function copyDense(a: DenseMatrix): DenseMatrix {
  return { rows: a.rows, cols: a.cols, data: Float64Array.from(a.data) };
}

/** Throws `NonFiniteError` naming `arg` and the first (row, col) holding NaN or ±Infinity. */
export function assertFinite(a: DenseMatrix, arg: string): void {
  const d = a.data;
  // fast scan: Σ d_k·0 is 0 unless some entry is NaN or ±Infinity (then NaN)
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  let z3 = 0;
  const m = d.length;
  let k = 0;
  for (; k + 3 < m; k += 4) {
    z0 += d[k]! * 0;
    z1 += d[k + 1]! * 0;
    z2 += d[k + 2]! * 0;
    z3 += d[k + 3]! * 0;
  }
  for (; k < m; k++) z0 += d[k]! * 0;
  if (z0 + z1 + (z2 + z3) === 0) return;
  for (let q = 0; q < m; q++) {
    if (!Number.isFinite(d[q]!)) {
      const i = q % a.rows;
      const j = Math.floor(q / a.rows);
      throw new NonFiniteError(arg, i, j, d[q]!);
    }
  }
}
