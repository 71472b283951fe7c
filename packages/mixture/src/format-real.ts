/**
 * R's `formatReal` (src/main/format.c) as used by `print`/`format` with `digits`: every entry
 * gets the fewest significant digits (at most `digits`) that show it to `digits` significant
 * digits, trailing zeros dropped; the vector then shares one layout, fixed notation with the
 * largest number of decimals any entry needs, unless scientific notation is narrower.
 */
export interface RealFormat {
  /** Common width. */
  readonly w: number;
  /** Decimals (fixed) or mantissa decimals (scientific). */
  readonly d: number;
  /** 0: fixed; 1 or 2: scientific with that many exponent digits beyond the first. */
  readonly e: number;
}

const KP_MAX = 22;

/** R's `scientific()`: sign, decimal exponent and significant digits of |x| rounded to `digits`. */
function scientific(
  x: number,
  digits: number,
): { neg: boolean; kpower: number; nsig: number; roundingWidens: boolean } {
  const neg = x < 0;
  if (x === 0) return { neg: false, kpower: 0, nsig: 1, roundingWidens: false };
  const [mantissa, exponent] = Math.abs(x)
    .toExponential(digits - 1)
    .split('e');
  const kpower = Number(exponent);
  const sig = mantissa!.replace('.', '').replace(/0+$/, '');
  const nsig = Math.max(1, sig.length);
  // Fixed notation rounds at decimal place rgt = digits - kpower; it shows one digit fewer
  // left of the point when |x| stays below 10^kpower after that rounding (9996 to 3 digits).
  const rgt = Math.min(Math.max(digits - kpower, 0), KP_MAX);
  const fuzz = 0.5 / 10 ** rgt;
  const roundingWidens = kpower > 0 && kpower <= KP_MAX && Math.abs(x) < 10 ** kpower - fuzz;
  return { neg, kpower, nsig, roundingWidens };
}

/** The common layout R's `formatReal(x, digits)` chooses for the finite entries of `xs`. */
export function realFormat(xs: ArrayLike<number>, digits: number): RealFormat {
  let neg = 0;
  let rgt = Number.NEGATIVE_INFINITY;
  let mxl = Number.NEGATIVE_INFINITY;
  let mnl = Number.POSITIVE_INFINITY;
  let mxsl = Number.NEGATIVE_INFINITY;
  let mxns = Number.NEGATIVE_INFINITY;
  let naWidth = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (!Number.isFinite(x)) {
      naWidth = Math.max(naWidth, nonFinite(x).length);
      continue;
    }
    const s = scientific(x, digits);
    const left = s.kpower + 1 - (s.roundingWidens ? 1 : 0);
    const sleft = (s.neg ? 1 : 0) + (left <= 0 ? 1 : left);
    const right = s.nsig - left;
    if (s.neg) neg = 1;
    rgt = Math.max(rgt, right);
    mxl = Math.max(mxl, left);
    mnl = Math.min(mnl, left);
    mxsl = Math.max(mxsl, sleft);
    mxns = Math.max(mxns, s.nsig);
  }
  if (mxl === Number.NEGATIVE_INFINITY) return { w: naWidth, d: 0, e: 0 };
  if (mxl < 0) mxsl = 1 + neg;
  if (rgt < 0) rgt = 0;
  const wF = mxsl + rgt + (rgt !== 0 ? 1 : 0);
  const e = mxl > 100 || mnl <= -99 ? 2 : 1;
  const d = mxns - 1;
  const wE = neg + (d > 0 ? 1 : 0) + d + 4 + e;
  if (wF <= wE) return { w: Math.max(wF, naWidth), d: rgt, e: 0 };
  return { w: Math.max(wE, naWidth), d, e };
}

function nonFinite(x: number): string {
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Inf' : '-Inf';
}

/**
 * x with `d` decimals as C's printf("%.*f") prints it: the exact binary value rounded, an
 * exact tie to the even last digit (JavaScript's toFixed rounds ties away from zero).
 */
export function toFixedC(x: number, d: number): string {
  const s = x.toFixed(d);
  if (d > 98) return s;
  const exact = Math.abs(x).toFixed(100);
  const cut = exact.indexOf('.') + 1 + d;
  if (!/^50*$/.test(exact.slice(cut))) return s;
  // An exact tie: truncate, then round up only when the kept last digit is odd.
  const kept = exact.slice(0, d === 0 ? cut - 1 : cut);
  const last = Number(kept[kept.length - 1]);
  const down = `${x < 0 ? '-' : ''}${kept}`;
  if (last % 2 === 0) return down;
  return s;
}

/** One entry in a layout: fixed `%w.df`, or `%w.de` with a two- (or three-) digit exponent. */
export function formatRealEntry(x: number, f: RealFormat): string {
  if (!Number.isFinite(x)) return nonFinite(x).padStart(f.w);
  if (f.e === 0) return toFixedC(x, f.d).padStart(f.w);
  const [m, ex] = x.toExponential(f.d).split('e');
  const sign = ex![0]!;
  const digitsE = ex!.slice(1).padStart(f.e + 1, '0');
  return `${m}e${sign}${digitsE}`.padStart(f.w);
}

/** R's `format(xs, digits = digits)`: the entries in their common layout and width. */
export function formatReal(xs: ArrayLike<number>, digits: number): string[] {
  const f = realFormat(xs, digits);
  return Array.from(xs, (x) => formatRealEntry(x, f));
}
