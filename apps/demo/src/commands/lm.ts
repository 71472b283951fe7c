import { formatLmAnova, formatLmModel, lm, lmReport } from '@likelihood/glm';
import { type Command, requireString } from '../command.js';
import { dataOptions, loadData } from '../data-source.js';
import { toJson } from '../json.js';

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
    if (values.json) {
      io.stdout(toJson(lmReport(fit)));
      return;
    }
    io.stdout(formatLmModel(fit, { dataName: dataset.name }));
    io.stdout(`\n${formatLmAnova(fit)}`);
  },
};
