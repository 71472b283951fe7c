export type { BinaryOp, CallArg, Expr } from './expr.js';
export { deparse, formatRNumber, isSyntacticName } from './expr.js';
export {
  DataError,
  EvaluationError,
  FactorError,
  FormulaError,
  FormulaSyntaxError,
  NonFiniteValueError,
  UnknownColumnError,
} from './errors.js';
export { parseExpression } from './parser.js';
export type { Term, TermList, Variable } from './terms.js';
export { expandTerms } from './terms.js';
export type { RandomGroup, RandomTerm } from './random-terms.js';
export type { ParseFormulaOptions, ParsedFormula } from './parse-formula.js';
export { parseFormula } from './parse-formula.js';
export type { ColumnInput, DataInput } from './data.js';
export type { Factor, FactorSpec } from './factor.js';
export {
  compareStringsR,
  dropUnusedLevels,
  factorFromNumbers,
  factorFromStrings,
  interactionFactor,
} from './factor.js';
export type { PolyCoefs } from './poly.js';
export { orthoPoly, predictOrthoPoly, rawPoly } from './poly.js';
export type { FrameColumn, MatrixColumn, NumericColumn } from './evaluate.js';
export { evaluateVariable } from './evaluate.js';
export { roundHalfEven } from './vector-ops.js';
export type { ModelFrame, ModelFrameOptions } from './model-frame.js';
export { groupingFactor, modelFrame } from './model-frame.js';
export type { ContrastKind, ContrastMatrix, ContrastSpec } from './contrasts.js';
export { contrastMatrix, contrHelmert, contrPoly, contrSum, contrTreatment } from './contrasts.js';
export type { DesignMatrix, IndicatorBlock, ModelMatrixOptions } from './model-matrix.js';
export { modelMatrix } from './model-matrix.js';
export type { NewDataOptions } from './new-data.js';
export { newDataFrame } from './new-data.js';
