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
