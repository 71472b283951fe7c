import { expAboveCut, UNDERFLOW_CUT } from './fast-exp-table.js';

/** Points per block whose sums s_i are multiplied before one log: K^block stays below e^600. */
export function logBlock(K: number): number {
  return K <= 1 ? 1024 : Math.max(1, Math.min(1024, Math.floor(600 / Math.log(K))));
}

/** The running log-likelihood of a blocked E-step: `ll` so far and a pending product of s_i. */
export interface LogLikAccumulator {
  ll: number;
  prod: number;
  inBlock: number;
}

/**
 * One block of a component-major E-step, IN PLACE: from log joint densities l_ik in
 * `buf[k * B + j]` (j < len) and row maxima `M[j]` = m_i, writes e_ik = exp(l_ik - m_i) (1 at
 * the maximum, 0 below `UNDERFLOW_CUT`) over buf and S[j] <- 1 / s_i with s_i = sum_k e_ik, so
 * z_ik = buf[k * B + j] * S[j]. Adds sum_i (m_i + log s_i) to `acc` (mutated), taking one log
 * per `block` products of s_i; the caller adds `log(acc.prod)` after the last block.
 */
export function normalizeBlockInPlace(
  buf: Float64Array,
  M: Float64Array,
  S: Float64Array,
  K: number,
  B: number,
  len: number,
  block: number,
  acc: LogLikAccumulator,
): void {
  S.fill(0, 0, len);
  for (let k = 0; k < K; k++) {
    const o = k * B;
    for (let j = 0; j < len; j++) {
      const t = buf[o + j]! - M[j]!;
      const v = t === 0 ? 1 : t < UNDERFLOW_CUT ? 0 : expAboveCut(t);
      buf[o + j] = v;
      S[j] += v;
    }
  }
  let { ll, prod, inBlock } = acc;
  for (let j = 0; j < len; j++) {
    ll += M[j]!;
    prod *= S[j]!;
    if (++inBlock === block) {
      ll += Math.log(prod);
      prod = 1;
      inBlock = 0;
    }
    S[j] = 1 / S[j]!;
  }
  acc.ll = ll;
  acc.prod = prod;
  acc.inBlock = inBlock;
}
