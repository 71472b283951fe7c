import { assertSquare } from './checks.js';
import { assertFinite, copyDense, type DenseMatrix } from './dense.js';
import { NotPositiveDefiniteError } from './errors.js';
import { gemmCore, packAStrided, packBStrided } from './gemm-core.js';

/** Outcome of an in-place Cholesky factorization. */
export interface CholeskyReport {
  /** True when A was numerically positive definite and A = LLᵀ holds in full. */
  readonly ok: boolean;
  /** Number of leading columns of L that were computed (n when ok). */
  readonly rank: number;
  /** 0-based index of the first non-positive pivot, −1 when ok. */
  readonly failedAt: number;
  /** The non-positive (or NaN) pivot A_jj − Σ_k L_jk² at `failedAt`, NaN when ok. */
  readonly failedPivot: number;
}

/** Block size of the right-looking blocked factorization. */
const NB = 64;

/**
 * Cholesky factorization A = LLᵀ in place (LAPACK dpotrf, lower): reads the lower triangle of
 * the symmetric n × n matrix A, overwrites it with L and zeroes the strict upper triangle.
 * Blocked right-looking: factor a 64-column diagonal block, solve the panel below it, then
 * update the trailing matrix A22 ← A22 − L21 L21ᵀ with the packed, register-tiled kernel.
 * On failure (pivot ≤ 0 or NaN at column j) the first j columns hold a valid partial L.
 * Mutates `A`; does not check its input (see `cholesky`).
 */
export function choleskyInPlace(A: DenseMatrix): CholeskyReport {
  const n = A.rows;
  const a = A.data;
  let failedAt = -1;
  let failedPivot = Number.NaN;
  outer: for (let k0 = 0; k0 < n; k0 += NB) {
    const kb = Math.min(NB, n - k0);
    const kEnd = k0 + kb;
    // unblocked left-looking factorization of the diagonal block A[k0:kEnd, k0:kEnd]
    for (let j = k0; j < kEnd; j++) {
      const cj = j * n;
      for (let c = k0; c < j; c++) {
        const cc = c * n;
        const ljc = a[j + cc];
        if (ljc === 0) continue;
        for (let i = j; i < kEnd; i++) a[i + cj] -= ljc * a[i + cc];
      }
      const d = a[j + cj];
      if (!(d > 0)) {
        failedAt = j;
        failedPivot = d;
        break outer;
      }
      const ljj = Math.sqrt(d);
      a[j + cj] = ljj;
      const inv = 1 / ljj;
      for (let i = j + 1; i < kEnd; i++) a[i + cj] *= inv;
    }
    if (kEnd === n) break;
    // panel: A21 ← A21 L11⁻ᵀ, column by column
    for (let j = k0; j < kEnd; j++) {
      const cj = j * n;
      for (let c = k0; c < j; c++) {
        const cc = c * n;
        const ljc = a[j + cc];
        if (ljc === 0) continue;
        for (let i = kEnd; i < n; i++) a[i + cj] -= ljc * a[i + cc];
      }
      const inv = 1 / a[j + cj];
      for (let i = kEnd; i < n; i++) a[i + cj] *= inv;
    }
    // trailing update (lower triangle only): A22 ← A22 − A21 A21ᵀ
    const m2 = n - kEnd;
    const off21 = kEnd + k0 * n;
    gemmCore(
      m2,
      m2,
      kb,
      -1,
      packAStrided(a, off21, 1, n),
      packBStrided(a, off21, n, 1),
      a,
      kEnd + kEnd * n,
      n,
      'lower',
    );
  }
  zeroUpper(a, n);
  const ok = failedAt < 0;
  return { ok, rank: ok ? n : failedAt, failedAt, failedPivot: ok ? Number.NaN : failedPivot };
}

function zeroUpper(a: Float64Array, n: number): void {
  for (let j = 1; j < n; j++) a.fill(0, j * n, j * n + j);
}

