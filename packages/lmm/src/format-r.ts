/**
 * R's number formatting as `print`/`format` do it (fixed notation), for R-identical summaries.
 */

/** Significant digits needed (≤ digits) and the decimal exponent of x rounded to `digits`. */
function scientific(x: number, digits: number): { kpower: number; nsig: number } {
  if (x === 0 || !Number.isFinite(x)) return { kpower: 0, nsig: 1 };
  const ax = Math.abs(x);
  let kpower = Math.floor(Math.log10(ax));
  let alpha = ax / 10 ** kpower;
  // round the mantissa to digits − 1 decimals
  const scale = 10 ** (digits - 1);
  alpha = Math.round(alpha * scale) / scale;
  if (alpha >= 10) {
    alpha /= 10;
    kpower += 1;
  }
  let mant = Math.round(alpha * scale);
  let nsig = digits;
  while (nsig > 1 && mant % 10 === 0) {
    mant /= 10;
    nsig--;
  }
  return { kpower, nsig };
}

/**
 * R's `formatReal` in fixed notation: the number of decimals is the largest any element needs
 * to show `digits` significant digits (trailing zeros dropped), at least `nsmall`; results are
 * right-justified to a common width.
 */
export function formatReal(xs: readonly number[], digits = 7, nsmall = 0): string[] {
  let rgt = 0;
  for (const x of xs) {
    if (!Number.isFinite(x)) continue;
    const { kpower, nsig } = scientific(x, digits);
    rgt = Math.max(rgt, nsig - kpower - 1);
  }
  rgt = Math.max(rgt, nsmall, 0);
  const strs = xs.map((x) => {
    if (Number.isNaN(x)) return 'NaN';
    if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
    const s = x.toFixed(rgt);
    return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
  });
  const w = Math.max(...strs.map((s) => s.length));
  return strs.map((s) => s.padStart(w));
}

/** R's `round(x, digits)` for the moderate digits used here. */
export function roundR(x: number, digits: number): number {
  const m = 10 ** digits;
  return Math.round(x * m) / m;
}

/** R's `zapsmall(x, digits)`: round(x, round(digits − log10(max|x|))). */
export function zapsmall(xs: readonly number[], digits: number): number[] {
  const mx = Math.max(...xs.map(Math.abs));
  const d = mx > 0 ? Math.max(0, Math.round(digits - Math.log10(mx))) : digits;
  return xs.map((x) => roundR(x, d));
}

/**
 * R's `abbreviate(x, minlength)` (default method, ASCII): drop lower-case vowels from the right
 * (never the first character), then lower-case letters from the right, then truncate.
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

/**
 * Prints a character matrix as R's `print(m, quote = FALSE)`: row names left-justified, each
 * column left-justified (`right = FALSE`) or right-justified, one space between columns.
 */
export function printCharMatrix(
  rowNames: readonly string[],
  colNames: readonly string[],
  cells: readonly (readonly string[])[],
  right = false,
): string[] {
  const rw = Math.max(0, ...rowNames.map((r) => r.length));
  const widths = colNames.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j]!.length)));
  const pad = (s: string, w: number) => (right ? s.padStart(w) : s.padEnd(w));
  const lines = [`${''.padEnd(rw)} ${colNames.map((c, j) => pad(c, widths[j]!)).join(' ')}`];
  cells.forEach((row, i) => {
    lines.push(`${rowNames[i]!.padEnd(rw)} ${row.map((c, j) => pad(c, widths[j]!)).join(' ')}`);
  });
  return lines;
}
