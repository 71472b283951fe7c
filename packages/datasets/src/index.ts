export type {
  Column,
  Dataset,
  FactorColumn,
  FactorInfo,
  FactorNames,
  NumericColumn,
} from './dataset.js';
export { factorCodes, isNumericColumn } from './dataset.js';
export { CsvError, DatasetsError, UnknownDatasetError } from './errors.js';
export { compareStringsR, sortedLevelsR } from './compare-strings-r.js';
export type { ReadCsvOptions } from './read-csv.js';
export { readCsv } from './read-csv.js';
export type { DatasetName } from './load-dataset.js';
export { datasetNames, loadDataset } from './load-dataset.js';

// Source texts
export { moths } from './data/moths.js';
export { vegetables } from './data/vegetables.js';
export { ceb } from './data/ceb.js';
export { wheat } from './data/wheat.js';
export { loadNels } from './data/nels.js';
export { bonds } from './data/bonds.js';
export { machines } from './data/machines.js';
// Standard mixed-model and GLM examples
export { sleepstudy } from './data/sleepstudy.js';
export { dyestuff } from './data/dyestuff.js';
export { dyestuff2 } from './data/dyestuff2.js';
export { penicillin } from './data/penicillin.js';
export { pastes } from './data/pastes.js';
export { cbpp } from './data/cbpp.js';
export { loadInstEval } from './data/inst-eval.js';
export { faithful } from './data/faithful.js';
export { orthodont } from './data/orthodont.js';
export { oats } from './data/oats.js';
export { ergoStool } from './data/ergo-stool.js';
export { insectSprays } from './data/insect-sprays.js';
export { warpbreaks } from './data/warpbreaks.js';
export { birthwt } from './data/birthwt.js';