/**
 * Lower Cholesky factor L of the symmetric positive definite A (only A's lower triangle is
 * read): A = LLᵀ. Throws `NotSquareError`, `NonFiniteError` or `NotPositiveDefiniteError`
 * (naming `A` and the failing index).
 */
export function cholesky(A: DenseMatrix): DenseMatrix {
  assertSquare(A, 'A');
  assertFinite(A, 'A');
  const L = copyDense(A);
  const r = choleskyInPlace(L);
  if (!r.ok) throw new NotPositiveDefiniteError('A', r.failedAt, r.failedPivot);
  return L;
}

/** Result of `pivotedCholesky`: P ᵀ A P = LLᵀ with P the permutation `pivot`. */
export interface PivotedCholesky {
  /** n × n lower triangular; columns ≥ rank are zero. */
  readonly L: DenseMatrix;
  /** 0-based: A[pivot[i], pivot[j]] = (LLᵀ)_ij. */
  readonly pivot: Int32Array;
  /** Numerical rank: pivots stopped when the largest remaining diagonal fell to ≤ tol. */
  readonly rank: number;
}

/**
 * Cholesky with complete (diagonal) pivoting (LAPACK dpstrf semantics) of the symmetric positive
 * semi-definite A (lower triangle read): at step j the largest remaining diagonal
 * A_qq − Σ_{k<j} L_qk² is moved to position j; stops when it is ≤ tol.
 * Default tol = n · ε · max_i A_ii (LAPACK's default).
 */
export function pivotedCholesky(A: DenseMatrix, tol?: number): PivotedCholesky {
  assertSquare(A, 'A');
  assertFinite(A, 'A');
  const n = A.rows;
  const W = copyDense(A);
  const a = W.data;
  const pivot = new Int32Array(n);
  for (let i = 0; i < n; i++) pivot[i] = i;
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, a[i + i * n]);
  const tolerance = tol ?? n * Number.EPSILON * maxDiag;
  let rank = n;
  for (let j = 0; j < n; j++) {
    // the trailing matrix is kept updated (right-looking), so its diagonal is the Schur diagonal
    let q = j;
    for (let i = j + 1; i < n; i++) if (a[i + i * n] > a[q + q * n]) q = i;
    const d = a[q + q * n];
    if (!(d > tolerance)) {
      rank = j;
      break;
    }
    if (q !== j) {
      symmetricSwapLower(a, n, j, q);
      const t = pivot[j];
      pivot[j] = pivot[q];
      pivot[q] = t;
    }
    const ljj = Math.sqrt(d);
    const cj = j * n;
    a[j + cj] = ljj;
    for (let i = j + 1; i < n; i++) a[i + cj] /= ljj;
    for (let k = j + 1; k < n; k++) {
      const lkj = a[k + cj];
      if (lkj === 0) continue;
      const ck = k * n;
      for (let i = k; i < n; i++) a[i + ck] -= a[i + cj] * lkj;
    }
  }
  // zero the upper triangle and the unfactored trailing block
  for (let j = 0; j < n; j++) {
    const cj = j * n;
    a.fill(0, cj, cj + j);
    if (j >= rank) a.fill(0, cj + j, cj + n);
  }
  return { L: W, pivot, rank };
}

/** Swaps rows/columns j < q of a symmetric matrix stored in its lower triangle (dpstf2). */
function symmetricSwapLower(a: Float64Array, n: number, j: number, q: number): void {
  let t: number;
  for (let c = 0; c < j; c++) {
    t = a[j + c * n];
    a[j + c * n] = a[q + c * n];
    a[q + c * n] = t;
  }
  t = a[j + j * n];
  a[j + j * n] = a[q + q * n];
  a[q + q * n] = t;
  for (let i = j + 1; i < q; i++) {
    t = a[i + j * n];
    a[i + j * n] = a[q + i * n];
    a[q + i * n] = t;
  }
  for (let i = q + 1; i < n; i++) {
    t = a[i + j * n];
    a[i + j * n] = a[i + q * n];
    a[i + q * n] = t;
  }
}
