import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Standard normal upper tail P(Z > z), computed as Phi(-z) so tiny tails keep precision. */
export function pnormUpper(z: number): number {
  return normalCdf(-z, 0, 1);
}

/** Standard normal cdf Phi(z). */
export function pnorm(z: number): number {
  return normalCdf(z, 0, 1);
}

/** Standard normal quantile Phi^{-1}(p). */
export function qnorm(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** Student t quantile with `df` degrees of freedom. */
export function qt(p: number, df: number): number {
  return tQuantile(p, df);
}

/** Two-sided normal p-value 2 * Phi(-|z|) (R's `2 * pnorm(-abs(z))`). */
export function pValueZ(z: number): number {
  return 2 * normalCdf(-Math.abs(z), 0, 1);
}

/** Two-sided t p-value 2 * P(T_df > |t|) (R's `2 * pt(-abs(t), df)`). */
export function pValueT(t: number, df: number): number {
  return 2 * tCdf(-Math.abs(t), df);
}

/**
 * Chi-squared upper tail P(X > x), X ~ chi^2_df, as the regularized upper incomplete gamma
 * Q(df/2, x/2) (R's `pchisq(x, df, lower.tail = FALSE)`), accurate for p down to ~1e-300.
 */
export function pchisqUpper(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/**
 * F upper tail P(F > f), F ~ F(df1, df2), as the regularized incomplete beta
 * I_{df2/(df2 + df1 f)}(df2/2, df1/2) (R's `pf(f, df1, df2, lower.tail = FALSE)`).
 */
export function pfUpper(f: number, df1: number, df2: number): number {
  if (Number.isNaN(f) || !(df1 > 0) || !(df2 > 0)) return Number.NaN;
  if (f <= 0) return 1;
  if (!Number.isFinite(df2)) return pchisqUpper(f * df1, df1);
  const x = df2 / (df2 + df1 * f);
  return betainc(x, df2 / 2, df1 / 2, true, false);
}
