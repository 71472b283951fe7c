import { formatReal } from '@likelihood/glm';
import type { LmmFit } from '@likelihood/lmm';
import { printNamedVector, printVector } from '../format/r-print.js';
import { printMatrix } from './print-matrix.js';

/** lme4's digits for printing a fit: max(3, getOption("digits") - 3). */
const DIGITS = 4;

/**
 * lme4's `print(merMod)` (not the summary) of a REML fit for models whose random-effect terms are scalar:
 * the fit criterion, the standard deviations (`formatVC`: Groups and Name left-aligned, one
 * leading space) and the fixed effects `print(fixef, digits = 4, print.gap = 2)`.
 */
export function formatMerMod(fit: LmmFit, formula: string): string {
  if (!fit.reml || fit.remlCriterion === null) {
    throw new Error('formatMerMod prints REML fits; use formatLmmSummary for ML fits');
  }
  const rows: [string, string, number][] = [];
  for (const g of fit.varCorr) {
    g.terms.forEach((t, k) => {
      rows.push([k === 0 ? g.group : '', t, g.sds[k]!]);
    });
  }
  rows.push(['Residual', '', fit.sigma]);
  const sds = formatReal(
    rows.map((r) => r[2]),
    DIGITS,
  ).map((s) => s.trim());
  const cells = [
    ['Groups', ...rows.map((r) => r[0])],
    ['Name', ...rows.map((r) => r[1])],
    ['Std.Dev.', ...sds],
  ];
  const widths = cells.map((c) => Math.max(...c.map((s) => s.length)));
  const vc = cells[0]!.map((_, i) => ` ${cells.map((c, j) => c[i]!.padEnd(widths[j]!)).join(' ')}`);
  const groups = Object.entries(fit.ngroups)
    .map(([g, n]) => `${g}, ${n}`)
    .join('; ');
  // print.merMod: cat("REML criterion at convergence:", format(round(REMLcrit, 4)))
  const crit = `REML criterion at convergence: ${formatReal([Math.round(fit.remlCriterion * 1e4) / 1e4], 7)[0]!.trim()}`;
  const fe = fit.coefficients;
  const feValues = formatReal(
    fe.map((r) => r.estimate),
    DIGITS,
  ).map((s) => s.trim());
  const w = Math.max(...fe.map((r) => r.term.length), ...feValues.map((s) => s.length));
  return [
    "Linear mixed model fit by REML ['lmerMod']",
    `Formula: ${formula}`,
    crit,
    'Random effects:',
    ...vc,
    `Number of obs: ${fit.nobs}, groups:  ${groups}`,
    'Fixed Effects:',
    fe.map((r) => `${r.term.padStart(w)}  `).join(''),
    feValues.map((s) => `${s.padStart(w)}  `).join(''),
  ].join('\n');
}

/** R's print of an `optim()` result list (`digits` as `options(digits)`), with its Hessian. */
export function printOptimList(
  r: {
    par: ArrayLike<number>;
    value: number;
    counts: { function: number; gradient: number | null };
    convergence: number;
    message: string | null;
    hessian?: Float64Array;
  },
  digits = 7,
): string {
  const out = [
    '$par',
    printVector(Array.from(r.par), digits),
    '',
    '$value',
    printVector([r.value], digits),
    '',
    '$counts',
    printNamedVector(['function', 'gradient'], [r.counts.function, r.counts.gradient], digits),
    '',
    '$convergence',
    `[1] ${r.convergence}`,
    '',
    '$message',
    r.message === null ? 'NULL' : `[1] "${r.message}"`,
  ];
  if (r.hessian !== undefined) {
    const p = r.par.length;
    out.push('', '$hessian', printSquare(r.hessian, p, digits));
  }
  return out.join('\n');
}

/** R's print of an unnamed square matrix given row-major: `[1,]` rows, `[,1]` columns. */
export function printSquare(rowMajor: ArrayLike<number>, p: number, digits = 7): string {
  const cols = Array.from({ length: p }, (_, j) =>
    Array.from({ length: p }, (_, i) => rowMajor[i * p + j]!),
  );
  return printMatrix(
    Array.from({ length: p }, (_, i) => `[${i + 1},]`),
    Array.from({ length: p }, (_, j) => `[,${j + 1}]`),
    cols,
    digits,
  );
}
