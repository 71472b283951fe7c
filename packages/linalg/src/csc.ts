import { assertLength } from './checks.js';
import { type DenseMatrix, dense } from './dense.js';
import { DimensionError, LinalgError, NonFiniteError } from './errors.js';

/**
 * Compressed sparse column matrix: the nonzeros of column j are `values[k]` at rows `rowIdx[k]`
 * for colPtr[j] ≤ k < colPtr[j+1], row indices strictly increasing within a column.
 */
export interface CscMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly colPtr: Int32Array;
  readonly rowIdx: Int32Array;
  readonly values: Float64Array;
}

/**
 * Builds a `rows × cols` CSC matrix from triplets (i[k], j[k], v[k]); duplicates are summed
 * (like R's `Matrix::sparseMatrix`), explicit zeros kept. Throws on out-of-range indices or
 * non-finite values, naming the triplet.
 */
export function cscFromTriplets(
  rows: number,
  cols: number,
  i: ArrayLike<number>,
  j: ArrayLike<number>,
  v: ArrayLike<number>,
): CscMatrix {
  assertLength(j, i.length, 'j', 'must equal i.length');
  assertLength(v, i.length, 'v', 'must equal i.length');
  const nz = i.length;
  const count = new Int32Array(cols + 1);
  for (let k = 0; k < nz; k++) {
    const r = i[k];
    const c = j[k];
    if (!Number.isInteger(r) || r < 0 || r >= rows)
      throw new DimensionError(`i[${k}] = ${r} is not a row index in [0, ${rows})`);
    if (!Number.isInteger(c) || c < 0 || c >= cols)
      throw new DimensionError(`j[${k}] = ${c} is not a column index in [0, ${cols})`);
    if (!Number.isFinite(v[k])) throw new NonFiniteError('v', k, 0, v[k]);
    count[c + 1]++;
  }
  for (let c = 0; c < cols; c++) count[c + 1] += count[c];
  // bucket by column, then sort each column by row and merge duplicates
  const next = count.slice(0, cols);
  const ri = new Int32Array(nz);
  const vv = new Float64Array(nz);
  for (let k = 0; k < nz; k++) {
    const p = next[j[k]]++;
    ri[p] = i[k];
    vv[p] = v[k];
  }
  const colPtr = new Int32Array(cols + 1);
  const outR: number[] = [];
  const outV: number[] = [];
  const order: number[] = [];
  for (let c = 0; c < cols; c++) {
    order.length = 0;
    for (let p = count[c]; p < count[c + 1]; p++) order.push(p);
    order.sort((a, b) => ri[a] - ri[b]);
    for (let q = 0; q < order.length; q++) {
      const p = order[q];
      if (q > 0 && ri[p] === outR[outR.length - 1]) outV[outV.length - 1] += vv[p];
      else {
        outR.push(ri[p]);
        outV.push(vv[p]);
      }
    }
    colPtr[c + 1] = outR.length;
  }
  return { rows, cols, colPtr, rowIdx: Int32Array.from(outR), values: Float64Array.from(outV) };
}

/** Dense copy of a CSC matrix. */
export function cscToDense(Z: CscMatrix): DenseMatrix {
  const out = dense(Z.rows, Z.cols);
  for (let j = 0; j < Z.cols; j++) {
    for (let k = Z.colPtr[j]; k < Z.colPtr[j + 1]; k++)
      out.data[Z.rowIdx[k] + j * Z.rows] += Z.values[k];
  }
  return out;
}

/** Zx (length Z.rows), O(nnz). */
export function cscTimesVec(Z: CscMatrix, x: ArrayLike<number>): Float64Array {
  assertLength(x, Z.cols, 'x', 'must equal Z.cols');
  const y = new Float64Array(Z.rows);
  for (let j = 0; j < Z.cols; j++) {
    const xj = x[j];
    if (xj === 0) continue;
    for (let k = Z.colPtr[j]; k < Z.colPtr[j + 1]; k++) y[Z.rowIdx[k]] += Z.values[k] * xj;
  }
  return y;
}

/** Zᵀv (length Z.cols), O(nnz). */
export function cscTransposeTimesVec(Z: CscMatrix, v: ArrayLike<number>): Float64Array {
  assertLength(v, Z.rows, 'v', 'must equal Z.rows');
  const y = new Float64Array(Z.cols);
  for (let j = 0; j < Z.cols; j++) {
    let s = 0;
    for (let k = Z.colPtr[j]; k < Z.colPtr[j + 1]; k++) s += Z.values[k] * v[Z.rowIdx[k]];
    y[j] = s;
  }
  return y;
}

