/**
 * Exponentially scaled modified Bessel functions of the first kind, i0e(x) = e^{−|x|} I₀(x) and
 * i1e(x) = e^{−|x|} I₁(x), and log I₀. Written here because @stdlib has no I₀/I₁ (only J₀/J₁)
 * and the von Mises log-partition needs them scaled: I₀(κ) overflows for κ > 713.
 *
 * For |x| ≤ 30 the power series I_ν(x) = Σ_k (x/2)^{2k+ν}/(k!(k+ν)!) (positive terms, relative
 * error ≈ k·ε); for |x| > 30 Hankel's asymptotic expansion
 * e^{−x} I_ν(x) ≈ (2πx)^{−1/2} Σ_k (−1)^k a_k(ν)/x^k, a_k(ν) = Π_{j≤k}(4ν² − (2j−1)²)/(k! 8^k),
 * summed until the terms stop decreasing (the smallest term is about e^{−2x} < 1e-26).
 */

const SERIES_LIMIT = 30;

/** Σ_k q^k/(k!(k+ν)!) for q = x²/4 (ν = 0 or 1). */
function besselSeries(q: number, nu: 0 | 1): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500; k++) {
    term *= q / (k * (k + nu));
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return sum;
}

/** (2πx)^{1/2} e^{−x} I_ν(x) by Hankel's expansion (x > 30). */
function besselAsymptotic(x: number, nu: 0 | 1): number {
  const mu = 4 * nu * nu;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 200; k++) {
    const next = (-term * (mu - (2 * k - 1) ** 2)) / (8 * k * x);
    if (Math.abs(next) >= Math.abs(term)) break;
    term = next;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

/** e^{−|x|} I₀(x). */
export function besselI0Scaled(x: number): number {
  const ax = Math.abs(x);
  if (ax <= SERIES_LIMIT) return Math.exp(-ax) * besselSeries((ax * ax) / 4, 0);
  return besselAsymptotic(ax, 0) / Math.sqrt(2 * Math.PI * ax);
}

/** e^{−|x|} I₁(x) (odd in x). */
export function besselI1Scaled(x: number): number {
  const ax = Math.abs(x);
  const v =
    ax <= SERIES_LIMIT
      ? Math.exp(-ax) * (ax / 2) * besselSeries((ax * ax) / 4, 1)
      : besselAsymptotic(ax, 1) / Math.sqrt(2 * Math.PI * ax);
  return x < 0 ? -v : v;
}

/** log I₀(x), finite for every finite x (no overflow). */
export function logBesselI0(x: number): number {
  const ax = Math.abs(x);
  if (ax <= SERIES_LIMIT) return Math.log(besselSeries((ax * ax) / 4, 0));
  return Math.log(besselAsymptotic(ax, 0)) - 0.5 * Math.log(2 * Math.PI * ax) + ax;
}

/** A(x) = I₁(x)/I₀(x), the mean resultant length of a von Mises with concentration x. */
export function besselRatioI1I0(x: number): number {
  const ax = Math.abs(x);
  const v =
    ax <= SERIES_LIMIT
      ? ((ax / 2) * besselSeries((ax * ax) / 4, 1)) / besselSeries((ax * ax) / 4, 0)
      : besselAsymptotic(ax, 1) / besselAsymptotic(ax, 0);
  return x < 0 ? -v : v;
}
