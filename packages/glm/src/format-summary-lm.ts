import {
  deparseCall,
  formatCg,
  formatNumber,
  formatPval,
  formatReal,
  printNamedVector,
  signif,
} from './format-r.js';
import {
  type SummaryPrintOptions,
  coefficientSectionLines,
  naMessage,
  residualQuantileLines,
} from './format-summary-parts.js';
import type { LmSummary } from './lm-summary.js';

/** Options of `formatSummaryLm`. */
export interface FormatSummaryLmOptions extends SummaryPrintOptions {
  /** Print "Weighted Residuals:" (a weighted fit), as R. */
  readonly weighted?: boolean;
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
    out.push(...residualQuantileLines(s.residuals, digits, 1));
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
  out.push('');
  out.push(...coefficientSectionLines(s.coefficients, s.aliased, 't', digits, o.coefficientNames));
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
