import type { AnovaGlmRow } from './anova-glm.js';
import type { AnovaLmModelsRow, AnovaLmRow } from './anova-lm.js';
import { formatCoefmat } from './format-coefmat.js';

/**
 * R's `print.anova` body: Df columns by `format`, " value"/F/Chisq columns as test
 * statistics, other columns `zapsmall`ed, p-values by `format.pval`, NA printed as blank.
 */
function printAnovaTable(
  rownames: readonly string[],
  colnames: readonly string[],
  x: number[][],
  digits: number,
): string[] {
  const nc = colnames.length;
  const hasP = /^(P|Pr)\(/.test(colnames[nc - 1]!);
  const tst = colnames.flatMap((c, j) =>
    c.slice(1, 7) === ' value' || ['F', 'Cp', 'Chisq'].includes(c) ? [j] : [],
  );
  const zap = colnames
    .map((_, j) => j)
    .filter((j) => (!hasP || j < nc - 1) && !tst.includes(j) && !/Df$/.test(colnames[j]!));
  return formatCoefmat(rownames, colnames, x, {
    digits,
    csInd: [],
    tstInd: tst,
    zapInd: zap,
    hasPvalue: hasP,
    naPrint: '',
  });
}

/** R's `print(anova(lm))`: "Analysis of Variance Table", the response, the table. */
export function formatAnovaLm(rows: readonly AnovaLmRow[], response: string, digits = 5): string {
  const x = rows.map((r) => [r.df, r.sumSq, r.meanSq, r.fValue, r.pValue]);
  const lines = ['Analysis of Variance Table', '', `Response: ${response}`];
  lines.push(
    ...printAnovaTable(
      rows.map((r) => r.term),
      ['Df', 'Sum Sq', 'Mean Sq', 'F value', 'Pr(>F)'],
      x,
      digits,
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** R's `print(anova(m0, m1))` for linear models (`formulas` are the models' formulas). */
export function formatAnovaLmModels(
  rows: readonly AnovaLmModelsRow[],
  formulas: readonly string[],
  digits = 5,
): string {
  const lines = ['Analysis of Variance Table', ''];
  for (const [k, f] of formulas.entries()) lines.push(`Model ${k + 1}: ${f}`);
  const x = rows.map((r) => [r.resDf, r.rss, r.df, r.sumSq, r.fValue, r.pValue]);
  lines.push(
    ...printAnovaTable(
      rows.map((_, k) => String(k + 1)),
      ['Res.Df', 'RSS', 'Df', 'Sum of Sq', 'F', 'Pr(>F)'],
      x,
      digits,
    ),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * R's `print(anova(glm, test))` for the sequential table: heading with family, link and
 * response, then Df, Deviance, Resid. Df, Resid. Dev and the test columns.
 */
export function formatAnovaGlm(
  rows: readonly AnovaGlmRow[],
  info: { family: string; link: string; response: string; test: 'none' | 'Chisq' | 'LRT' | 'F' },
  digits = 5,
): string {
  const lines = [
    'Analysis of Deviance Table',
    '',
    `Model: ${info.family}, link: ${info.link}`,
    '',
    `Response: ${info.response}`,
    '',
    'Terms added sequentially (first to last)',
    '',
    '',
  ];
  const { cols, x } = withTestColumns(
    rows,
    ['Df', 'Deviance', 'Resid. Df', 'Resid. Dev'],
    (r) => [r.df, r.deviance, r.resDf, r.resDev],
    info.test,
  );
  lines.push(
    ...printAnovaTable(
      rows.map((r) => r.term),
      cols,
      x,
      digits,
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** The deviance columns of an anova.glm table plus the test's columns (Pr(>Chi), or F and Pr(>F)). */
function withTestColumns(
  rows: readonly AnovaGlmRow[],
  names: readonly string[],
  values: (r: AnovaGlmRow) => number[],
  test: 'none' | 'Chisq' | 'LRT' | 'F',
): { cols: string[]; x: number[][] } {
  const cols = [...names];
  const x = rows.map(values);
  if (test === 'Chisq' || test === 'LRT') {
    cols.push('Pr(>Chi)');
    for (const [i, r] of rows.entries()) x[i]!.push(r.pValue);
  } else if (test === 'F') {
    cols.push('F', 'Pr(>F)');
    for (const [i, r] of rows.entries()) x[i]!.push(r.fValue, r.pValue);
  }
  return { cols, x };
}

/**
 * R's `print(anova(m1, m2, ..., test))` for nested GLMs: "Analysis of Deviance Table", the
 * model formulas, then Resid. Df, Resid. Dev, Df, Deviance and the test columns.
 */
export function formatAnovaGlmModels(
  rows: readonly AnovaGlmRow[],
  formulas: readonly string[],
  info: { test: 'none' | 'Chisq' | 'LRT' | 'F' },
  digits = 5,
): string {
  const lines = ['Analysis of Deviance Table', ''];
  for (const [k, f] of formulas.entries()) lines.push(`Model ${k + 1}: ${f}`);
  const { cols, x } = withTestColumns(
    rows,
    ['Resid. Df', 'Resid. Dev', 'Df', 'Deviance'],
    (r) => [r.resDf, r.resDev, r.df, r.deviance],
    info.test,
  );
  lines.push(
    ...printAnovaTable(
      rows.map((_, k) => String(k + 1)),
      cols,
      x,
      digits,
    ),
  );
  return `${lines.join('\n')}\n`;
}
