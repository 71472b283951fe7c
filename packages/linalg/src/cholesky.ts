import { assertSquare } from './checks.js';
import { assertFinite, copyDense, type DenseMatrix } from './dense.js';
import { NotPositiveDefiniteError } from './errors.js';
import { activeGemmWasm, gemmCore } from './gemm-core.js';
import { packAStrided, packBStrided } from './gemm-pack.js';
import { type GemmWasm, NB_SOLVE, wasmWorkspace } from './gemm-wasm.js';
import {
  factorDiagonalBlock,
  solvePanel,
  solvePanelWasm,
  syrkLowerWasm,
} from './cholesky-panel.js';

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

/** Outer block size: the trailing update A22 −= L21 L21ᵀ has inner dimension NB. */
const NB = 128;
/** Width at which the recursive panel factorization switches to unblocked code. */
const NBI = NB_SOLVE;

/** The WebAssembly kernel with the matrix's resident copy and its panel-packing buffer. */
interface Resident {
  readonly w: GemmWasm;
  readonly pack: Float64Array;
}

/**
 * Cholesky factorization A = LLᵀ in place (LAPACK dpotrf, lower): reads the lower triangle of
 * the symmetric n × n matrix A, overwrites it with L and zeroes the strict upper triangle.
 * Blocked right-looking: each 128-column panel is factored recursively (`factorPanel`, down
 * to 16-column unblocked blocks), then the trailing matrix is updated A22 ← A22 − L21 L21ᵀ
 * (lower triangle only) with the packed, register-tiled kernel. With WebAssembly the work is
 * done on a copy of A in the kernel's memory (copied back at the end), so that the kernels
 * update it in place. On failure (pivot ≤ 0 or NaN at column j) the first j columns hold a
 * valid partial L. Mutates `A`; does not check its input (see `cholesky`).
 */
export function choleskyInPlace(A: DenseMatrix): CholeskyReport {
  const n = A.rows;
  const nn = n * n;
  const w = activeGemmWasm();
  // workspace: the matrix (n² doubles, rounded up to 64 bytes), then one packed panel
  const packAt = Math.ceil(nn / 8) * 8;
  const space = w === null || n < 2 ? null : wasmWorkspace(w, packAt + (n + 4) * NB);
  const res: Resident | null =
    w === null || space === null ? null : { w, pack: space.subarray(packAt) };
  const a = space === null ? A.data : space.subarray(0, nn);
  // only the lower triangle is read (and written) by the factorization
  if (space !== null)
    for (let j = 0; j < n; j++) a.set(A.data.subarray(j * n + j, (j + 1) * n), j * n + j);
  let failedAt = -1;
  let failedPivot = Number.NaN;
  for (let k0 = 0; k0 < n; k0 += NB) {
    const kEnd = Math.min(n, k0 + NB);
    const bad = factorPanel(a, n, k0, kEnd, res);
    if (bad >= 0) {
      failedAt = bad;
      failedPivot = a[bad + bad * n];
      break;
    }
    if (kEnd === n) break;
    // trailing update (lower triangle only): A22 ← A22 − A21 A21ᵀ with A21 = A[kEnd:, k0:kEnd]
    syrkLower(a, n, k0, kEnd, n - kEnd, n - kEnd, res);
  }
  if (space === null) zeroUpper(A.data, n);
  else {
    // L back into A column by column, zeroing the strict upper triangle on the way
    for (let j = 0; j < n; j++) {
      A.data.fill(0, j * n, j * n + j);
      A.data.set(a.subarray(j * n + j, (j + 1) * n), j * n + j);
    }
  }
  const ok = failedAt < 0;
  return { ok, rank: ok ? n : failedAt, failedAt, failedPivot: ok ? Number.NaN : failedPivot };
}

/**
 * Factors the panel A[j0:n, j0:jEnd] (all earlier columns' updates applied) recursively: the
 * left half, then the update of the right half by the left (through the packed kernel, with
 * inner dimension half the panel width), then the right half; at ≤ NBI columns, the unblocked
 * diagonal block and the substitution below it. Returns the failing column or −1.
 */
function factorPanel(
  a: Float64Array,
  n: number,
  j0: number,
  jEnd: number,
  res: Resident | null,
): number {
  const width = jEnd - j0;
  if (width <= NBI) {
    const bad = factorDiagonalBlock(a, n, j0, jEnd);
    if (bad < 0 && jEnd < n) {
      if (res === null) solvePanel(a, n, j0, jEnd);
      else solvePanelWasm(res.w, a, n, j0, jEnd);
    }
    return bad;
  }
  const mid = j0 + Math.max(NBI, 4 * Math.round(width / 8));
  const bad = factorPanel(a, n, j0, mid, res);
  if (bad >= 0) return bad;
  syrkLower(a, n, j0, mid, n - mid, jEnd - mid, res);
  return factorPanel(a, n, mid, jEnd, res);
}

/**
 * C ← C − L21 L21ᵀ on the lower triangle of the m × nc block C = A[r0:r0+m, r0:r0+nc], where
 * L21 = A[r0:r0+m, c0:r0] (the columns just factored) and r0 = the first row below them.
 */
function syrkLower(
  a: Float64Array,
  n: number,
  c0: number,
  r0: number,
  m: number,
  nc: number,
  res: Resident | null,
): void {
  if (res !== null) {
    syrkLowerWasm(res.w, a, n, c0, r0, m, nc, res.pack);
    return;
  }
  const off = r0 + c0 * n;
  gemmCore(
    m,
    nc,
    r0 - c0,
    -1,
    packAStrided(a, off, 1, n),
    packBStrided(a, off, n, 1),
    a,
    r0 + r0 * n,
    n,
    'lower',
  );
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
