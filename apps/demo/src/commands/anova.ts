import {
  type AnovaGlmTest,
  anovaGlmModels,
  anovaLmModels,
  formatAnovaGlmModels,
  formatAnovaLmModels,
  glm,
  lm,
} from '@likelihood/glm';
import type { Command } from '../command.js';
import { dataOptions, loadData } from '../data-source.js';
import { UsageError } from '../errors.js';
import { toJson } from '../json.js';
import { familyFromOptions } from './fit-options.js';

const TESTS: readonly AnovaGlmTest[] = ['Chisq', 'LRT', 'F'];

export const anovaCommand: Command = {
  name: 'anova',
  summary:
    'Compare nested models: F tests for linear models, analysis of deviance for GLMs (--family).',
  usage:
    'likelihood anova (--data F.csv | --dataset name) --formula A --formula B […] [--family name [--link name] [--test Chisq|F]] [--json]',
  example:
    'likelihood anova --dataset machines --formula "score ~ Machine + Worker" --formula "score ~ Machine * Worker" --json',
  options: {
    ...dataOptions,
    formula: {
      type: 'string',
      multiple: true,
      placeholder: '"y ~ x"',
      description: 'a model formula; give two or more, smallest first',
    },
    family: {
      type: 'string',
      placeholder: 'name',
      description: 'fit GLMs of this family instead of lm',
    },
    link: { type: 'string', placeholder: 'name', description: "the family's link" },
    test: {
      type: 'string',
      placeholder: 'name',
      description:
        'GLM test: Chisq (default for fixed dispersion) or F (default for quasi/gaussian)',
    },
    json: { type: 'boolean', description: 'print one JSON document' },
  },
  async run(values, io) {
    const formulas = Array.isArray(values.formula) ? values.formula : [];
    if (formulas.length < 2) throw new UsageError('give at least two --formula options to compare');
    const { data, factors } = await loadData(values);
    if (typeof values.family !== 'string') {
      if (values.test !== undefined || values.link !== undefined) {
        throw new UsageError('--test and --link need --family');
      }
      const fits = formulas.map((f) => lm(f, data, { factors }));
      const rows = anovaLmModels(fits);
      if (values.json) {
        const doc = rows.map((r) => ({
          resDf: r.resDf,
          rss: r.rss,
          df: r.df,
          sumSq: r.sumSq,
          statistic: r.fValue,
          pValue: r.pValue,
        }));
        io.stdout(toJson(doc));
      } else {
        io.stdout(formatAnovaLmModels(rows, formulas));
      }
      return;
    }
    const family = familyFromOptions(values);
    let test: AnovaGlmTest;
    if (values.test === undefined) {
      test = family.dispersionFixed ? 'Chisq' : 'F';
    } else if (
      typeof values.test === 'string' &&
      (TESTS as readonly string[]).includes(values.test)
    ) {
      test = values.test as AnovaGlmTest;
    } else {
      throw new UsageError(`unknown --test '${String(values.test)}'; use Chisq, LRT or F`);
    }
    const fits = formulas.map((f) => glm(f, data, { family, factors }));
    const rows = anovaGlmModels(fits, { test });
    if (values.json) {
      const doc = rows.map((r) => ({
        resDf: r.resDf,
        deviance: r.resDev,
        df: r.df,
        devianceChange: r.deviance,
        statistic: test === 'F' ? r.fValue : r.deviance,
        pValue: r.pValue,
      }));
      io.stdout(toJson(doc));
    } else {
      io.stdout(formatAnovaGlmModels(rows, formulas, { test }));
    }
  },
};
