/**
 * R's number formatting primitives (`formatReal` of src/main/format.c, `format.pval`,
 * `zapsmall`, `symnum` stars, `quantile` type 7), so printed tables line up with R's.
 */

const KP_MAX = 22;

interface Sci {
  neg: boolean;
  kpower: number;
  nsig: number;
  roundingWidens: boolean;
}

/** R's `scientific()`: exponent and significant digits of x rounded to `digits` digits. */
function scientific(x: number, digits: number): Sci {
  if (x === 0) return { neg: false, kpower: 0, nsig: 1, roundingWidens: false };
  const neg = x < 0;
  const s = toExponentialC(Math.abs(x), digits - 1);
  const [mant, ex] = s.split('e') as [string, string];
  const kpower = Number(ex);
  const digitsStr = mant.replace('.', '').replace(/0+$/, '');
  const nsig = Math.max(1, digitsStr.length);
  let rgt = digits - kpower;
  rgt = rgt < 0 ? 0 : rgt > KP_MAX ? KP_MAX : rgt;
  const fuzz = 0.5 / 10 ** rgt;
  const roundingWidens = kpower > 0 && kpower <= KP_MAX && Math.abs(x) < 10 ** kpower - fuzz;
  return { neg, kpower, nsig, roundingWidens };
}

/**
 * C's `%.{d}f` / `%.{d}e` rounding: like `toFixed`/`toExponential`, except that a value lying
 * exactly halfway between two outputs rounds to the even last digit (glibc's printf, which R's
 * `formatReal` uses), where JavaScript rounds away from zero: C prints 7.5625 with 3 decimals as
 * 7.562, `toFixed(3)` as 7.563.
 */
function roundHalfEvenString(x: number, d: number, kind: 'fixed' | 'exp'): string {
  const s = kind === 'fixed' ? x.toFixed(d) : x.toExponential(d);
  if (!Number.isFinite(x) || d > 70 || (kind === 'fixed' && Math.abs(x) >= 1e21)) return s;
  const a = Math.abs(x);
  // 30 more digits than printed: the exact binary value's expansion shows whether x is a tie
  const long = kind === 'fixed' ? a.toFixed(d + 30) : a.toExponential(d + 30);
  const [mant, exp] = long.split('e') as [string, string | undefined];
  const dot = mant.indexOf('.');
  const cut = dot + 1 + d;
  if (!/^50*$/.test(mant.slice(cut))) return s;
  const kept = mant.slice(0, d === 0 ? dot : cut);
  if (Number(kept[kept.length - 1]) % 2 !== 0) return s; // odd: rounding away from zero is even
  const sign = x < 0 ? '-' : '';
  return exp === undefined ? `${sign}${kept}` : `${sign}${kept}e${exp}`;
}

/** C's `%.{d}f`. */
export function toFixedC(x: number, d: number): string {
  return roundHalfEvenString(x, d, 'fixed');
}

/** C's `%.{d}e` mantissa and exponent as JavaScript writes them (`7.562e+0`). */
function toExponentialC(x: number, d: number): string {
  return roundHalfEvenString(x, d, 'exp');
}

/** C's `%.*e` with at least two exponent digits (R's scientific output). */
function formatSci(x: number, d: number): string {
  const s = toExponentialC(x, d);
  const [m, e] = s.split('e') as [string, string];
  const sign = e.startsWith('-') ? '-' : '+';
  const digits = e.replace(/^[+-]/, '');
  return `${m}e${sign}${digits.length < 2 ? `0${digits}` : digits}`;
}

/**
 * R's `format(x, digits = digits)` of a numeric vector: one common layout (fixed with a common
 * number of decimals, or scientific) giving every element at least `digits` significant digits
 * where needed, right-justified to a common width. NaN prints as `na`.
 */
export function formatReal(x: ArrayLike<number>, digits = 7, na = 'NA'): string[] {
  let mxsl = Number.NEGATIVE_INFINITY;
  let rgt = Number.NEGATIVE_INFINITY;
  let mxe = Number.NEGATIVE_INFINITY;
  let mne = Number.POSITIVE_INFINITY;
  let mxns = Number.NEGATIVE_INFINITY;
  let mxl = Number.NEGATIVE_INFINITY;
  let neg = 0;
  let any = false;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (!Number.isFinite(v)) continue;
    any = true;
    const s = scientific(v, digits);
    let left = s.kpower + 1;
    if (s.roundingWidens) left--;
    const sleft = (s.neg ? 1 : 0) + (left <= 0 ? 1 : left);
    const right = s.nsig - left;
    if (s.neg) neg = 1;
    if (right > rgt) rgt = right;
    if (left > mxl) mxl = left;
    if (sleft > mxsl) mxsl = sleft;
    if (s.nsig > mxns) mxns = s.nsig;
    if (s.kpower > mxe) mxe = s.kpower;
    if (s.kpower < mne) mne = s.kpower;
  }
  const out: string[] = [];
  if (!any) {
    for (let i = 0; i < x.length; i++)
      out.push(Number.isNaN(x[i]!) ? na : x[i]! > 0 ? 'Inf' : '-Inf');
  } else {
    if (mxl < 0) mxsl = 1 + neg;
    if (rgt < 0) rgt = 0;
    const wF = mxsl + rgt + (rgt !== 0 ? 1 : 0);
    const e = mxe >= 100 || mne <= -99 ? 2 : 1;
    const d = mxns - 1;
    const wE = neg + (d > 0 ? 1 : 0) + d + 4 + e;
    const fixed = wF <= wE;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      if (Number.isNaN(v)) out.push(na);
      else if (!Number.isFinite(v)) out.push(v > 0 ? 'Inf' : '-Inf');
      else out.push(fixed ? toFixedC(v, rgt) : formatSci(v, d));
    }
  }
  const w = Math.max(...out.map((s) => s.length));
  return out.map((s) => s.padStart(w));
}

