import type { CauchyWork } from './lbfgsb-cauchy.js';
import type { LbfgsMemory } from './lbfgsb-memory.js';

/**
 * Reduced gradient at the Cauchy point z over the free variables (R's `cmprlb`):
 * r = −(theta·(z − x) + g − W M c), or r = −g when the problem is unconstrained (z = x).
 * Writes r[0..nfree−1]; returns false if a solve with M failed. Mutates `r` and `work.v`.
 */
export function reducedGradientInto(
  x: Float64Array,
  z: Float64Array,
  g: Float64Array,
  free: Int32Array,
  nfree: number,
  cnstnd: boolean,
  mem: LbfgsMemory,
  work: CauchyWork,
  r: Float64Array,
): boolean {
  if (!cnstnd) {
    for (let i = 0; i < nfree; i++) r[i] = -g[free[i]];
    return true;
  }
  const col = mem.col;
  const mc = work.v.subarray(0, 2 * col);
  mc.set(work.c.subarray(0, 2 * col));
  if (!mem.applyM(mc)) return false;
  for (let i = 0; i < nfree; i++) {
    const k = free[i];
    let s = -mem.theta * (z[k] - x[k]) - g[k];
    for (let j = 0; j < col; j++) {
      s += mem.Y[j][k] * mc[j] + mem.S[j][k] * mem.theta * mc[col + j];
    }
    r[i] = s;
  }
  return true;
}

/** max_i |P(x − g)_i − x_i| as R's `projgr`: the projected gradient's max-norm. */
export function projectedGradientNorm(
  x: Float64Array,
  g: Float64Array,
  l: Float64Array,
  u: Float64Array,
  nbd: Int32Array,
): number {
  let norm = 0;
  for (let i = 0; i < x.length; i++) {
    let gi = g[i];
    if (nbd[i] !== 0) {
      if (gi < 0) {
        if (nbd[i] >= 2 && gi < x[i] - u[i]) gi = x[i] - u[i];
      } else if (nbd[i] <= 2 && gi > x[i] - l[i]) {
        gi = x[i] - l[i];
      }
    }
    if (Math.abs(gi) > norm) norm = Math.abs(gi);
  }
  return norm;
}

/**
 * Move z (the Cauchy point) along the subspace direction d (free components) as far as the box
 * allows, up to a full step (R 2.3 `subsm`: backtrack to the feasible region). Mutates z and d.
 */
export function truncateInPlace(
  z: Float64Array,
  d: Float64Array,
  free: Int32Array,
  nfree: number,
  l: Float64Array,
  u: Float64Array,
  nbd: Int32Array,
): void {
  let alpha = 1;
  let temp1 = alpha;
  let ibd = -1;
  for (let i = 0; i < nfree; i++) {
    const k = free[i];
    const dk = d[i];
    if (nbd[k] !== 0) {
      if (dk < 0 && nbd[k] <= 2) {
        const temp2 = l[k] - z[k];
        if (temp2 >= 0) temp1 = 0;
        else if (dk * alpha < temp2) temp1 = temp2 / dk;
      } else if (dk > 0 && nbd[k] >= 2) {
        const temp2 = u[k] - z[k];
        if (temp2 <= 0) temp1 = 0;
        else if (dk * alpha > temp2) temp1 = temp2 / dk;
      }
      if (temp1 < alpha) {
        alpha = temp1;
        ibd = i;
      }
    }
  }
  if (alpha < 1 && ibd >= 0) {
    const dk = d[ibd];
    const k = free[ibd];
    if (dk > 0) {
      z[k] = u[k];
      d[ibd] = 0;
    } else if (dk < 0) {
      z[k] = l[k];
      d[ibd] = 0;
    }
  }
  for (let i = 0; i < nfree; i++) z[free[i]] += alpha * d[i];
}
