export type {
  GaussianMixture1d,
  GaussianMixture1dFit,
  GaussianMixtureMv,
  GaussianMixtureMvFit,
  MixtureFitInfo,
  MixtureRun,
  MixtureWarning,
  MultivariateModelName,
  PoissonMixture,
  UnivariateModelName,
} from './types.js';
export {
  MixtureError,
  MixtureInputError,
  NonFiniteDataError,
  TooManyComponentsError,
  MixtureDimensionError,
  InvalidWeightsError,
} from './errors.js';
export type { MixtureMoments } from './gaussian-1d-density.js';
export {
  gaussianMixtureDensity,
  gaussianMixtureLogDensity,
  gaussianMixtureJointDensity,
  gaussianMixtureLogJointDensity,
  gaussianMixturePosterior,
  gaussianMixtureLogJoint,
  gaussianMixtureMoments,
} from './gaussian-1d-density.js';
export type { TwoComponentGaussian } from './canonical.js';
export {
  toCanonical,
  fromCanonical,
  canonicalLogJointDensity,
  canonicalDensity,
} from './canonical.js';
export type { SimulationMethod } from './simulate.js';
export {
  simulateGaussianMixture,
  simulateGaussianMixtureMv,
  simulatePoissonMixture,
} from './simulate.js';
export type { MixtureRng } from './rng.js';
export { mixtureRng } from './rng.js';
export type { Partition } from './kmeans-pp.js';
export { kmeansPlusPlus } from './kmeans-pp.js';
export type { Gaussian1dStats } from './gaussian-1d-em.js';
export {
  eStepGaussian1d,
  mStepGaussian1d,
  gaussian1dModel,
  gaussian1dMixtoolsModel,
} from './gaussian-1d-em.js';
export type { FitGaussianMixture1dOptions } from './fit-gaussian-1d.js';
export { fitGaussianMixture1d, dfGaussian1d } from './fit-gaussian-1d.js';
export type { GaussianMvStats } from './gaussian-mv-kernels.js';
export { eStepGaussianMv } from './gaussian-mv-kernels.js';
export { gaussianMvModel, mStepGaussianMv } from './gaussian-mv-em.js';
export {
  gaussianMixtureMvLogJoint,
  gaussianMixtureMvLogDensity,
  posteriorFromLogJoint,
} from './gaussian-mv-density.js';
export type { FitGaussianMixtureOptions } from './fit-gaussian-mv.js';
export { fitGaussianMixture, dfGaussianMv } from './fit-gaussian-mv.js';
export type { PoissonStats, FitPoissonMixtureOptions } from './poisson-mixture.js';
export { eStepPoisson, poissonModel, fitPoissonMixture } from './poisson-mixture.js';
export type { BicRow, BicTable } from './bic.js';
export { mixtureBIC1d, mixtureBIC } from './bic.js';
export type { FitDirectOptions, DirectFit } from './fit-direct.js';
export { fitGaussianMixture1dDirect } from './fit-direct.js';
export type { FormatMixtureOptions } from './format-mixture.js';
export { formatMixtureFit, icl } from './format-mixture.js';
export type {
  ExpFamMixture,
  ExpFamMixtureFit,
  ExpFamStats,
  FitExpFamMixtureOptions,
} from './expfam-mixture.js';
export { expFamMixtureModel, fitExpFamMixture } from './expfam-mixture.js';
export type { MixtureJson } from './mixture-json.js';
export { mixtureToJson } from './mixture-json.js';
export type { MixtureStandardErrors } from './standard-errors.js';
export { gaussianMixture1dStandardErrors } from './standard-errors.js';
