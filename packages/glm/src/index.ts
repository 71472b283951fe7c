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
export type { GlmControl, GlmFitOptions, GlmFitResult } from './glm-fit.js';
export { glmFit } from './glm-fit.js';
export type { CoefficientRow, GlmSummary, LogLik } from './glm-summary.js';
export {
  dispersionPearson,
  glmDispersion,
  vcovGlm,
  summaryGlm,
  nobsGlm,
  logLikGlm,
  aicGlm,
  bicGlm,
} from './glm-summary.js';
export type { GlmResidualType } from './glm-influence.js';
export {
  residualsGlm,
  hatFromQr,
  hatValuesGlm,
  cooksDistanceGlm,
  rstandardGlm,
} from './glm-influence.js';
export type { ConfintRow, CoefficientProfile, ProfileOptions } from './confint-glm.js';
export { confintWald, profileGlm, confintProfile } from './confint-glm.js';
export { splineFmm, approxLinear } from './spline.js';
export type { AnovaGlmTest, AnovaGlmRow, TermsInfo } from './anova-glm.js';
export { anovaGlm, anovaGlmModels } from './anova-glm.js';
export type { LmFitOptions, LmFitResult } from './lm-fit.js';
export { lmFit } from './lm-fit.js';
export type { LmSummary } from './lm-summary.js';
export {
  rssLm,
  sigmaLm,
  summaryLm,
  vcovLm,
  confintLm,
  logLikLm,
  hatValuesLm,
  rstandardLm,
  cooksDistanceLm,
} from './lm-summary.js';
export type { AnovaLmRow, AnovaLmModelsRow } from './anova-lm.js';
export { anovaLm, anovaLmModels } from './anova-lm.js';
export type { FletcherVariant, FletcherDispersion } from './dispersion.js';
export { varianceDerivative, dispersionFletcher } from './dispersion.js';
export type { ModelInfo, GlmModel, GlmOptions } from './glm-model.js';
export { glm, frameResponse, frameFactorLevels } from './glm-model.js';
export type { LmModel, LmOptions } from './lm-model.js';
export { lm } from './lm-model.js';
export {
  formatReal,
  formatNumber,
  formatPval,
  formatCg,
  toFixedC,
  zapsmall,
  signifStars,
  SIGNIF_LEGEND,
  quantile7,
  deparseCall,
  roundTo,
  printCharMatrix,
  printCharMatrixLeft,
  printNamedVector,
  formatRealNsmall,
  abbreviate,
} from './format-r.js';
export type { CoefmatOptions } from './format-coefmat.js';
export { formatCoefmat } from './format-coefmat.js';
export type { FormatSummaryGlmOptions } from './format-summary-glm.js';
export { formatSummaryGlm } from './format-summary-glm.js';
export type { FormatSummaryLmOptions } from './format-summary-lm.js';
export { formatSummaryLm } from './format-summary-lm.js';
export {
  formatAnovaLm,
  formatAnovaLmModels,
  formatAnovaGlm,
  formatAnovaGlmModels,
} from './format-anova.js';
export type { WlsSolver, WlsStep, IrlsInput, IrlsCore } from './irls.js';
export { runIrls } from './irls.js';
export { DenseWlsSolver } from './glm-fit.js';
export type { IndicatorDesign, IndicatorState } from './indicator-solver.js';
export { IndicatorWlsSolver } from './indicator-solver.js';
export type { GlmSparseFit, GlmSparseModel, GlmSparseOptions } from './glm-sparse.js';
export {
  glmFitSparse,
  summaryGlmSparse,
  glmSparse,
  cooksDistanceGlmSparse,
  sparseDispersion,
} from './glm-sparse.js';
export type { PredictOptions, Prediction } from './predict.js';
export { predictGlmMatrix, predictGlm } from './predict.js';
export type { WaldRegionResult } from './wald-region.js';
export { waldRegion } from './wald-region.js';
export type { FormatModelOptions } from './format-model.js';
export { familyCallText, formatGlmModel, formatLmModel, formatLmAnova } from './format-model.js';
export type { GlmAutoModel, GlmReport } from './glm-auto.js';
export { glmAuto, glmReport, summaryGlmAuto } from './glm-auto.js';
export type { LmReport } from './lm-report.js';
export { lmReport } from './lm-report.js';
