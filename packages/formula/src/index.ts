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
export type { ParsedFormula } from './parse-formula.js';
export { parseFormula } from './parse-formula.js';
