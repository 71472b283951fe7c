import { vegetables } from '@likelihood/datasets';
import { poisson } from '@likelihood/expfam';
import type { DataInput } from '@likelihood/formula';
import { formatSummaryGlm, glm, glmSparse, summaryGlm, summaryGlmSparse } from '@likelihood/glm';
import { printMatrix } from './print-matrix.js';
import type { TourSection } from './section.js';

/** The text runs with `options(digits = 4)`: `print.summary.glm` uses max(3, digits - 3) = 3. */
const SUMMARY_DIGITS = 3;

/** Coefficient rows of a summary as JSON. */
function coefficientJson(
  rows: readonly { term: string; estimate: number; stdError: number; pValue: number }[],
) {
  return rows.map((r) => ({
    term: r.term,
    estimate: r.estimate,
    stdError: r.stdError,
    pValue: r.pValue,
  }));
}

/**
 * Seed 000 §6.3: Poisson regressions of campaign-week sales on log(normalSale), first across all
 * stores (2 parameters), then with one level per store (`store + log(normalSale) - 1`, 353
 * parameters; the 352 store columns are a sparse indicator block).
 */
export function vegetablesSection(): TourSection {
  const data = vegetables.columns as DataInput;
  const factors = { store: vegetables.factors.store! };
  const m0 = glm('sale ~ log(normalSale)', data, { family: poisson(), factors });
  const s0 = summaryGlm(m0);
  // R 4.3+ (which the text used) no longer prints the deviance-residual quantiles
  const printed = formatSummaryGlm(s0, {
    formula: 'sale ~ log(normalSale)',
    familyCall: 'poisson',
    dataName: 'vegetables',
    coefficientNames: m0.columnNames,
    digits: SUMMARY_DIGITS,
  }).replace(/\nDeviance Residuals: \n[^\n]*\n[^\n]*\n/, '');
  const m1 = glmSparse('sale ~ store + log(normalSale) - 1', data, { family: poisson(), factors });
  const s1 = summaryGlmSparse(m1);
  const pick = [0, 1, 2, 3, 352].map((i) => s1.coefficients[i]!);
  const head = printMatrix(
    pick.map((r) => r.term),
    ['Estimate', 'Std. Error', 'z value', 'Pr(>|z|)'],
    [
      pick.map((r) => r.estimate),
      pick.map((r) => r.stdError),
      pick.map((r) => r.statistic),
      pick.map((r) => r.pValue),
    ],
    4,
  );
  const text = [
    '> summary(glm(sale ~ log(normalSale), data = vegetables, family = poisson))',
    printed.trim(),
    '> pois_model <- glm(sale ~ store + log(normalSale) - 1, data = vegetables, family = poisson)',
    '> summary(pois_model)$coefficients[c(1, 2, 3, 4, 353), ]',
    head,
  ].join('\n');
  return {
    key: 'vegetables',
    title: 'Frozen vegetables: Poisson regression (seed 000 §6.3)',
    shows:
      'Campaign sales ~ log(normal sales), one slope for all stores, then 352 store levels (353 parameters) fitted by sparse IRLS.',
    text,
    json: {
      common: {
        coefficients: coefficientJson(s0.coefficients),
        deviance: s0.deviance,
        nullDeviance: s0.nullDeviance,
        aic: s0.aic,
        iterations: s0.iter,
      },
      byStore: {
        coefficientsShown: coefficientJson(pick),
        nCoefficients: s1.coefficients.length,
        deviance: s1.deviance,
        iterations: s1.iter,
      },
    },
  };
}
