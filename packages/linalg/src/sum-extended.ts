/**
 * Σ x_i as R's `sum()` computes it (R accumulates in `long double`, 64-bit significand on
 * x86-64, and rounds to double once), emulated by Neumaier's compensated summation: s + c
 * carries the sum to about 2⁻¹⁰⁶ relative, so the rounded result is the correctly rounded sum,
 * which is also R's except when the exact sum lies within ~n·2⁻⁶⁴ of a rounding tie. Plain
 * left-to-right double summation can differ from R by an ulp, which shows when a figure sits on
 * a print tie (anova's 1241.895). `x` is read in `[from, to)`.
 */
export function sumExtended(x: ArrayLike<number>, from = 0, to = x.length): number {
  let s = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    const v = x[i]!;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}
