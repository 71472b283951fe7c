import {
  abbreviate,
  formatCoefmat,
  formatReal,
  formatRealNsmall,
  printCharMatrixLeft,
  printNamedVector,
  quantile7,
  roundTo,
  zapsmall,
} from '@likelihood/glm';
import type { LmmFit } from './lmm-fit.js';

export interface FormatLmmSummaryOptions {
  /** Printed as `   Data: <name>` (lme4 prints the data argument's name). */
  readonly dataName?: string;
}

/** `digits = max(3, getOption("digits") - 3)` of lme4's `print.summary.merMod`. */
const DIGITS = 4;

/** Non-finite values print as R prints a double NaN (R's NA never arises in a fit). */
const NAN = 'NaN';

/** lme4's `formatVC`: the random-effects table with (variances,) SDs and correlations. */
function randomEffectsTable(fit: LmmFit, withVariance = true): string[] {
  const groups: string[] = [];
  const names: string[] = [];
  const vars: number[] = [];
  const sds: number[] = [];
  const maxlen = Math.max(...fit.varCorr.map((g) => g.terms.length));
  const corrRows: string[][] = [];
  for (const g of fit.varCorr) {
    const p = g.terms.length;
    const cc = formatRealNsmall(
      g.correlation.to1DArray().map((v) => roundTo(v, 2)),
      7,
      2,
      NAN,
    );
    g.terms.forEach((t, i) => {
      groups.push(i === 0 ? g.group : '');
      names.push(t);
      vars.push(g.variances[i]!);
      sds.push(g.sds[i]!);
      const row: string[] = [];
      for (let j = 0; j < maxlen - 1; j++) row.push(j < i && j < p ? cc[i * p + j]! : '');
      corrRows.push(row);
    });
  }
  groups.push('Residual');
  names.push('');
  vars.push(fit.sigma * fit.sigma);
  sds.push(fit.sigma);
  corrRows.push(Array.from({ length: maxlen - 1 }, () => ''));
  const v = formatReal(vars, DIGITS, NAN);
  const s = formatReal(sds, DIGITS, NAN);
  const colNames = withVariance
    ? ['Groups', 'Name', 'Variance', 'Std.Dev.']
    : ['Groups', 'Name', 'Std.Dev.'];
  for (let j = 0; j < maxlen - 1; j++) colNames.push(j === 0 ? 'Corr' : '');
  const cells = groups.map((g, i) =>
    withVariance
      ? [g, names[i]!, v[i]!, s[i]!, ...corrRows[i]!]
      : [g, names[i]!, s[i]!, ...corrRows[i]!],
  );
  return printCharMatrixLeft(
    groups.map(() => ''),
    colNames,
    cells,
  );
}

/**
 * The fixed-effects table: `printCoefmat(coefs, digits = 4)` of Estimate and Std. Error
 * (formatted together) and the t value (rounded to `digits − 1` decimals), no p-values.
 */
function fixedEffectsTable(fit: LmmFit): string[] {
  return formatCoefmat(
    [...fit.colnames],
    ['Estimate', 'Std. Error', 't value'],
    fit.coefficients.map((c) => [c.estimate, c.stdError, c.tValue]),
    { digits: DIGITS, csInd: [0, 1], tstInd: [2], hasPvalue: false },
  );
}

/** Correlation of Fixed Effects, as lme4 prints it (3 decimals, abbreviated names). */
function fixefCorrelation(fit: LmmFit): string[] {
  const p = fit.colnames.length;
  const vals: number[] = [];
  for (let j = 0; j < p; j++)
    for (let i = 0; i < p; i++) vals.push(roundTo(fit.corrFixef.get(i, j), 3));
  const f = formatRealNsmall(vals, 7, 3, NAN);
  const rows = fit.colnames.slice(1).map((n) => abbreviate(n, 11));
  const cols = fit.colnames.slice(0, p - 1).map((n) => abbreviate(n, 6));
  const cells = rows.map((_, r) => cols.map((_, c) => (c < r + 1 ? f[r + 1 + c * p]! : '')));
  return printCharMatrixLeft(rows, cols, cells);
}

/** lme4's title, formula and data lines (`.prt.methTit`, `.prt.call`). */
function headerLines(fit: LmmFit, options: FormatLmmSummaryOptions): string[] {
  const out = [
    fit.reml
      ? "Linear mixed model fit by REML ['lmerMod']"
      : "Linear mixed model fit by maximum likelihood  ['lmerMod']",
  ];
  if (fit.formula !== null) out.push(`Formula: ${fit.formula}`);
  if (options.dataName !== undefined) out.push(`   Data: ${options.dataName}`);
  return out;
}

