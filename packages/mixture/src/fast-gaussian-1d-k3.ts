import { expAboveCut, UNDERFLOW_CUT } from './fast-exp-table.js';

/** Points per block of the responsibility sums (the accumulators are flushed per block). */
export const STATS_BLOCK = 1024;

/**
 * The fused one-pass E-step of a univariate Gaussian mixture with K = 3 components: for each
 * y_i, d_k = y_i − mu_k, l_k = a_k − b_k d_k², m = max_k l_k, e_k = exp(l_k − m) (1 for the
 * maximising k, 0 below `UNDERFLOW_CUT`, else the inlined `expAboveCut`: K − 1 = 2 exps),
 * s = e_0 + e_1 + e_2, z_k = e_k · (1/s); accumulates n_k += z_k, s1_k += z_k d_k,
 * s2_k += z_k d_k d_k in block-local sums flushed into `nk`, `s1`, `s2` every `STATS_BLOCK`
 * points, and returns l = Σ_i m_i + Σ_blocks log Π_{i in block} s_i (log once per `logBlock`
 * points). Every operation, and the order of every sum, is that of the general component-major
 * kernel of `eStepGaussian1d`, and `expAboveCut` is `expNonPositive` off exact ties, so the
 * result is bit-for-bit the same (tested); what changes is one pass over y with all state in
 * locals (no buffers, no array of arrays, no closure) and the cheaper exp. Adds into `nk`,
 * `s1`, `s2` (mutated; pass zeros).
 */
export function eStepKernelK3(
  y: Float64Array,
  a: Float64Array,
  b: Float64Array,
  mu: ArrayLike<number>,
  logBlockSize: number,
  nk: Float64Array,
  s1: Float64Array,
  s2: Float64Array,
): number {
  const a0 = a[0]!;
  const a1 = a[1]!;
  const a2 = a[2]!;
  const b0 = b[0]!;
  const b1 = b[1]!;
  const b2 = b[2]!;
  const m0 = mu[0]!;
  const m1 = mu[1]!;
  const m2 = mu[2]!;
  const n = y.length;
  let ll = 0;
  let prod = 1;
  let inBlock = 0;
  let N0 = 0;
  let N1 = 0;
  let N2 = 0;
  let U0 = 0;
  let U1 = 0;
  let U2 = 0;
  let V0 = 0;
  let V1 = 0;
  let V2 = 0;
  for (let i0 = 0; i0 < n; i0 += STATS_BLOCK) {
    const end = Math.min(i0 + STATS_BLOCK, n);
    let n0 = 0;
    let n1 = 0;
    let n2 = 0;
    let u0 = 0;
    let u1 = 0;
    let u2 = 0;
    let v0 = 0;
    let v1 = 0;
    let v2 = 0;
    for (let i = i0; i < end; i++) {
      const yi = y[i]!;
      const d0 = yi - m0;
      const d1 = yi - m1;
      const d2 = yi - m2;
      const l0 = a0 - b0 * d0 * d0;
      const l1 = a1 - b1 * d1 * d1;
      const l2 = a2 - b2 * d2 * d2;
      let m = l0;
      if (l1 > m) m = l1;
      if (l2 > m) m = l2;
      const t0 = l0 - m;
      const t1 = l1 - m;
      const t2 = l2 - m;
      const e0 = t0 === 0 ? 1 : t0 < UNDERFLOW_CUT ? 0 : expAboveCut(t0);
      const e1 = t1 === 0 ? 1 : t1 < UNDERFLOW_CUT ? 0 : expAboveCut(t1);
      const e2 = t2 === 0 ? 1 : t2 < UNDERFLOW_CUT ? 0 : expAboveCut(t2);
      const s = e0 + e1 + e2;
      ll += m;
      prod *= s;
      if (++inBlock === logBlockSize) {
        ll += Math.log(prod);
        prod = 1;
        inBlock = 0;
      }
      const inv = 1 / s;
      const z0 = e0 * inv;
      const z1 = e1 * inv;
      const z2 = e2 * inv;
      n0 += z0;
      n1 += z1;
      n2 += z2;
      u0 += z0 * d0;
      u1 += z1 * d1;
      u2 += z2 * d2;
      v0 += z0 * d0 * d0;
      v1 += z1 * d1 * d1;
      v2 += z2 * d2 * d2;
    }
    N0 += n0;
    N1 += n1;
    N2 += n2;
    U0 += u0;
    U1 += u1;
    U2 += u2;
    V0 += v0;
    V1 += v1;
    V2 += v2;
  }
  nk[0] += N0;
  nk[1] += N1;
  nk[2] += N2;
  s1[0] += U0;
  s1[1] += U1;
  s1[2] += U2;
  s2[0] += V0;
  s2[1] += V1;
  s2[2] += V2;
  return ll + Math.log(prod);
}
