/**
 * R's `print.default` for numeric vectors: one common format for all elements (R's
 * `formatReal`), with `digits` significant digits for the element that needs the most.
 */

interface Needs {
  /** digits left of the decimal point (>= 1) */
  left: number;
  /** decimals needed in fixed notation */
  rgt: number;
  /** significant digits needed (<= digits) */
  sig: number;
  /** decimal exponent of the value rounded to `sig` digits */
  kpower: number;
}

/** The fewest significant digits (<= digits) that show `x` as it shows with `digits` digits. */
function needs(x: number, digits: number): Needs {
  if (x === 0) return { left: 1, rgt: 0, sig: 1, kpower: 0 };
  const a = Math.abs(x);
  let kpower = Math.floor(Math.log10(a));
  // alpha = a / 10^kpower rounded to `digits` significant digits
  let alpha = Number((a / 10 ** kpower).toFixed(digits - 1));
  if (alpha >= 10) {
    kpower += 1;
    alpha /= 10;
  }
  let sig = digits;
  // drop trailing zeros of the mantissa
  const mant = alpha.toFixed(digits - 1).replace('.', '');
  while (sig > 1 && mant[sig - 1] === '0') sig--;
  const rgt = Math.max(0, sig - 1 - kpower);
  const left = kpower >= 0 ? kpower + 1 : 1;
  return { left, rgt, sig, kpower };
}

/** Formats every element of `xs` in one common R format (fixed unless scientific is narrower). */
export function formatReal(xs: readonly number[], digits = 7): string[] {
  const finite = xs.filter((x) => Number.isFinite(x));
  if (finite.length === 0) return xs.map(specialValue);
  let rgt = 0;
  let left = 1;
  let sigMax = 1;
  let kmin = Number.POSITIVE_INFINITY;
  let kmax = Number.NEGATIVE_INFINITY;
  let neg = false;
  for (const x of finite) {
    const n = needs(x, digits);
    rgt = Math.max(rgt, n.rgt);
    left = Math.max(left, n.left);
    sigMax = Math.max(sigMax, n.sig);
    kmin = Math.min(kmin, n.kpower);
    kmax = Math.max(kmax, n.kpower);
    if (x < 0) neg = true;
  }
  const fixedWidth = (neg ? 1 : 0) + left + (rgt > 0 ? rgt + 1 : 0);
  const expWidth = Math.max(kmax, -kmin) >= 100 ? 3 : 2;
  const sciWidth = (neg ? 1 : 0) + (sigMax > 1 ? sigMax + 1 : 1) + 2 + expWidth;
  const useFixed = fixedWidth <= sciWidth;
  const strs = xs.map((x) => {
    if (!Number.isFinite(x)) return specialValue(x);
    if (useFixed) return x.toFixed(rgt);
    const [m, e] = x.toExponential(sigMax - 1).split('e');
    const ev = Number(e);
    return `${m}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(expWidth, '0')}`;
  });
  const width = Math.max(...strs.map((s) => s.length));
  return strs.map((s) => s.padStart(width));
}

function specialValue(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  return x > 0 ? 'Inf' : '-Inf';
}

/** R's print of an unnamed numeric vector on one line: `[1] 0.07085 0.18872`. */
export function printVector(xs: readonly number[], digits = 7): string {
  return `[1] ${formatReal(xs, digits).join(' ')}`;
}

/**
 * R's print of a named vector: names right-aligned over values, e.g.
 * `function gradient \n      71       NA `. `null` prints as NA.
 */
export function printNamedVector(
  names: readonly string[],
  xs: readonly (number | null)[],
  digits = 7,
): string {
  const present = xs.filter((x): x is number => x !== null);
  const formatted = formatReal(present, digits);
  let k = 0;
  const vals = xs.map((x) => (x === null ? 'NA' : formatted[k++]!.trim()));
  const width = Math.max(...names.map((n) => n.length), ...vals.map((v) => v.length));
  const head = names.map((n) => n.padStart(width)).join(' ');
  const body = vals.map((v) => v.padStart(width)).join(' ');
  return `${head} \n${body} `;
}