/**
 * lme4's `.prt.aictab`: the REML criterion, or AIC, BIC, logLik, deviance and df.resid as a
 * named vector, each rounded to `decimals` and formatted with 7 digits (df.resid on its own).
 */
function criterionLines(fit: LmmFit, decimals: number): string[] {
  if (fit.reml)
    return [
      `REML criterion at convergence: ${formatReal([roundTo(fit.objective, decimals)], 7, NAN)[0]}`,
    ];
  const t = [fit.aic, fit.bic, fit.logLik, fit.deviance, fit.dfResid].map((x) =>
    roundTo(x, decimals),
  );
  const f = formatReal(t, 7, NAN);
  f[4] = formatReal([t[4]!], 7, NAN)[0]!;
  return printNamedVector(['AIC', 'BIC', 'logLik', 'deviance', 'df.resid'], f, 1);
}

/** `Number of obs: n, groups:  g1, k1; g2, k2` (`.prt.grps`). */
function groupCountsLine(fit: LmmFit): string {
  const grps = Object.entries(fit.ngroups).map(([g, k]) => `${g}, ${k}`);
  return `Number of obs: ${fit.nobs}, groups:  ${grps.join('; ')}`;
}

/**
 * The text of lme4's `print(summary(fit))` (print.summary.merMod), line for line: header,
 * REML criterion or the AIC/BIC table, scaled residual quantiles, the random-effects table,
 * group counts, fixed effects, their correlations, and the singular-fit footer.
 */
export function formatLmmSummary(fit: LmmFit, options: FormatLmmSummaryOptions = {}): string {
  const out = headerLines(fit, options);
  out.push('', ...criterionLines(fit, 1), '');
  out.push('Scaled residuals: ');
  const rq = zapsmall(quantile7(fit.scaledResiduals, [0, 0.25, 0.5, 0.75, 1]), DIGITS + 1);
  out.push(
    ...printNamedVector(['Min', '1Q', 'Median', '3Q', 'Max'], formatReal(rq, DIGITS, NAN), 1),
  );
  out.push('');
  out.push('Random effects:');
  out.push(...randomEffectsTable(fit));
  out.push(groupCountsLine(fit));
  out.push('');
  if (fit.colnames.length === 0) out.push('No fixed effect coefficients');
  else {
    out.push('Fixed effects:');
    out.push(...fixedEffectsTable(fit));
  }
  if (fit.colnames.length > 1) {
    out.push('');
    out.push('Correlation of Fixed Effects:');
    out.push(...fixefCorrelation(fit));
  }
  if (fit.warnings.length > 0 || !fit.optimizer.converged) {
    const code = fit.optimizer.converged ? '0 (OK)' : `1 (${fit.optimizer.message})`;
    out.push(`optimizer (${fit.optimizer.name}) convergence code: ${code}`);
    for (const w of fit.warnings) out.push(w);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/**
 * The text of lme4's `print(fit)` (print.merMod): header, REML criterion or AIC/BIC/logLik
 * table (4 decimals), random-effects SDs and correlations, group counts, fixed effects
 * (`format(fixef, digits = 4)`), and the optimizer/warning summary line.
 */
export function formatLmm(fit: LmmFit, options: FormatLmmSummaryOptions = {}): string {
  const out = headerLines(fit, options);
  out.push(...criterionLines(fit, 4));
  out.push('Random effects:');
  out.push(...randomEffectsTable(fit, false));
  out.push(groupCountsLine(fit));
  if (fit.colnames.length === 0) out.push('No fixed effect coefficients');
  else {
    out.push('Fixed Effects:');
    const vals = formatReal(fit.beta, DIGITS, NAN);
    out.push(...printNamedVector(fit.colnames, vals, 2));
  }
  if (fit.warnings.length > 0 || !fit.optimizer.converged) {
    const code = fit.optimizer.converged ? '0 (OK)' : `1 (${fit.optimizer.message})`;
    const nopt = fit.optimizer.converged ? 0 : 1;
    out.push(
      `optimizer (${fit.optimizer.name}) convergence code: ${code} ; ${nopt} optimizer warnings; ${fit.warnings.length - nopt} lme4 warnings `,
    );
  }
  return `${out.join('\n')}\n`;
}