/** R's `format(x, digits)` of one number. */
export function formatNumber(x: number, digits = 7): string {
  return formatReal([x], digits)[0]!;
}

/** R's `round(x, digits)` (half away from zero on the decimal representation). */
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const m = 10 ** digits;
  const y = Math.round(Math.abs(x) * m) / m;
  return x < 0 ? -y : y;
}

/** R 4.2's `zapsmall(x, digits)`: round(x, max(0, digits - log10(max |x|))). */
export function zapsmall(x: ArrayLike<number>, digits: number): Float64Array {
  let mx = 0;
  let all = true;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]!)) continue;
    all = false;
    mx = Math.max(mx, Math.abs(x[i]!));
  }
  const out = Float64Array.from(x);
  if (all) return out;
  const d = mx > 0 ? Math.max(0, Math.round(digits - Math.log10(mx))) : digits;
  for (let i = 0; i < out.length; i++) out[i] = roundTo(out[i]!, d);
  return out;
}

/** R's `format.pval(pv, digits, eps)`. NaN prints as `na`. */
export function formatPval(
  pv: ArrayLike<number>,
  digits: number,
  eps = 2.220446049250313e-16,
  na = 'NA',
): string[] {
  const idx = Array.from({ length: pv.length }, (_, i) => i);
  const ok = idx.filter((i) => !Number.isNaN(pv[i]!));
  const is0 = ok.filter((i) => pv[i]! < eps);
  const not0 = ok.filter((i) => !(pv[i]! < eps));
  const r: string[] = idx.map(() => na);
  const rr: string[] = [];
  if (not0.length > 0) {
    const fixp = not0.filter((i) => {
      const v = pv[i]!;
      const expo = Math.floor(Math.log10(v > 0 ? v : 1e-50));
      return expo >= -3 || (expo === -4 && digits > 1);
    });
    const sci = not0.filter((i) => !fixp.includes(i));
    const f1 = formatReal(
      fixp.map((i) => pv[i]!),
      digits,
    );
    const f2 = formatReal(
      sci.map((i) => pv[i]!),
      digits,
    );
    fixp.forEach((i, k) => {
      r[i] = f1[k]!;
      rr.push(f1[k]!);
    });
    sci.forEach((i, k) => {
      r[i] = f2[k]!;
      rr.push(f2[k]!);
    });
  }
  if (is0.length > 0) {
    let d = Math.max(1, digits - 2);
    let sep: string;
    if (not0.length > 0) {
      const nc = Math.max(...rr.map((s) => s.length));
      if (d > 1 && d + 6 > nc) d = Math.max(1, nc - 7);
      sep = d === 1 && nc <= 6 ? '' : ' ';
    } else {
      sep = d === 1 ? '' : ' ';
    }
    const s = `<${sep}${formatNumber(eps, d)}`;
    for (const i of is0) r[i] = s;
  }
  return r;
}

/** Significance stars as R's `symnum` with cutpoints 0, .001, .01, .05, .1, 1. */
export function signifStars(p: number): string {
  if (Number.isNaN(p)) return '';
  if (p <= 0.001) return '***';
  if (p <= 0.01) return '**';
  if (p <= 0.05) return '*';
  if (p <= 0.1) return '.';
  return ' ';
}

/** The legend line R prints under starred tables. */
export const SIGNIF_LEGEND = 'Signif. codes:  0 ‘***’ 0.001 ‘**’ 0.01 ‘*’ 0.05 ‘.’ 0.1 ‘ ’ 1';

/** R's `quantile(x, probs)` with the default type 7. */
export function quantile7(x: ArrayLike<number>, probs: readonly number[]): number[] {
  const s = Array.from(x)
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => a - b);
  const n = s.length;
  return probs.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h + 4 * Number.EPSILON);
    const hi = Math.min(lo + 1, n - 1);
    return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
  });
}

