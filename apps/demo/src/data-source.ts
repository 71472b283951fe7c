import { readFileSync } from 'node:fs';
import { type Dataset, loadDataset, readCsv } from '@likelihood/datasets';
import type { DataInput, FactorSpec } from '@likelihood/formula';
import type { ParsedValues } from './command.js';
import { UsageError } from './errors.js';

/** The `--data`/`--dataset`/`--factor` options every fitting command shares. */
export const dataOptions = {
  data: { type: 'string', placeholder: 'F.csv', description: 'CSV file with a header row' },
  dataset: {
    type: 'string',
    placeholder: 'name',
    description: 'a bundled data set instead of --data',
  },
  factor: {
    type: 'string',
    placeholder: 'col[,col…]',
    description: 'read numeric-looking columns (e.g. store ids) as factors',
  },
} as const;

/** Data ready for `@likelihood/formula`: the columns plus each factor's level order. */
export interface LoadedData {
  readonly dataset: Dataset;
  readonly data: DataInput;
  readonly factors: Record<string, FactorSpec>;
}

/**
 * Loads `--data F.csv` (string columns become factors with R's sorted level order; `--factor`
 * columns are read as factors with levels sorted as strings) or `--dataset name` (a bundled set
 * with its own level orders).
 */
export async function loadData(values: ParsedValues): Promise<LoadedData> {
  const file = values.data;
  const name = values.dataset;
  if (typeof file === 'string' && typeof name === 'string') {
    throw new UsageError('give either --data or --dataset, not both');
  }
  const factorList =
    typeof values.factor === 'string'
      ? values.factor
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0)
      : [];
  let dataset: Dataset;
  if (typeof file === 'string') {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`cannot read --data file '${file}'`);
    }
    dataset = readCsv(text, { factors: factorList, name: file });
  } else if (typeof name === 'string') {
    dataset = await loadDataset(name);
    for (const col of factorList) {
      if (!dataset.columnNames.includes(col)) {
        throw new UsageError(`--factor names column '${col}', which ${dataset.name} does not have`);
      }
    }
  } else {
    throw new UsageError('missing required option --data (or --dataset)');
  }
  const factors: Record<string, FactorSpec> = {};
  for (const [col, info] of Object.entries(dataset.factors)) {
    factors[col] = { levels: info.levels, ordered: info.ordered };
  }
  if (typeof name === 'string') {
    // numeric columns of a bundled set named by --factor: levels sorted as strings, as for CSV
    for (const col of factorList) {
      if (!(col in factors)) factors[col] = { levelOrder: 'string' };
    }
  }
  return { dataset, data: dataset.columns as DataInput, factors };
}
