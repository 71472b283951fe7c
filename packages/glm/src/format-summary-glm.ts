import { deparseCall, formatNumber, formatReal, printNamedVector, zapsmall } from './format-r.js';
import {
  type SummaryPrintOptions,
  coefficientSectionLines,
  naMessage,
  residualQuantileLines,
} from './format-summary-parts.js';
import type { GlmSummary } from './glm-summary.js';

/** Options of `formatSummaryGlm`. */
export interface FormatSummaryGlmOptions extends SummaryPrintOptions {
  /** The family as written in the call, e.g. `quasipoisson(link = "log")`. */
  readonly familyCall?: string;
  /** Extra call arguments such as `offset = log(n)`. */
  readonly extraArgs?: readonly string[];
}

/**
 * The text of R 4.2's `print(summary(glm))`: call, deviance-residual quantiles, the
 * coefficient table (`printCoefmat`), dispersion line, null/residual deviance lines, AIC and
 * the number of Fisher scoring iterations.
 */
export function formatSummaryGlm(s: GlmSummary, o: FormatSummaryGlmOptions = {}): string {
  const digits = o.digits ?? 4;
  const call =
    o.call ??
    deparseCall('glm', [
      `formula = ${o.formula ?? '<formula>'}`,
      `family = ${o.familyCall ?? s.family}`,
      ...(o.dataName === undefined ? [] : [`data = ${o.dataName}`]),
      ...(o.extraArgs ?? []),
    ]);
  const out: string[] = ['', 'Call:', call, '', 'Deviance Residuals: '];
  const dr = s.devianceResiduals;
  if (s.dfResidual > 5) {
    out.push(...residualQuantileLines(dr, digits, 2));
  } else {
    const z = zapsmall(dr, digits + 1);
    out.push(
      ...printNamedVector(
        Array.from(z, (_, i) => String(i + 1)),
        formatReal(z, digits),
        2,
      ),
    );
  }
  out.push('');
  out.push(
    ...coefficientSectionLines(
      s.coefficients,
      s.aliased,
      s.statisticName,
      digits,
      o.coefficientNames,
    ),
  );
  out.push('');
  out.push(
    `(Dispersion parameter for ${s.family} family taken to be ${formatNumber(s.dispersion)})`,
  );
  out.push('');
  const dev = formatReal([s.nullDeviance, s.deviance], Math.max(5, digits + 1));
  const df = formatReal([s.dfNull, s.dfResidual]);
  out.push(`    Null deviance: ${dev[0]}  on ${df[0]}  degrees of freedom`);
  out.push(`Residual deviance: ${dev[1]}  on ${df[1]}  degrees of freedom`);
  const na = naMessage(o.nDropped);
  if (na !== null) out.push(na);
  out.push(`AIC: ${s.aic === null ? 'NA' : formatNumber(s.aic, Math.max(4, digits + 1))}`);
  out.push('');
  out.push(`Number of Fisher Scoring iterations: ${s.iter}`);
  out.push('');
  return out.join('\n');
}
