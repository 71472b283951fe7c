import { anovaLm, formatAnovaLm, formatSummaryLm, lm, summaryLm } from '@likelihood/glm';
import { type Command, requireString } from '../command.js';
import { dataOptions, loadData } from '../data-source.js';
import { jsonNumber } from './fit-options.js';

export const lmCommand: Command = {
  name: 'lm',
  summary: "Fit a linear model by least squares (R's lm); print its summary and ANOVA table.",
  usage:
    'likelihood lm (--data F.csv | --dataset name) --formula "y ~ x" [--weights col] [--factor col,…] [--json]',
  example: 'likelihood lm --dataset machines --formula "score ~ Machine * Worker" --json',
  options: {
    ...dataOptions,
    formula: { type: 'string', placeholder: '"y ~ x"', description: 'model formula, as in R' },
    weights: { type: 'string', placeholder: 'col', description: 'weights column' },
    json: { type: 'boolean', description: 'print one JSON document' },
  },
  async run(values, io) {
    const formula = requireString(values, 'formula');
    const { data, factors, dataset } = await loadData(values);
    const fit = lm(formula, data, {
      factors,
      ...(typeof values.weights === 'string' ? { weights: values.weights } : {}),
    });
    const s = summaryLm(fit);
    const table = anovaLm(fit, fit.terms);
    if (values.json) {
      const doc = {
        coefficients: s.coefficients.map((r) => ({
          term: r.term,
          estimate: r.estimate,
          stdError: r.stdError,
          statistic: r.statistic,
          pValue: r.pValue,
        })),
        aliased: s.aliased,
        sigma: s.sigma,
        dfResidual: s.dfResidual,
        rSquared: jsonNumber(s.rSquared),
        adjRSquared: jsonNumber(s.adjRSquared),
        fStatistic:
          s.fStatistic === null
            ? null
            : {
                value: s.fStatistic.value,
                numdf: s.fStatistic.numdf,
                dendf: s.fStatistic.dendf,
                pValue: s.fPValue,
              },
        anova: table.map((r) => ({
          term: r.term,
          df: r.df,
          sumSq: r.sumSq,
          meanSq: r.meanSq,
          fValue: jsonNumber(r.fValue),
          pValue: jsonNumber(r.pValue),
        })),
      };
      io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
      return;
    }
    io.stdout(
      formatSummaryLm(s, { formula, dataName: dataset.name, coefficientNames: fit.columnNames }),
    );
    io.stdout(`\n${formatAnovaLm(table, fit.responseLabel)}`);
  },
};
