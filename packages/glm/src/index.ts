export {
  GlmError,
  GlmArgumentError,
  ResponseSupportError,
  NonFiniteInputError,
  LengthMismatchError,
  GlmFitError,
} from './errors.js';
export {
  pnorm,
  pnormUpper,
  qnorm,
  qt,
  pValueZ,
  pValueT,
  pchisqUpper,
  pfUpper,
} from './distributions.js';
export type { ShapiroWilkResult } from './shapiro-wilk.js';
export { shapiroWilk } from './shapiro-wilk.js';
export type { GlmFamily, GlmResponseInput, BinomialCountsInput } from './family-types.js';
export type { QrDecomposition, LeastSquaresResult } from './qr-ls.js';
export {
  qrDecomposeInPlace,
  qrQtyInPlace,
  qrQyInPlace,
  qrSolveR,
  qrUnscaledCov,
  leastSquaresInPlace,
} from './qr-ls.js';
export type { GlmControl, GlmFitOptions, GlmFitResult } from './glm-fit.js';
export { glmFit } from './glm-fit.js';
