import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * Upper tail P(χ²_df > x) = Q(df/2, x/2), the regularized upper incomplete gamma function
 * (accurate far into the tail, unlike 1 − cdf).
 */
export function chisqUpper(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/** Upper tail P(F_{d1,d2} > f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2), regularized incomplete beta. */
export function fUpper(f: number, d1: number, d2: number): number {
  if (f <= 0) return 1;
  return betainc(d2 / (d2 + d1 * f), d2 / 2, d1 / 2, true, false);
}
