import { pnormUpper, qnorm } from './distributions.js';
import { GlmArgumentError } from './errors.js';

/** Result of `shapiroWilk`: the statistic W and its p-value, as R's `shapiro.test`. */
export interface ShapiroWilkResult {
  readonly statistic: number;
  readonly pValue: number;
  readonly n: number;
  readonly method: 'Shapiro-Wilk normality test';
}

/** p(x) = c[0] + c[1] x + ... + c[k-1] x^{k-1} (AS 181.2). */
function poly(c: readonly number[], x: number): number {
  let r = c[0]!;
  if (c.length > 1) {
    let p = x * c[c.length - 1]!;
    for (let j = c.length - 2; j > 0; j--) p = (p + c[j]!) * x;
    r += p;
  }
  return r;
}

const C1 = [0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
const C2 = [0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
const C3 = [0.544, -0.39978, 0.025054, -6.714e-4];
const C4 = [1.3822, -0.77857, 0.062767, -0.0020322];
const C5 = [-1.5861, -0.31082, -0.083751, 0.0038915];
const C6 = [-0.4803, -0.082676, 0.0030302];
const G = [-2.273, 0.459];

/**
 * Shapiro–Wilk W test of normality, Royston's (1995) algorithm AS R94 as in R's `swilk.c`:
 * W = (sum a_i x_(i))^2 / sum (x_i - xbar)^2 with Royston's approximation to the coefficients
 * a, computed as 1 - W = (sqrt(SSa SSx) - Sax)(sqrt(SSa SSx) + Sax) / (SSa SSx) for accuracy
 * near 1. The p-value is exact for n = 3 (6/pi (asin(sqrt W) - asin(sqrt(3/4)))), otherwise
 * the upper normal tail of a normalizing transform of log(1 - W) (n <= 11: -log(gamma - y)).
 * NaN values are dropped (as R's `complete.cases`); 3 <= n <= 5000 is required.
 */
export function shapiroWilk(x: ArrayLike<number>): ShapiroWilkResult {
  const values: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (Number.isNaN(v)) continue;
    if (!Number.isFinite(v)) throw new GlmArgumentError('x', `x[${i}] = ${v} is not finite`);
    values.push(v);
  }
  const n = values.length;
  if (n < 3 || n > 5000) {
    throw new GlmArgumentError('x', `sample size must be between 3 and 5000, got ${n}`);
  }
  const xs = Float64Array.from(values).sort();
  let range = xs[n - 1]! - xs[0]!;
  if (range === 0) throw new GlmArgumentError('x', "all 'x' values are identical");
  if (range < 1e-10) {
    for (let i = 0; i < n; i++) xs[i] = xs[i]! / range;
    range = xs[n - 1]! - xs[0]!;
  }
  const nn2 = Math.floor(n / 2);
  const a = new Float64Array(nn2 + 1); // 1-based as in AS R94
  const an = n;
  if (n === 3) {
    a[1] = Math.SQRT1_2;
  } else {
    const an25 = an + 0.25;
    let summ2 = 0;
    for (let i = 1; i <= nn2; i++) {
      a[i] = qnorm((i - 0.375) / an25);
      summ2 += a[i]! * a[i]!;
    }
    summ2 *= 2;
    const ssumm2 = Math.sqrt(summ2);
    const rsn = 1 / Math.sqrt(an);
    const a1 = poly(C1, rsn) - a[1]! / ssumm2;
    let i1: number;
    let fac: number;
    if (n > 5) {
      i1 = 3;
      const a2 = -a[2]! / ssumm2 + poly(C2, rsn);
      fac = Math.sqrt(
        (summ2 - 2 * a[1]! * a[1]! - 2 * a[2]! * a[2]!) / (1 - 2 * a1 * a1 - 2 * a2 * a2),
      );
      a[2] = a2;
    } else {
      i1 = 2;
      fac = Math.sqrt((summ2 - 2 * a[1]! * a[1]!) / (1 - 2 * a1 * a1));
    }
    a[1] = a1;
    for (let i = i1; i <= nn2; i++) a[i] = -a[i]! / fac;
  }
  // Coefficient of the i-th order statistic (0-based): -a[i+1] in the lower half, +a[n-i] in
  // the upper half, 0 at the median of an odd sample.
  const coef = (i: number): number => {
    const j = n - 1 - i;
    if (i === j) return 0;
    return i < j ? -a[i + 1]! : a[j + 1]!;
  };
  let sa = 0;
  let sx = 0;
  for (let i = 0; i < n; i++) {
    sa += coef(i);
    sx += xs[i]! / range;
  }
  sa /= n;
  sx /= n;
  let ssa = 0;
  let ssx = 0;
  let sax = 0;
  for (let i = 0; i < n; i++) {
    const asa = coef(i) - sa;
    const xsx = xs[i]! / range - sx;
    ssa += asa * asa;
    ssx += xsx * xsx;
    sax += asa * xsx;
  }
  const ssassx = Math.sqrt(ssa * ssx);
  const w1 = ((ssassx - sax) * (ssassx + sax)) / (ssa * ssx);
  const w = 1 - w1;
  const result = (pValue: number): ShapiroWilkResult => ({
    statistic: w,
    pValue,
    n,
    method: 'Shapiro-Wilk normality test',
  });
  if (n === 3) {
    const pi6 = 6 / Math.PI;
    const stqr = Math.asin(Math.sqrt(0.75));
    return result(Math.max(0, pi6 * (Math.asin(Math.sqrt(w)) - stqr)));
  }
  let y = Math.log(w1);
  const lxx = Math.log(an);
  let m: number;
  let s: number;
  if (n <= 11) {
    const gamma = poly(G, an);
    if (y >= gamma) return result(1e-99);
    y = -Math.log(gamma - y);
    m = poly(C3, an);
    s = Math.exp(poly(C4, an));
  } else {
    m = poly(C5, lxx);
    s = Math.exp(poly(C6, lxx));
  }
  return result(pnormUpper((y - m) / s));
}
