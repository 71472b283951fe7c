/**
 * ψ₁(x) = d²/dx² log Γ(x) for x > 0. Written here because @stdlib has digamma but no trigamma.
 * Recurrence ψ₁(x) = ψ₁(x + 1) + 1/x² up to x ≥ 20, then the asymptotic series
 * ψ₁(x) ≈ 1/x + 1/(2x²) + Σ_k B_{2k}/x^{2k+1} (Bernoulli numbers, through B₁₂), whose first
 * omitted term is below 1e-18 at x = 20. NaN for x ≤ 0 or NaN.
 */
export function trigamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let acc = 0;
  while (x < 20) {
    acc += 1 / (x * x);
    x += 1;
  }
  const z = 1 / (x * x);
  // B2 = 1/6, B4 = −1/30, B6 = 1/42, B8 = −1/30, B10 = 5/66, B12 = −691/2730
  const tail =
    z * (1 / 6 + z * (-1 / 30 + z * (1 / 42 + z * (-1 / 30 + z * (5 / 66 + z * (-691 / 2730))))));
  return acc + 1 / x + z / 2 + tail / x;
}