/** ZᵀWX (Z.cols × X.cols) with W = diag(w) (identity when w is omitted), O(nnz · X.cols). */
export function cscTransposeTimesDense(
  Z: CscMatrix,
  X: DenseMatrix,
  w?: ArrayLike<number>,
): DenseMatrix {
  if (X.rows !== Z.rows)
    throw new DimensionError(`X has ${X.rows} rows, expected Z.rows = ${Z.rows}`);
  if (w !== undefined) assertLength(w, Z.rows, 'w', 'must equal Z.rows');
  const q = Z.cols;
  const n = Z.rows;
  const out = dense(q, X.cols);
  for (let c = 0; c < X.cols; c++) {
    const xo = c * n;
    for (let j = 0; j < q; j++) {
      let s = 0;
      for (let k = Z.colPtr[j]; k < Z.colPtr[j + 1]; k++) {
        const r = Z.rowIdx[k];
        s += Z.values[k] * (w === undefined ? 1 : w[r]) * X.data[xo + r];
      }
      out.data[j + c * q] = s;
    }
  }
  return out;
}

/** The row-compressed form (CSR) of Z, i.e. the CSC form of Zᵀ. */
export function cscTranspose(Z: CscMatrix): CscMatrix {
  const nnz = Z.colPtr[Z.cols];
  const ptr = new Int32Array(Z.rows + 1);
  for (let k = 0; k < nnz; k++) ptr[Z.rowIdx[k] + 1]++;
  for (let r = 0; r < Z.rows; r++) ptr[r + 1] += ptr[r];
  const next = ptr.slice(0, Z.rows);
  const idx = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  for (let j = 0; j < Z.cols; j++) {
    for (let k = Z.colPtr[j]; k < Z.colPtr[j + 1]; k++) {
      const p = next[Z.rowIdx[k]]++;
      idx[p] = j;
      val[p] = Z.values[k];
    }
  }
  return { rows: Z.cols, cols: Z.rows, colPtr: ptr, rowIdx: idx, values: val };
}

/** Options of `cscCrossprod`. */
export interface CscCrossprodOptions {
  /** Row weights W = diag(w); identity when omitted. */
  readonly w?: ArrayLike<number>;
}

/**
 * ZᵀWZ (Z.cols × Z.cols, symmetric, both triangles) as a CSC matrix, by Gustavson's
 * row-merge: column j gathers Σ_i Z_ik w_i Z_ij over the rows i where column j is nonzero.
 * Cost O(Σ_i nnz(row i)²).
 */
export function cscCrossprod(Z: CscMatrix, opts: CscCrossprodOptions = {}): CscMatrix {
  const w = opts.w;
  if (w !== undefined) assertLength(w, Z.rows, 'w', 'must equal Z.rows');
  const R = cscTranspose(Z); // column i of R = row i of Z
  const q = Z.cols;
  const acc = new Float64Array(q);
  const mark = new Int32Array(q).fill(-1);
  const colPtr = new Int32Array(q + 1);
  const rowIdx: number[] = [];
  const values: number[] = [];
  const pattern: number[] = [];
  for (let j = 0; j < q; j++) {
    pattern.length = 0;
    for (let k = Z.colPtr[j]; k < Z.colPtr[j + 1]; k++) {
      const i = Z.rowIdx[k];
      const zij = Z.values[k] * (w === undefined ? 1 : w[i]);
      for (let t = R.colPtr[i]; t < R.colPtr[i + 1]; t++) {
        const c = R.rowIdx[t];
        if (mark[c] !== j) {
          mark[c] = j;
          acc[c] = 0;
          pattern.push(c);
        }
        acc[c] += R.values[t] * zij;
      }
    }
    pattern.sort((a, b) => a - b);
    for (const c of pattern) {
      rowIdx.push(c);
      values.push(acc[c]);
    }
    colPtr[j + 1] = rowIdx.length;
  }
  return {
    rows: q,
    cols: q,
    colPtr,
    rowIdx: Int32Array.from(rowIdx),
    values: Float64Array.from(values),
  };
}

/** ZᵀWZ as a dense q × q matrix (for small q, e.g. random-effects blocks). */
export function cscCrossprodDense(Z: CscMatrix, opts: CscCrossprodOptions = {}): DenseMatrix {
  return cscToDense(cscCrossprod(Z, opts));
}

/** Throws unless `Z` is a structurally valid CSC matrix (monotone pointers, sorted rows). */
export function assertCsc(Z: CscMatrix, arg: string): void {
  if (Z.colPtr.length !== Z.cols + 1 || Z.colPtr[0] !== 0)
    throw new LinalgError(`${arg}.colPtr must have length cols + 1 = ${Z.cols + 1} and start at 0`);
  for (let j = 0; j < Z.cols; j++) {
    if (Z.colPtr[j + 1] < Z.colPtr[j])
      throw new LinalgError(`${arg}.colPtr decreases at column ${j}`);
    for (let k = Z.colPtr[j]; k < Z.colPtr[j + 1]; k++) {
      const r = Z.rowIdx[k];
      if (r < 0 || r >= Z.rows || (k > Z.colPtr[j] && r <= Z.rowIdx[k - 1]))
        throw new LinalgError(
          `${arg}.rowIdx[${k}] = ${r} is out of range or not increasing in column ${j}`,
        );
    }
  }
}
