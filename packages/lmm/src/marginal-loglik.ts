import {
  type DenseMatrix,
  choleskyInPlace,
  dense,
  logDetFromCholesky,
  solveTriangularInPlace,
} from '@likelihood/linalg';
import { LmmInputError } from './errors.js';
import type { ReTermInput } from './re-terms.js';

/**
 * Brute-force marginal log-likelihood of a model with ONE grouping factor (Hoff's
 * `mll.oneway` generalized to vector random effects):
 *
 *   ℓ(β, Σ, σ²) = Σ_j log N(y_j; X_j β, Z_j Σ Z_jᵀ + σ² I),
 *
 * one dense n_j × n_j covariance per group. A test oracle for the profiled deviance; cost
 * Σ_j n_j³, so meant for small groups.
 */
export function marginalLogLik(
  X: DenseMatrix,
  y: ArrayLike<number>,
  term: ReTermInput,
  beta: ArrayLike<number>,
  Sigma: ArrayLike<number>,
  sigma2: number,
): number {
  const n = y.length;
  const p = X.cols;
  const pk = term.Zcols.length;
  if (Sigma.length !== pk * pk) throw new LmmInputError('Sigma', `must be ${pk}×${pk}`);
  if (beta.length !== p)
    throw new LmmInputError('beta', `has length ${beta.length}, X has ${p} columns`);
  const nl = term.group.levels.length;
  const members: number[][] = Array.from({ length: nl }, () => []);
  for (let i = 0; i < n; i++) members[term.group.codes[i]!]!.push(i);
  let ll = 0;
  for (const rows of members) {
    const nj = rows.length;
    if (nj === 0) continue;
    const V = new Float64Array(nj * nj);
    const r = new Float64Array(nj);
    for (let a = 0; a < nj; a++) {
      const ia = rows[a]!;
      let mu = 0;
      for (let c = 0; c < p; c++) mu += X.data[ia + c * n]! * beta[c]!;
      r[a] = y[ia]! - mu;
      for (let b = 0; b <= a; b++) {
        const ib = rows[b]!;
        let s = 0;
        for (let u = 0; u < pk; u++)
          for (let v = 0; v < pk; v++)
            s += term.Zcols[u]![ia]! * Sigma[u + v * pk]! * term.Zcols[v]![ib]!;
        V[a + b * nj] = s + (a === b ? sigma2 : 0);
      }
    }
    const L = dense(nj, nj, V);
    if (!choleskyInPlace(L).ok) return Number.NEGATIVE_INFINITY;
    // log N = −½ (n_j log 2π + log|V| + ‖L⁻¹ r‖²)
    solveTriangularInPlace(L, r, { lower: true });
    let quad = 0;
    for (let a = 0; a < nj; a++) quad += r[a]! * r[a]!;
    ll -= 0.5 * (nj * Math.log(2 * Math.PI) + logDetFromCholesky(L) + quad);
  }
  return ll;
}
