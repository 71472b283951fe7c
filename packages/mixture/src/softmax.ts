/**
 * In place: l_k <- exp(l_k - m) / s with m = max_k l_k and s = sum_k exp(l_k - m), the
 * posterior weights of one observation from its log joint densities; returns
 * log sum_k exp(l_k) = m + log s (log-sum-exp with the maximum factored out).
 */
export function softmaxInPlace(l: Float64Array): number {
  const K = l.length;
  let m = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < K; k++) if (l[k]! > m) m = l[k]!;
  let s = 0;
  for (let k = 0; k < K; k++) {
    const e = Math.exp(l[k]! - m);
    l[k] = e;
    s += e;
  }
  for (let k = 0; k < K; k++) l[k] = l[k]! / s;
  return m + Math.log(s);
}
