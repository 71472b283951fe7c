import { isNumericColumn } from '@likelihood/datasets';
import { dense } from '@likelihood/linalg';
import {
  type MultivariateModelName,
  type UnivariateModelName,
  fitGaussianMixture,
  fitGaussianMixture1d,
  formatMixtureFit,
  mixtureToJson,
} from '@likelihood/mixture';
import { toJson } from '../json.js';
import { type Command, requireString } from '../command.js';
import { dataOptions, loadData } from '../data-source.js';
import { UsageError } from '../errors.js';

const UNIVARIATE: readonly string[] = ['E', 'V'];
const MULTIVARIATE: readonly string[] = ['EII', 'VII', 'EEE', 'VVV'];

export const mixtureCommand: Command = {
  name: 'mixture',
  summary: 'Fit a finite Gaussian mixture by EM (mclust models E, V, EII, VII, EEE, VVV).',
  usage:
    'likelihood mixture (--data F.csv | --dataset name) --columns a[,b…] --k 2 [--model V|E|EII|VII|EEE|VVV] [--seed n] [--json]',
  example: 'likelihood mixture --dataset faithful --columns eruptions --k 2 --model V --json',
  options: {
    data: dataOptions.data,
    dataset: dataOptions.dataset,
    columns: { type: 'string', placeholder: 'a[,b…]', description: 'numeric columns to model' },
    k: { type: 'string', placeholder: 'K', description: 'number of components' },
    model: {
      type: 'string',
      placeholder: 'name',
      description:
        'covariance model: V (default, 1 column) or E; VVV (default, ≥ 2 columns), EEE, VII, EII',
    },
    seed: {
      type: 'string',
      placeholder: 'n',
      description: 'seed of the k-means++ starts (default 1)',
    },
    json: { type: 'boolean', description: 'print one JSON document' },
  },
  async run(values, io) {
    const columns = requireString(values, 'columns')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const K = Number(requireString(values, 'k'));
    if (!Number.isInteger(K) || K < 1)
      throw new UsageError(`--k must be a positive integer, got '${String(values.k)}'`);
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(seed))
      throw new UsageError(`--seed must be an integer, got '${String(values.seed)}'`);
    const { dataset } = await loadData(values);
    const cols = columns.map((name) => {
      const col = dataset.columns[name];
      if (col === undefined) {
        throw new UsageError(
          `column '${name}' is not in the data (columns: ${dataset.columnNames.join(', ')})`,
        );
      }
      if (!isNumericColumn(col)) throw new UsageError(`column '${name}' is not numeric`);
      return col;
    });
    const model = typeof values.model === 'string' ? values.model : cols.length === 1 ? 'V' : 'VVV';
    let fit: Parameters<typeof mixtureToJson>[0];
    if (cols.length === 1) {
      if (!UNIVARIATE.includes(model))
        throw new UsageError(`--model for one column is E or V, got '${model}'`);
      fit = fitGaussianMixture1d(cols[0]!, { K, model: model as UnivariateModelName, seed });
    } else {
      if (!MULTIVARIATE.includes(model)) {
        throw new UsageError(
          `--model for ${cols.length} columns is one of ${MULTIVARIATE.join(', ')}, got '${model}'`,
        );
      }
      const n = cols[0]!.length;
      const X = dense(n, cols.length); // column-major: observations in rows
      for (const [j, c] of cols.entries()) X.data.set(c, j * n);
      fit = fitGaussianMixture(X, { K, model: model as MultivariateModelName, seed });
    }
    if (values.json) {
      io.stdout(toJson(mixtureToJson(fit)));
      return;
    }
    io.stdout(`${formatMixtureFit(fit, { variableNames: columns })}\n`);
  },
};
