import { assertShape } from './checks.js';
import { type DenseMatrix, dense } from './dense.js';
import { DimensionError } from './errors.js';
import { gemmCore } from './gemm-core.js';
import { packAStrided, packBStrided } from './gemm-pack.js';

/** Options of `gemm`/`gemmInto`: C ← α·op(A)·op(B) + β·C. */
export interface GemmOptions {
  /** Use Aᵀ. Default false. */
  readonly transA?: boolean;
  /** Use Bᵀ. Default false. */
  readonly transB?: boolean;
  /** Default 1. */
  readonly alpha?: number;
  /** Default 0 (C's old contents ignored). Only meaningful for `gemmInto`. */
  readonly beta?: number;
}

/** Matrix product op(A)·op(B) (BLAS dgemm), cache-blocked with a 4 × 4 register tile. */
export function gemm(A: DenseMatrix, B: DenseMatrix, opts: GemmOptions = {}): DenseMatrix {
  const m = opts.transA ? A.cols : A.rows;
  const n = opts.transB ? B.rows : B.cols;
  return gemmInto(dense(m, n), A, B, { ...opts, beta: 0 });
}

/** C ← α·op(A)·op(B) + β·C, writing into (and returning) `C`. Mutates `C`. */
export function gemmInto(
  C: DenseMatrix,
  A: DenseMatrix,
  B: DenseMatrix,
  opts: GemmOptions = {},
): DenseMatrix {
  const transA = opts.transA ?? false;
  const transB = opts.transB ?? false;
  const alpha = opts.alpha ?? 1;
  const beta = opts.beta ?? 0;
  const m = transA ? A.cols : A.rows;
  const k = transA ? A.rows : A.cols;
  const kB = transB ? B.cols : B.rows;
  const n = transB ? B.rows : B.cols;
  if (k !== kB) {
    throw new DimensionError(
      `op(A) is ${m} × ${k} but op(B) is ${kB} × ${n}: inner dimensions differ (A, B)`,
    );
  }
  assertShape(C, m, n, 'C', 'must be op(A).rows × op(B).cols');
  if (C.data === A.data || C.data === B.data) {
    throw new DimensionError('C must not share storage with A or B');
  }
  scaleInPlace(C.data, beta);
  const packA = transA ? packAStrided(A.data, 0, A.rows, 1) : packAStrided(A.data, 0, 1, A.rows);
  const packB = transB ? packBStrided(B.data, 0, B.rows, 1) : packBStrided(B.data, 0, 1, B.rows);
  gemmCore(m, n, k, alpha, packA, packB, C.data, 0, m);
  return C;
}

function scaleInPlace(x: Float64Array, beta: number): void {
  if (beta === 0) x.fill(0);
  else if (beta !== 1) for (let i = 0; i < x.length; i++) x[i] *= beta;
}

/** Copies the upper triangle onto the lower one: C_ji ← C_ij for i < j. Mutates `C`. */
export function symmetrizeUpperInPlace(C: Float64Array, p: number): void {
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < j; i++) C[j + i * p] = C[i + j * p];
  }
}

/** XᵀX (p × p, both triangles filled) as a symmetric rank-k update: only i ≤ j is computed. */
export function crossprod(X: DenseMatrix): DenseMatrix {
  const p = X.cols;
  const C = dense(p, p);
  gemmCore(
    p,
    p,
    X.rows,
    1,
    packAStrided(X.data, 0, X.rows, 1),
    packBStrided(X.data, 0, 1, X.rows),
    C.data,
    0,
    p,
    'upper',
  );
  symmetrizeUpperInPlace(C.data, p);
  return C;
}

/** XXᵀ (n × n, both triangles filled) as a symmetric rank-k update. */
export function tcrossprod(X: DenseMatrix): DenseMatrix {
  const n = X.rows;
  const C = dense(n, n);
  gemmCore(
    n,
    n,
    X.cols,
    1,
    packAStrided(X.data, 0, 1, X.rows),
    packBStrided(X.data, 0, X.rows, 1),
    C.data,
    0,
    n,
    'upper',
  );
  symmetrizeUpperInPlace(C.data, n);
  return C;
}
