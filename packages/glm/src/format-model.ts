import { anovaLm } from './anova-lm.js';
import { formatAnovaLm } from './format-anova.js';
import { formatSummaryGlm } from './format-summary-glm.js';
import { formatSummaryLm } from './format-summary-lm.js';
import type { GlmModel } from './glm-model.js';
import { summaryGlm } from './glm-summary.js';
import type { LmModel } from './lm-model.js';
import { summaryLm } from './lm-summary.js';

const DEFAULT_LINK: Readonly<Record<string, string>> = {
  binomial: 'logit',
  quasibinomial: 'logit',
  poisson: 'log',
  quasipoisson: 'log',
  gaussian: 'identity',
  Gamma: 'inverse',
  'inverse.gaussian': '1/mu^2',
};

/** How R's call shows a family: `poisson`, or `Gamma(link = "log")` for a non-default link. */
export function familyCallText(family: string, link: string): string {
  return DEFAULT_LINK[family] === link ? family : `${family}(link = "${link}")`;
}

/** Options of `formatGlmModel` / `formatLmModel`. */
export interface FormatModelOptions {
  /** The data's name in the printed call (default `data`). */
  readonly dataName?: string;
  /** Further call arguments as the user wrote them, e.g. `offset = log(n)`. */
  readonly extraArgs?: readonly string[];
  /** The whole call text, overriding the constructed one. */
  readonly call?: string;
}

/** `print(summary(m))` of a formula GLM, with the call `glm(formula = ..., family = ..., data = ...)`. */
export function formatGlmModel(m: GlmModel, o: FormatModelOptions = {}): string {
  return formatSummaryGlm(summaryGlm(m), {
    formula: m.formula,
    familyCall: familyCallText(m.family.family, m.family.link),
    dataName: o.dataName ?? 'data',
    coefficientNames: m.columnNames,
    nDropped: m.droppedRows.length,
    ...(o.extraArgs === undefined ? {} : { extraArgs: o.extraArgs }),
    ...(o.call === undefined ? {} : { call: o.call }),
  });
}

/** `print(summary(m))` of a formula linear model. */
export function formatLmModel(m: LmModel, o: FormatModelOptions = {}): string {
  const w0 = m.weights?.[0];
  const weighted = m.weights?.some((w) => w !== w0) ?? false;
  return formatSummaryLm(summaryLm(m), {
    formula: m.formula,
    dataName: o.dataName ?? 'data',
    coefficientNames: m.columnNames,
    nDropped: m.droppedRows.length,
    weighted,
    ...(o.call === undefined ? {} : { call: o.call }),
  });
}

/** `print(anova(m))` of a formula linear model. */
export function formatLmAnova(m: LmModel): string {
  return formatAnovaLm(anovaLm(m, m.terms), m.formula.split('~')[0]!.trim());
}
