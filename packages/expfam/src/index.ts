export {
  ExpfamError,
  LinkError,
  DomainError,
  CountError,
  LengthError,
  PartitionError,
  ParametrizationError,
} from './errors.js';
export type { Link, LinkName } from './links.js';
export { DBL_EPSILON, LINK_NAMES, isLinkName, makeLink } from './links.js';
export type {
  BinomialCounts,
  Family,
  FamilyName,
  FamilyStart,
  FactorResponse,
  GlmResponse,
  InitializeOptions,
} from './family.js';
export { binomial, binomialDevResid, quasibinomial } from './binomial.js';
export { poisson, poissonDevResid, quasipoisson } from './poisson.js';
export { gaussian, gaussianDevResid } from './gaussian-family.js';
export { Gamma, gammaDevResid } from './gamma-family.js';
export { inverseGaussian, inverseGaussianDevResid } from './inverse-gaussian.js';
export type { QuasiOptions, QuasiVariance, QuasiVarianceName } from './quasi.js';
export { quasi } from './quasi.js';
export { qnorm } from './normal-quantile.js';
export { trigamma } from './trigamma.js';
export {
  besselI0Scaled,
  besselI1Scaled,
  besselRatioI1I0,
  logBesselI0,
} from './bessel-scaled.js';
export type {
  ExponentialFamily,
  ExpfamMle,
  ExpfamObjective,
  SufficientStatistics,
} from './exponential-family.js';
export { expfamNegLogLik, meanValue, sufficientStatistics } from './exponential-family.js';
export {
  bernoulliExpfam,
  binomialExpfam,
  log1pExp,
  logSumExp,
  multinomialExpfam,
  poissonExpfam,
} from './expfam-discrete.js';
export {
  gammaExpfam,
  gaussianCanonical,
  gaussianExpfam,
  gaussianMeanVariance,
  vonMises,
  vonMisesCanonical,
  vonMisesPolar,
} from './expfam-continuous.js';
export type { MultinomialParametrization } from './multinomial.js';
export {
  logMultinomialCoefficient,
  logisticLogLik,
  logisticProbability,
  multinomialLogLik,
  multinomialProbabilities,
  multinomialTheta,
  plusMinusLogLik,
  plusMinusProbability,
  tabulate,
} from './multinomial.js';
export type {
  CellParametrization,
  CollapseMap,
  CollapsedMultinomial,
  CollapsedMultinomialOptions,
} from './cell-collapsing.js';
export {
  collapseMap,
  collapsedMultinomial,
  conditionalCellExpectation,
  conditionalCellExpectationInto,
} from './cell-collapsing.js';
export type { PepperedMothsSpec } from './peppered-moths.js';
export {
  pepperedMoths,
  pepperedMothsJacobian,
  pepperedMothsProb,
  pepperedMothsSpec,
} from './peppered-moths.js';
export { FAMILY_NAMES, familyByName } from './family-by-name.js';
