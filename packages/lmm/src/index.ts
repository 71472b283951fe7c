export type { GroupingFactor, ReTermInput, ReTerm } from './re-terms.js';
export { prepareReTerms, thetaStart, thetaLower, thetaNames } from './re-terms.js';
export {
  LmmError,
  LmmInputError,
  NonNumericResponseError,
  MissingGroupingValueError,
  SingleLevelGroupingError,
  TooManyRandomEffectsError,
} from './errors.js';
export type { LmmSystem } from './lmm-system.js';
export { buildLmmSystem } from './lmm-system.js';
export type { BlockedFactor } from './blocked-cholesky.js';
export { allocateFactor, updateLInPlace } from './blocked-cholesky.js';
export type { FactorSummary, ProfiledDeviance } from './profiled-deviance.js';
export { lmmDeviance, factorSummary, devianceFromSummary } from './profiled-deviance.js';
export type { PlsSolution } from './pls-solution.js';
export { plsSolution } from './pls-solution.js';
export type {
  ThetaOptimizer,
  ThetaOptimizerResult,
  OptimizerSummary,
  OptimizedTheta,
} from './optimize-theta.js';
export { optimizeTheta, SINGULAR_TOL } from './optimize-theta.js';
export type { VarCorrGroup } from './var-corr.js';
export { varCorr } from './var-corr.js';
export type { LmmFit, FixefRow, RanefTerm } from './lmm-fit.js';
export { lmmFit } from './lmm-fit.js';
export type { LmmMatrixInput, LmmOptions } from './lmm-from-matrices.js';
export {
  lmmFromMatrices,
  lmmSystemFromMatrices,
  fitLmmSystem,
} from './lmm-from-matrices.js';
export { bobyqaTheta, nelderMeadTheta } from './default-optimizer.js';
export type { AnovaLmmRow, AnovaLmmResult } from './anova.js';
export { anovaLmm, refitML } from './anova.js';
export { marginalLogLik } from './marginal-loglik.js';
export type { FormatLmmSummaryOptions } from './format-lmm-summary.js';
export { formatLmm, formatLmmSummary } from './format-lmm-summary.js';
export type { LmmFormulaOptions } from './lmm.js';
export { lmm } from './lmm.js';
export type { OnewayAnova, AggregatedFTest, RandomBlockTest } from './classical.js';
export { onewayAnova, aggregatedFTest, randomBlockFTest } from './classical.js';
export type { GlsResult, MmeResult } from './gls.js';
export { gls, mixedModelEquations } from './gls.js';
export type { HierarchicalSpec, HierarchicalDraw } from './simulate.js';
export { simulateLmm, simulateHierarchical, standardNormal } from './simulate.js';
export type { BootstrapOptions, BootstrapResult } from './bootstrap.js';
export { parametricBootstrap, refitResponse, lmeParameters } from './bootstrap.js';
export type { LmmConfint } from './confint.js';
export { confintWald, confintBootstrap } from './confint.js';
export { confintProfile } from './profile-confint.js';
export type { LmmJson } from './lmm-json.js';
export { lmmFitToJson } from './lmm-json.js';
