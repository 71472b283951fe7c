import normal from '@stdlib/random-base-normal';
import { choleskyInPlace, dense } from '@likelihood/linalg';
import { LmmInputError } from './errors.js';
import type { LmmFit } from './lmm-fit.js';
import { lambdaTimes } from './pls-solution.js';

/** A seeded standard-normal generator (MT19937 via @stdlib/random-base-normal). */
export function standardNormal(seed: number): () => number {
  if (!Number.isInteger(seed) || seed < 1 || seed > 4294967295)
    throw new LmmInputError('seed', `must be an integer in 1 … 2³²−1, got ${seed}`);
  return normal.factory(0, 1, { seed });
}

/**
 * lme4's `simulate(fit)`: `nsim` responses from the fitted model,
 * y* = Xβ̂ + Z Λ_θ̂ (σ̂ u*) + σ̂ ε*, u* ~ N(0, I_q), ε* ~ N(0, I_n), seeded.
 */
export function simulateLmm(fit: LmmFit, nsim: number, seed: number): Float64Array[] {
  if (!Number.isInteger(nsim) || nsim < 1)
    throw new LmmInputError('nsim', `must be a positive integer, got ${nsim}`);
  const z = standardNormal(seed);
  const sys = fit.system;
  const { n, p, terms, X } = sys;
  const q = terms.reduce((s, t) => s + t.q, 0);
  const eta = new Float64Array(n);
  for (let j = 0; j < p; j++)
    for (let i = 0; i < n; i++) eta[i]! += X.data[i + j * n]! * fit.beta[j]!;
  const out: Float64Array[] = [];
  const u = new Float64Array(q);
  for (let s = 0; s < nsim; s++) {
    for (let k = 0; k < q; k++) u[k] = fit.sigma * z();
    const b = lambdaTimes(sys, fit.theta, u);
    const y = Float64Array.from(eta);
    for (const t of terms) {
      const codes = t.group.codes;
      for (let a = 0; a < t.p; a++) {
        const za = t.Zcols[a]!;
        for (let i = 0; i < n; i++) y[i]! += za[i]! * b[t.offset + codes[i]! * t.p + a]!;
      }
    }
    for (let i = 0; i < n; i++) y[i]! += fit.sigma * z();
    out.push(y);
  }
  return out;
}

/** Specification of a two-level hierarchical normal model (seed 002). */
export interface HierarchicalSpec {
  /** n_l, the number of units in each of the L groups. */
  readonly groupSizes: readonly number[];
  /** Overall mean (length d: 1 univariate, 2 bivariate, …). */
  readonly mean: readonly number[];
  /** Between-group covariance V (d×d, row-major): M_l ~ N_d(mean, V). */
  readonly V: readonly number[];
  /** Within-group covariance Σ (d×d, row-major): X_lj | M_l ~ N_d(M_l, Σ). */
  readonly Sigma: readonly number[];
}

/** Draws of a hierarchical model: `X[k]` is dimension k of every unit; `group` its group. */
export interface HierarchicalDraw {
  readonly X: Float64Array[];
  readonly group: Int32Array;
  /** The group effects M_l (`M[k][l]`). */
  readonly M: Float64Array[];
}

function cholRowMajor(A: readonly number[], d: number, arg: string): Float64Array {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) L[i + j * d] = A[i * d + j]!;
  // allow a zero matrix (degenerate level): treat as L = 0
  if (A.every((v) => v === 0)) return new Float64Array(d * d);
  if (!choleskyInPlace(dense(d, d, L)).ok)
    throw new LmmInputError(arg, 'must be positive definite');
  return L;
}

/**
 * Simulates the hierarchical normal model of seed 002: M_l ~ N_d(μ, V) independently, then
 * X_lj | M_l ~ N_d(M_l, Σ) conditionally independent (so Corr(X_lj, X_lk) = τ²/(σ² + τ²) in
 * the univariate case). Stacking a further level is a matter of using the draws as means.
 */
export function simulateHierarchical(spec: HierarchicalSpec, seed: number): HierarchicalDraw {
  const d = spec.mean.length;
  if (spec.V.length !== d * d) throw new LmmInputError('V', `must have ${d * d} entries`);
  if (spec.Sigma.length !== d * d) throw new LmmInputError('Sigma', `must have ${d * d} entries`);
  const LV = cholRowMajor(spec.V, d, 'V');
  const LS = cholRowMajor(spec.Sigma, d, 'Sigma');
  const z = standardNormal(seed);
  const L = spec.groupSizes.length;
  const N = spec.groupSizes.reduce((s, v) => s + v, 0);
  const X = Array.from({ length: d }, () => new Float64Array(N));
  const M = Array.from({ length: d }, () => new Float64Array(L));
  const group = new Int32Array(N);
  const e = new Float64Array(d);
  const draw = (Lc: Float64Array, out: (k: number, v: number) => void) => {
    for (let k = 0; k < d; k++) e[k] = z();
    for (let r = 0; r < d; r++) {
      let s = 0;
      for (let c = 0; c <= r; c++) s += Lc[r + c * d]! * e[c]!;
      out(r, s);
    }
  };
  let i = 0;
  for (let l = 0; l < L; l++) {
    draw(LV, (k, v) => {
      M[k]![l] = spec.mean[k]! + v;
    });
    for (let j = 0; j < spec.groupSizes[l]!; j++) {
      draw(LS, (k, v) => {
        X[k]![i] = M[k]![l]! + v;
      });
      group[i++] = l;
    }
  }
  return { X, group, M };
}
