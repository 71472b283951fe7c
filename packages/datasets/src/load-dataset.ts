import type { Dataset } from './dataset.js';
import { datasetLoaders } from './data/registry.js';
import { UnknownDatasetError } from './errors.js';

/** Name of a bundled data set, e.g. `"sleepstudy"`, `"instEval"`. */
export type DatasetName = keyof typeof datasetLoaders;

/** Names of every bundled data set, in the order of the package README. */
export const datasetNames: readonly DatasetName[] = Object.keys(datasetLoaders) as DatasetName[];

/**
 * Load a bundled data set by name, e.g. for a command-line `--dataset` option. Names match
 * case-insensitively, so R's spellings (`"Machines"`, `"InstEval"`, `"ergoStool"`) work too.
 * Only the requested data set's module is imported. Throws {@link UnknownDatasetError} (which
 * lists the available names) for any other name.
 */
export function loadDataset(name: string): Promise<Dataset> {
  const key = datasetNames.find((n) => n.toLowerCase() === name.toLowerCase());
  if (key === undefined) return Promise.reject(new UnknownDatasetError(name, datasetNames));
  return datasetLoaders[key]();
}
