import { formatCoefmat } from './format-coefmat.js';
import {
  deparseCall,
  formatCg,
  formatNumber,
  formatPval,
  formatReal,
  printNamedVector,
  quantile7,
  signif,
  zapsmall,
} from './format-r.js';
import { naMessage } from './format-summary-glm.js';
import type { LmSummary } from './lm-summary.js';

/** Options of `formatSummaryLm`. */
export interface FormatSummaryLmOptions {
  readonly call?: string;
  readonly formula?: string;
  readonly dataName?: string;
  readonly coefficientNames?: readonly string[];
  readonly weighted?: boolean;
  readonly digits?: number;
  /** Rows dropped for missing values (R's "(k observations deleted due to missingness)"). */
  readonly nDropped?: number;
}

/**
 * The text of R's `print(summary(lm))`: call, residual quantiles, coefficient table, residual
 * standard error, R-squared lines and the overall F statistic.
 */
export function formatSummaryLm(s: LmSummary, o: FormatSummaryLmOptions = {}): string {
  const digits = o.digits ?? 4;
  const call =
    o.call ??
    deparseCall('lm', [
      `formula = ${o.formula ?? '<formula>'}`,
      ...(o.dataName === undefined ? [] : [`data = ${o.dataName}`]),
    ]);
  const out: string[] = ['', 'Call:', call, '', `${o.weighted ? 'Weighted ' : ''}Residuals:`];
  const rdf = s.dfResidual;
  if (rdf > 5) {
    const q = zapsmall(quantile7(s.residuals, [0, 0.25, 0.5, 0.75, 1]), digits + 1);
    out.push(...printNamedVector(['Min', '1Q', 'Median', '3Q', 'Max'], formatReal(q, digits), 1));
  } else if (rdf > 0) {
    out.push(
      ...printNamedVector(
        Array.from(s.residuals, (_, i) => String(i + 1)),
        formatReal(s.residuals, digits),
        1,
      ),
    );
  } else {
    out.push('ALL residuals are 0: no residual degrees of freedom!');
  }
  const names = o.coefficientNames ?? [...s.coefficients.map((r) => r.term), ...s.aliased];
  const byName = new Map(s.coefficients.map((r) => [r.term, r]));
  out.push('');
  if (names.length === 0) {
    out.push('No Coefficients');
  } else {
    out.push(
      s.aliased.length > 0
        ? `Coefficients: (${s.aliased.length} not defined because of singularities)`
        : 'Coefficients:',
    );
    const rows = names.map((n) => {
      const r = byName.get(n);
      return r === undefined
        ? [Number.NaN, Number.NaN, Number.NaN, Number.NaN]
        : [r.estimate, r.stdError, r.statistic, r.pValue];
    });
    out.push(
      ...formatCoefmat(names, ['Estimate', 'Std. Error', 't value', 'Pr(>|t|)'], rows, {
        digits,
        csInd: [0, 1],
        tstInd: [2],
        hasPvalue: true,
      }),
    );
  }
  out.push('');
  out.push(
    `Residual standard error: ${formatNumber(signif(s.sigma, digits))} on ${rdf} degrees of freedom`,
  );
  const na = naMessage(o.nDropped);
  if (na !== null) out.push(na);
  if (s.fStatistic !== null) {
    out.push(
      `Multiple R-squared:  ${formatCg(s.rSquared, digits)},\tAdjusted R-squared:  ${formatCg(s.adjRSquared, digits)} `,
    );
    out.push(
      `F-statistic: ${formatCg(s.fStatistic.value, digits)} on ${s.fStatistic.numdf} and ${s.fStatistic.dendf} DF,  p-value: ${formatPval([s.fPValue], digits)[0]}`,
    );
  }
  out.push('');
  return out.join('\n');
}
