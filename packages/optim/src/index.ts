export type {
  Objective,
  Gradient,
  HessianFn,
  OptimCounts,
  OptimResult,
  TraceEntry,
  CommonOptions,
} from './types.js';
export {
  OptimError,
  NonFiniteStartError,
  DimensionMismatchError,
  GradientLengthError,
  InvalidArgumentError,
  NonFiniteValueError,
} from './errors.js';
export type { NelderMeadOptions } from './nelder-mead.js';
export { nelderMead } from './nelder-mead.js';
export type { NewtonOptions } from './newton.js';
export { newton } from './newton.js';
export type { OptimHessOptions } from './finite-difference.js';
export { optimHess } from './finite-difference.js';
export type { NelderMeadBoundedOptions } from './nelder-mead-bounded.js';
export { nelderMeadBounded } from './nelder-mead-bounded.js';
export type { BfgsOptions } from './bfgs.js';
export { bfgs } from './bfgs.js';
export type { LbfgsbOptions } from './lbfgsb.js';
export { lbfgsb } from './lbfgsb.js';
export type { RichardsonOptions, NumericGradientOptions } from './richardson.js';
export { numericGradient, numericHessian } from './richardson.js';
export type { NumericJacobian } from './numeric-jacobian.js';
export { numericJacobian } from './numeric-jacobian.js';
export type { BrentOptions, BrentResult } from './brent.js';
export { brent } from './brent.js';
export type { UnirootOptions, UnirootResult } from './uniroot.js';
export { uniroot, NotBracketedError } from './uniroot.js';
export type { BobyqaOptions } from './bobyqa.js';
export { bobyqa } from './bobyqa.js';
export type { ScaleOptions } from './scaling.js';