/**
 * R's `print.default` of a character matrix (quote = FALSE, right = TRUE): row names
 * left-justified, each column right-justified to the wider of its header and entries,
 * columns separated by one space.
 */
export function printCharMatrix(
  rownames: readonly string[],
  colnames: readonly string[],
  cells: readonly (readonly string[])[],
): string[] {
  const rw = Math.max(0, ...rownames.map((s) => s.length));
  const widths = colnames.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j]!.length)));
  const lines = [' '.repeat(rw) + colnames.map((c, j) => ` ${c.padStart(widths[j]!)}`).join('')];
  cells.forEach((row, i) => {
    lines.push(rownames[i]!.padEnd(rw) + row.map((c, j) => ` ${c.padStart(widths[j]!)}`).join(''));
  });
  return lines;
}

/** R's print of a named numeric vector: names over values, right-justified, `gap` after each. */
export function printNamedVector(
  names: readonly string[],
  values: readonly string[],
  gap: number,
): string[] {
  const w = Math.max(...names.map((s) => s.length), ...values.map((s) => s.length));
  const pad = ' '.repeat(gap);
  return [
    names.map((s) => s.padStart(w) + pad).join(''),
    values.map((s) => s.padStart(w) + pad).join(''),
  ];
}

/** R's `formatC(x, digits)` for doubles: C's `%.{digits}g`. */
export function formatCg(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return '0';
  const e = Math.floor(Math.log10(Math.abs(Number(x.toExponential(digits - 1)))));
  if (e < -4 || e >= digits) {
    const s = formatSci(x, digits - 1);
    return s.replace(/\.?0+e/, 'e');
  }
  const s = toFixedC(x, Math.max(0, digits - 1 - e));
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** R's `signif(x, digits)`. */
export function signif(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/**
 * A call as R's `deparse` lays it out (width.cutoff 60): `fn(arg1, arg2, ...)`, breaking the
 * line before an argument once the current line is longer than 60 characters (indent 4).
 */
export function deparseCall(fn: string, args: readonly string[]): string {
  let line = `${fn}(`;
  const lines: string[] = [];
  args.forEach((a, k) => {
    if (k > 0 && line.length > 60) {
      lines.push(line);
      line = '    ';
    }
    line += a + (k < args.length - 1 ? ', ' : ')');
  });
  lines.push(line);
  return lines.join('\n');
}

/**
 * R's `format(x, digits = digits, nsmall = nsmall)`: `formatReal`'s common layout and, when that
 * layout is fixed notation, at least `nsmall` decimals (R's formatReal: `rgt = max(rgt, nsmall)`
 * in fixed notation only; scientific output is left as it is).
 */
export function formatRealNsmall(
  x: ArrayLike<number>,
  digits: number,
  nsmall: number,
  na = 'NA',
): string[] {
  const f = formatReal(x, digits, na);
  let rgt = -1;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!)) continue;
    const s = f[i]!.trim();
    if (s.includes('e')) return f;
    const dot = s.indexOf('.');
    rgt = dot < 0 ? 0 : s.length - dot - 1;
    break;
  }
  if (rgt < 0 || nsmall <= rgt) return f;
  const out: string[] = [];
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    out.push(Number.isFinite(v) ? toFixedC(v, nsmall) : f[i]!.trim());
  }
  const w = Math.max(...out.map((s) => s.length));
  return out.map((s) => s.padStart(w));
}

/**
 * R's `print.default` of a character matrix with `quote = FALSE, right = FALSE`: row names and
 * every column left-justified to the wider of its header and entries (trailing blanks kept),
 * columns separated by one space.
 */
export function printCharMatrixLeft(
  rownames: readonly string[],
  colnames: readonly string[],
  cells: readonly (readonly string[])[],
): string[] {
  const widths = colnames.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j]!.length)));
  const left = (row: readonly string[]) => row.map((c, j) => c.padEnd(widths[j]!));
  return printCharMatrix(rownames, left(colnames), cells.map(left));
}

/**
 * R's `abbreviate(x, minlength)` (default method, ASCII): drop lower-case vowels from the right
 * (never the first character, nor one after a space), then lower-case letters likewise, then
 * truncate to `minlength`.
 */
export function abbreviate(s: string, minlength: number): string {
  if (s.length <= minlength) return s;
  const chars = s.split('');
  const dropFromRight = (test: (c: string) => boolean) => {
    for (let i = chars.length - 1; i > 0 && chars.length > minlength; i--) {
      if (test(chars[i]!) && chars[i - 1] !== ' ') chars.splice(i, 1);
    }
  };
  dropFromRight((c) => /[aeiou]/.test(c));
  dropFromRight((c) => /[a-z]/.test(c));
  return chars.join('').slice(0, Math.max(minlength, 0) || chars.length);
}
