import {
  SIGNIF_LEGEND,
  formatPval,
  formatReal,
  printCharMatrix,
  roundTo,
  signifStars,
  zapsmall,
} from './format-r.js';

/** Options of `formatCoefmat` (R's `printCoefmat` arguments). */
export interface CoefmatOptions {
  readonly digits: number;
  /** Coefficient/SE columns formatted together (R's `cs.ind`, 0-based). */
  readonly csInd: readonly number[];
  /** Test-statistic columns (R's `tst.ind`, 0-based). */
  readonly tstInd: readonly number[];
  /** Columns to `zapsmall` first (R's `zap.ind`). */
  readonly zapInd?: readonly number[];
  /** Whether the last column holds p-values. */
  readonly hasPvalue: boolean;
  readonly signifStars?: boolean;
  /** How NaN/NA cells print (R's `na.print`). */
  readonly naPrint?: string;
}

/**
 * R's `printCoefmat`: estimates and SEs rounded to `digits - digmin` decimals and formatted
 * together, test statistics rounded to `dig.tst = max(1, min(5, digits - 1))`, other columns
 * by `format(digits)`, p-values by `format.pval(dig.tst)`, significance stars and legend.
 * `x[i][j]` is row i, column j; NaN is NA. Returns the printed lines.
 */
export function formatCoefmat(
  rownames: readonly string[],
  colnames: readonly string[],
  x: readonly (readonly number[])[],
  o: CoefmatOptions,
): string[] {
  const nr = x.length;
  const nc = colnames.length;
  const digits = o.digits;
  const digTst = Math.max(1, Math.min(5, digits - 1));
  const naPrint = o.naPrint ?? 'NA';
  const col = (j: number) => x.map((r) => r[j]!);
  const xm: number[][] = x.map((r) => [...r]);
  for (const j of o.zapInd ?? []) {
    const z = zapsmall(col(j), digits);
    for (let i = 0; i < nr; i++) xm[i]![j] = z[i]!;
  }
  const cf: string[][] = x.map(() => colnames.map(() => ''));
  if (o.csInd.length > 0) {
    const acs: number[] = [];
    for (const j of o.csInd) for (let i = 0; i < nr; i++) acs.push(Math.abs(xm[i]![j]!));
    const fin = acs.filter((v) => Number.isFinite(v) && v !== 0);
    if (acs.some((v) => Number.isFinite(v))) {
      // R: max(1, digits - digmin) over digmin = 1 + floor(log10(range)): set by the smallest.
      const digmin = 1 + (fin.length > 0 ? Math.floor(Math.log10(Math.min(...fin))) : 0);
      const r = Math.max(1, digits - digmin);
      const vals: number[] = [];
      for (const j of o.csInd) for (let i = 0; i < nr; i++) vals.push(roundTo(xm[i]![j]!, r));
      const f = formatReal(vals, digits);
      let k = 0;
      for (const j of o.csInd) for (let i = 0; i < nr; i++) cf[i]![j] = f[k++]!;
    }
  }
  for (const j of o.tstInd) {
    const f = formatReal(
      xm.map((r) => roundTo(r[j]!, digTst)),
      digits,
    );
    for (let i = 0; i < nr; i++) cf[i]![j] = f[i]!;
  }
  const pcol = o.hasPvalue ? nc - 1 : -1;
  for (let j = 0; j < nc; j++) {
    if (o.csInd.includes(j) || o.tstInd.includes(j) || j === pcol) continue;
    const f = formatReal(
      xm.map((r) => r[j]!),
      digits,
    );
    for (let i = 0; i < nr; i++) cf[i]![j] = f[i]!;
  }
  // Entries that are not 0 but print as 0 get one digit fewer of rounding (R's not.both.0).
  for (let j = 0; j < nc; j++) {
    if (o.tstInd.includes(j) || j === pcol) continue;
    for (let i = 0; i < nr; i++) {
      const v = xm[i]![j]!;
      if (Number.isNaN(v)) continue;
      if ((v === 0) !== (Number(cf[i]![j]) === 0))
        cf[i]![j] = formatReal([v], Math.max(1, digits - 1))[0]!;
    }
  }
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nc; j++) if (Number.isNaN(x[i]![j]!)) cf[i]![j] = naPrint;
  }
  let stars = false;
  const headers = [...colnames];
  if (o.hasPvalue) {
    const okP = x.map((r) => !Number.isNaN(r[pcol]!));
    const idx = okP.flatMap((ok, i) => (ok ? [i] : []));
    if (idx.length > 0) {
      const f = formatPval(
        idx.map((i) => xm[i]![pcol]!),
        digTst,
      );
      idx.forEach((i, k) => {
        cf[i]![pcol] = f[k]!;
      });
      stars = (o.signifStars ?? true) && idx.some((i) => xm[i]![pcol]! < 0.1);
      if (stars) {
        const s = x.map((r) => (Number.isNaN(r[pcol]!) ? '' : signifStars(r[pcol]!)));
        const w = Math.max(...s.map((t) => t.length));
        for (const [i, t] of s.entries()) cf[i]!.push(t.padEnd(w));
        headers.push('');
      }
    }
  }
  const lines = printCharMatrix(rownames, headers, cf);
  if (stars) lines.push('---', SIGNIF_LEGEND);
  return lines;
}
