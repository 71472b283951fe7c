export type { DenseMatrix } from './dense.js';
export { dense, fromRows, fromMatrix, toMatrix, get, copyDense, assertFinite } from './dense.js';
export {
  LinalgError,
  DimensionError,
  NonFiniteError,
  NotSquareError,
  NotPositiveDefiniteError,
  SingularMatrixError,
} from './errors.js';
export { dot, axpyInPlace } from './blas1.js';
export type { GemvOptions } from './gemv.js';
export { gemv } from './gemv.js';
export type { GemmOptions } from './gemm.js';
export { gemm, gemmInto, crossprod, tcrossprod } from './gemm.js';
export type { WeightedNormalEquations } from './weighted.js';
export { crossprodWeighted, crossprodWeightedVec, weightedNormalEquations } from './weighted.js';
export type { CholeskyReport, PivotedCholesky } from './cholesky.js';
export { choleskyInPlace, cholesky, pivotedCholesky } from './cholesky.js';
export type { TriangularOptions } from './triangular.js';
export { solveTriangular, solveTriangularInPlace } from './triangular.js';
export type { Chol2invOptions } from './cholesky-utils.js';
export { choleskySolve, chol2inv, logDetFromCholesky, inverseSpd } from './cholesky-utils.js';
export type { QrPivoted } from './qr.js';
export { qrPivoted, qrPivotedInPlace } from './qr.js';
export {
  qrCoef,
  qrQty,
  qrQtyInPlace,
  qrQy,
  qrQyInPlace,
  qrSolveRInPlace,
  qrFitted,
  qrResiduals,
  qrRInverse,
  qrUnscaledCovariance,
} from './qr-solve.js';
export type { CscMatrix, CscCrossprodOptions } from './csc.js';
export {
  cscFromTriplets,
  cscToDense,
  cscTimesVec,
  cscTransposeTimesVec,
  cscTransposeTimesDense,
  cscTranspose,
  cscCrossprod,
  cscCrossprodDense,
  assertCsc,
} from './csc.js';
export type { IndicatorMatrix } from './indicator.js';
export {
  indicatorMatrix,
  indicatorTransposeTimesVec,
  indicatorTimesVec,
  indicatorCrossprodDiag,
  indicatorTransposeTimesDense,
  indicatorCrossprod,
  indicatorToCsc,
} from './indicator.js';
export { sumExtended } from './sum-extended.js';
export type { VariableMetricWorkspace } from './variable-metric.js';
export { variableMetricWorkspace } from './variable-metric.js';
export type {
  EliminationPattern,
  GroupedScatter,
  SparseEliminationKernel,
} from './sparse-elimination.js';
export {
  eliminationPattern,
  eliminateSparseInPlace,
  subtractGroupedScatterInPlace,
  sparseEliminationKernel,
  sparseEliminationKind,
} from './sparse-elimination.js';
