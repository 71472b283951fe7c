import { assertSquare } from './checks.js';
import { cholesky } from './cholesky.js';
import { type DenseMatrix, dense } from './dense.js';
import { SingularMatrixError } from './errors.js';
import { crossprod } from './gemm.js';
import { solveTriangular, trsvKernel } from './triangular.js';

/**
 * Solves (LLᵀ)x = b given the lower Cholesky factor L: L y = b, then Lᵀ x = y. One right-hand
 * side (Float64Array) or many (DenseMatrix columns); returns a new solution.
 */
export function choleskySolve<B extends Float64Array | DenseMatrix>(L: DenseMatrix, b: B): B {
  const y = solveTriangular(L, b, { lower: true });
  const n = L.rows;
  if (y instanceof Float64Array) trsvKernel(L.data, n, true, true, y, 0);
  else {
    const M = y as DenseMatrix;
    for (let j = 0; j < M.cols; j++) trsvKernel(L.data, n, true, true, M.data, j * n);
  }
  return y;
}

/** Options of `chol2inv`. */
export interface Chol2invOptions {
  /** The factor is upper triangular R with A = RᵀR (R's `chol()` convention). Default false. */
  readonly upper?: boolean;
}

/**
 * Inverse of A from its Cholesky factor (R's `chol2inv`): (LLᵀ)⁻¹ = L⁻ᵀL⁻¹ for lower L, or
 * (RᵀR)⁻¹ = R⁻¹R⁻ᵀ for upper R (`{ upper: true }`). Only the named triangle is read.
 * Returns a new symmetric matrix (both triangles).
 */
export function chol2inv(F: DenseMatrix, opts: Chol2invOptions = {}): DenseMatrix {
  assertSquare(F, 'F');
  const n = F.rows;
  const f = F.data;
  // Linv = L⁻¹ (lower), with L = F or Fᵀ
  const Linv = dense(n, n);
  const li = Linv.data;
  const upper = opts.upper ?? false;
  const l = (i: number, j: number): number => (upper ? f[j + i * n] : f[i + j * n]);
  for (let i = 0; i < n; i++) {
    const d = l(i, i);
    if (d === 0 || !Number.isFinite(d)) throw new SingularMatrixError('F', i, d);
  }
  // column j of L⁻¹ solves L x = e_j, with x_i = 0 for i < j
  const Lc = dense(n, n);
  const lc = Lc.data;
  for (let j = 0; j < n; j++) for (let i = j; i < n; i++) lc[i + j * n] = l(i, j);
  for (let j = 0; j < n; j++) {
    const cj = j * n;
    li[j + cj] = 1;
    for (let k = j; k < n; k++) {
      const ck = k * n;
      const xk = li[k + cj] / lc[k + ck];
      li[k + cj] = xk;
      if (xk === 0) continue;
      for (let i = k + 1; i < n; i++) li[i + cj] -= xk * lc[i + ck];
    }
  }
  return crossprod(Linv);
}

/** log det A = 2 Σ_i log L_ii from the Cholesky factor L (or R) of A. */
export function logDetFromCholesky(L: DenseMatrix): number {
  assertSquare(L, 'L');
  const n = L.rows;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(L.data[i + i * n]);
  return 2 * s;
}

/** A⁻¹ of a symmetric positive definite A via its Cholesky factor (throws if not PD). */
export function inverseSpd(A: DenseMatrix): DenseMatrix {
  return chol2inv(cholesky(A));
}
