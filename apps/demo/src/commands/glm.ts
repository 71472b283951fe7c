import { formatSummaryGlm, glmAuto, glmReport, summaryGlmAuto } from '@likelihood/glm';
import { type Command, requireString } from '../command.js';
import { dataOptions, loadData } from '../data-source.js';
import { toJson } from '../json.js';
import { familyCall, familyFromOptions } from './fit-options.js';

export const glmCommand: Command = {
  name: 'glm',
  summary: "Fit a generalized linear model by IRLS (R's glm) and print its summary.",
  usage:
    'likelihood glm (--data F.csv | --dataset name) --formula "y ~ x" [--family poisson] [--link log] [--weights col] [--offset col] [--factor col,…] [--json]',
  example:
    'likelihood glm --dataset vegetables --formula "sale ~ log(normalSale)" --family poisson --json',
  options: {
    ...dataOptions,
    formula: { type: 'string', placeholder: '"y ~ x"', description: 'model formula, as in R' },
    family: {
      type: 'string',
      placeholder: 'name',
      description: 'binomial, poisson, gaussian (default), Gamma, inverse.gaussian, quasi…',
    },
    link: {
      type: 'string',
      placeholder: 'name',
      description: "the family's link (default: canonical)",
    },
    weights: { type: 'string', placeholder: 'col', description: 'prior weights column' },
    offset: {
      type: 'string',
      placeholder: 'col',
      description: 'offset column (added to the linear predictor)',
    },
    json: { type: 'boolean', description: 'print one JSON document' },
  },
  async run(values, io) {
    const formula = requireString(values, 'formula');
    const family = familyFromOptions(values);
    const { data, factors, dataset } = await loadData(values);
    const weights = typeof values.weights === 'string' ? values.weights : undefined;
    const offset = typeof values.offset === 'string' ? values.offset : undefined;
    // a factor with many levels is fitted as a sparse indicator block (O(n) per iteration)
    const fit = glmAuto(formula, data, {
      family,
      factors,
      ...(weights === undefined ? {} : { weights }),
      ...(offset === undefined ? {} : { offset }),
    });
    if (values.json) {
      io.stdout(toJson(glmReport(fit)));
      return;
    }
    const m = fit.model;
    io.stdout(
      formatSummaryGlm(summaryGlmAuto(fit), {
        formula,
        familyCall: familyCall(values),
        dataName: dataset.name,
        coefficientNames: m.columnNames,
        extraArgs: [
          ...(weights === undefined ? [] : [`weights = ${weights}`]),
          ...(offset === undefined ? [] : [`offset = ${offset}`]),
        ],
      }),
    );
    for (const w of m.warnings) io.stderr(`Warning: ${w}\n`);
  },
};
