import { choleskyInPlace, type DenseMatrix } from '@likelihood/linalg';
import { Matrix } from 'ml-matrix';
import { LmmInputError } from './errors.js';

/** Result of generalized least squares. */
export interface GlsResult {
  readonly beta: Float64Array;
  /** (XᵀV⁻¹X)⁻¹: the covariance of β̂ when V is the covariance of y. */
  readonly covBeta: Matrix;
}

/** In-place lower Cholesky of a copy of a symmetric matrix; throws naming `arg` if not PD. */
function cholCopy(A: DenseMatrix, arg: string): Float64Array {
  const L = Float64Array.from(A.data);
  const r = choleskyInPlace({ rows: A.rows, cols: A.cols, data: L });
  if (!r.ok) throw new LmmInputError(arg, `is not positive definite (pivot ${r.failedAt})`);
  return L;
}

/** Solves L z = b in place (L lower, n×n column-major). */
function forwardInPlace(L: Float64Array, n: number, b: Float64Array, off: number): void {
  for (let i = 0; i < n; i++) {
    let s = b[off + i]!;
    for (let k = 0; k < i; k++) s -= L[i + k * n]! * b[off + k]!;
    b[off + i] = s / L[i + i * n]!;
  }
}

/**
 * GLS for β given V (seed 003): β̂ = (XᵀV⁻¹X)⁻¹ XᵀV⁻¹y, computed by whitening with the Cholesky
 * factor of V (V = LLᵀ; X̃ = L⁻¹X, ỹ = L⁻¹y; β̂ solves X̃ᵀX̃ β = X̃ᵀỹ). Dense: O(n³).
 */
export function gls(X: DenseMatrix, y: ArrayLike<number>, V: DenseMatrix): GlsResult {
  const n = X.rows;
  const p = X.cols;
  if (y.length !== n) throw new LmmInputError('y', `has length ${y.length}, X has ${n} rows`);
  if (V.rows !== n || V.cols !== n) throw new LmmInputError('V', `must be ${n}×${n}`);
  const L = cholCopy(V, 'V');
  const Xt = Float64Array.from(X.data);
  for (let j = 0; j < p; j++) forwardInPlace(L, n, Xt, j * n);
  const yt = Float64Array.from(y as ArrayLike<number>);
  forwardInPlace(L, n, yt, 0);
  const G = new Float64Array(p * p);
  const c = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Xt[i + a * n]! * Xt[i + b * n]!;
      G[a + b * p] = s;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += Xt[i + a * n]! * yt[i]!;
    c[a] = s;
  }
  const cov = new Matrix(p, p);
  const Gm = new Matrix(p, p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) Gm.set(a, b, G[a + b * p]!);
  const Ginv = inverseSpdMatrix(Gm);
  const beta = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let s = 0;
    for (let b = 0; b < p; b++) {
      cov.set(a, b, Ginv.get(a, b));
      s += Ginv.get(a, b) * c[b]!;
    }
    beta[a] = s;
  }
  return { beta, covBeta: cov };
}

/** Inverse of a small SPD ml-matrix via Cholesky. */
function inverseSpdMatrix(A: Matrix): Matrix {
  const n = A.rows;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i + j * n] = A.get(i, j);
  const L = cholCopy({ rows: n, cols: n, data }, "X'V^-1X");
  const out = new Matrix(n, n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    forwardInPlace(L, n, e, 0);
    // back: Lᵀ x = e
    for (let i = n - 1; i >= 0; i--) {
      let s = e[i]!;
      for (let k = i + 1; k < n; k++) s -= L[k + i * n]! * e[k]!;
      e[i] = s / L[i + i * n]!;
    }
    for (let i = 0; i < n; i++) out.set(i, j, e[i]!);
  }
  return out;
}

/** Solution of Henderson's mixed model equations. */
export interface MmeResult {
  /** BLUE of β. */
  readonly beta: Float64Array;
  /** BLUP of b. */
  readonly b: Float64Array;
}

/**
 * Henderson's mixed model equations (seed 003) for y = Xβ + Zb + e, b ~ N(0, G), e ~ N(0, σ²I):
 *
 *   [XᵀX, XᵀZ; ZᵀX, ZᵀZ + σ² G⁻¹] [β; b] = [Xᵀy; Zᵀy],
 *
 * solved densely (G must be positive definite). Gives the BLUE β̂ and the BLUP b̂.
 */
export function mixedModelEquations(
  X: DenseMatrix,
  Z: DenseMatrix,
  y: ArrayLike<number>,
  G: DenseMatrix,
  sigma2: number,
): MmeResult {
  const n = X.rows;
  const p = X.cols;
  const q = Z.cols;
  if (Z.rows !== n) throw new LmmInputError('Z', `has ${Z.rows} rows, X has ${n}`);
  if (G.rows !== q || G.cols !== q) throw new LmmInputError('G', `must be ${q}×${q}`);
  const Ginv = inverseSpdMatrix(
    new Matrix(
      Array.from({ length: q }, (_, i) => Array.from({ length: q }, (_, j) => G.data[i + j * q]!)),
    ),
  );
  const k = p + q;
  const W = (i: number, c: number) => (c < p ? X.data[i + c * n]! : Z.data[i + (c - p) * n]!);
  const C = new Matrix(k, k);
  const rhs = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += W(i, a) * W(i, b);
      if (a >= p && b >= p) s += sigma2 * Ginv.get(a - p, b - p);
      C.set(a, b, s);
      C.set(b, a, s);
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += W(i, a) * y[i]!;
    rhs[a] = s;
  }
  const Cinv = inverseSpdMatrix(C);
  const sol = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let b = 0; b < k; b++) s += Cinv.get(a, b) * rhs[b]!;
    sol[a] = s;
  }
  return { beta: sol.slice(0, p), b: sol.slice(p) };
}
