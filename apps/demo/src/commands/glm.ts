import { aicGlm, formatSummaryGlm, glm, logLikGlm, summaryGlm } from '@likelihood/glm';
import { type Command, requireString } from '../command.js';
import { dataOptions, loadData } from '../data-source.js';
import { familyCall, familyFromOptions, jsonNumber } from './fit-options.js';

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
    const fit = glm(formula, data, {
      family,
      factors,
      ...(typeof values.weights === 'string' ? { weights: values.weights } : {}),
      ...(typeof values.offset === 'string' ? { offset: values.offset } : {}),
    });
    const s = summaryGlm(fit);
    if (values.json) {
      const ll = logLikGlm(fit);
      const aic = aicGlm(fit);
      const doc = {
        coefficients: s.coefficients.map((r) => ({
          term: r.term,
          estimate: r.estimate,
          stdError: r.stdError,
          statistic: r.statistic,
          pValue: r.pValue,
        })),
        aliased: s.aliased,
        deviance: s.deviance,
        nullDeviance: s.nullDeviance,
        dfResidual: s.dfResidual,
        dfNull: s.dfNull,
        aic: jsonNumber(aic),
        logLik: jsonNumber(ll.value),
        dispersion: s.dispersion,
        iterations: fit.iter,
        converged: fit.converged,
        warnings: fit.warnings,
      };
      io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
      return;
    }
    io.stdout(
      formatSummaryGlm(s, {
        formula,
        familyCall: familyCall(values),
        dataName: dataset.name,
        coefficientNames: fit.columnNames,
      }),
    );
    for (const w of fit.warnings) io.stderr(`Warning: ${w}\n`);
  },
};
