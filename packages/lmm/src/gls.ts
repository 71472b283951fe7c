import {
  type DenseMatrix,
  chol2inv,
  choleskyInPlace,
  choleskySolve,
  copyDense,
  crossprod,
  dense,
  gemv,
  solveTriangularInPlace,
  toMatrix,
} from '@likelihood/linalg';
import type { Matrix } from 'ml-matrix';
import { LmmInputError } from './errors.js';

/** Result of generalized least squares. */
export interface GlsResult {
  readonly beta: Float64Array;
  /** (XᵀV⁻¹X)⁻¹: the covariance of β̂ when V is the covariance of y. */
  readonly covBeta: Matrix;
}

/** Lower Cholesky factor of a copy of the symmetric A; throws naming `arg` if not PD. */
function cholCopy(A: DenseMatrix, arg: string): DenseMatrix {
  const L = copyDense(A);
  const r = choleskyInPlace(L);
  if (!r.ok) throw new LmmInputError(arg, `is not positive definite (pivot ${r.failedAt})`);
  return L;
}

/**
 * GLS for β given V (seed 003): β̂ = (XᵀV⁻¹X)⁻¹ XᵀV⁻¹y, computed by whitening with the Cholesky
 * factor of V (V = LLᵀ; X̃ = L⁻¹X, ỹ = L⁻¹y; β̂ = (X̃ᵀX̃)⁻¹ X̃ᵀỹ). Dense: O(n³).
 */
export function gls(X: DenseMatrix, y: ArrayLike<number>, V: DenseMatrix): GlsResult {
  const n = X.rows;
  if (y.length !== n) throw new LmmInputError('y', `has length ${y.length}, X has ${n} rows`);
  if (V.rows !== n || V.cols !== n) throw new LmmInputError('V', `must be ${n}×${n}`);
  const L = cholCopy(V, 'V');
  const Xt = solveTriangularInPlace(L, copyDense(X), { lower: true });
  const yt = solveTriangularInPlace(L, Float64Array.from(y), { lower: true });
  const Ginv = chol2inv(cholCopy(crossprod(Xt), "X'V^-1X"));
  const beta = gemv(Ginv, gemv(Xt, yt, { trans: true }));
  return { beta, covBeta: toMatrix(Ginv) };
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
  if (y.length !== n) throw new LmmInputError('y', `has length ${y.length}, X has ${n} rows`);
  const Ginv = chol2inv(cholCopy(G, 'G')).data;
  const k = p + q;
  const W = dense(n, k);
  W.data.set(X.data, 0);
  W.data.set(Z.data, n * p);
  const C = crossprod(W);
  for (let b = 0; b < q; b++)
    for (let a = 0; a < q; a++) C.data[p + a + (p + b) * k]! += sigma2 * Ginv[a + b * q]!;
  const rhs = gemv(W, y, { trans: true });
  const sol = choleskySolve(cholCopy(C, 'the mixed model equations matrix'), rhs);
  return { beta: sol.slice(0, p), b: sol.slice(p) };
}
