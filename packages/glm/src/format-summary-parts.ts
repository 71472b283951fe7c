import { formatCoefmat } from './format-coefmat.js';
import { formatReal, printNamedVector, quantile7, zapsmall } from './format-r.js';
import type { CoefficientRow } from './glm-summary.js';

/** Options common to the summary printers (`formatSummaryGlm`, `formatSummaryLm`). */
export interface SummaryPrintOptions {
  /** The call line(s) as R prints them; default built from `formula`/`data` (and family). */
  readonly call?: string;
  readonly formula?: string;
  readonly dataName?: string;
  /** Names of all coefficients in order (to print aliased ones as NA rows). */
  readonly coefficientNames?: readonly string[];
  /** Significant digits, R's `digits` (default 4). */
  readonly digits?: number;
  /** Rows dropped for missing values (prints R's "(k observations deleted due to missingness)"). */
  readonly nDropped?: number;
}

/** R's `naprint.omit` message, or null when nothing was dropped. */
export function naMessage(nDropped: number | undefined): string | null {
  if (nDropped === undefined || nDropped === 0) return null;
  return `  (${nDropped} observation${nDropped === 1 ? '' : 's'} deleted due to missingness)`;
}

/**
 * The five-number residual summary of `print.summary.lm`/`print.summary.glm`: the type-7
 * quantiles at 0, ¼, ½, ¾, 1, zapsmall'ed to digits + 1, printed as a named vector (Min, 1Q,
 * Median, 3Q, Max) with `gap` spaces between columns.
 */
export function residualQuantileLines(
  residuals: ArrayLike<number>,
  digits: number,
  gap: number,
): string[] {
  const q = zapsmall(quantile7(residuals, [0, 0.25, 0.5, 0.75, 1]), digits + 1);
  return printNamedVector(['Min', '1Q', 'Median', '3Q', 'Max'], formatReal(q, digits), gap);
}

/**
 * The coefficient section of R's summary printers: "No Coefficients", or the header (with the
 * count of coefficients not defined because of singularities) and `printCoefmat` of
 * Estimate, Std. Error, `<stat> value`, `Pr(>|<stat>|)`, aliased names as NA rows, in the order
 * of `names` (default: the estimated coefficients, then the aliased ones).
 */
export function coefficientSectionLines(
  coefficients: readonly CoefficientRow[],
  aliased: readonly string[],
  statisticName: string,
  digits: number,
  coefficientNames?: readonly string[],
): string[] {
  const names = coefficientNames ?? [...coefficients.map((r) => r.term), ...aliased];
  if (names.length === 0) return ['No Coefficients'];
  const byName = new Map(coefficients.map((r) => [r.term, r]));
  const rows = names.map((n) => {
    const r = byName.get(n);
    return r === undefined
      ? [Number.NaN, Number.NaN, Number.NaN, Number.NaN]
      : [r.estimate, r.stdError, r.statistic, r.pValue];
  });
  const st = statisticName;
  return [
    aliased.length > 0
      ? `Coefficients: (${aliased.length} not defined because of singularities)`
      : 'Coefficients:',
    ...formatCoefmat(names, ['Estimate', 'Std. Error', `${st} value`, `Pr(>|${st}|)`], rows, {
      digits,
      csInd: [0, 1],
      tstInd: [2],
      hasPvalue: true,
    }),
  ];
}
