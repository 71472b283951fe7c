export type { DenseMatrix } from './dense.js';
export { dense, fromRows, fromMatrix, toMatrix, get, copyDense, assertFinite } from './dense.js';
export { LinalgError, DimensionError, NonFiniteError } from './errors.js';
