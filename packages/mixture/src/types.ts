import type { DenseMatrix } from '@likelihood/linalg';
import type { Matrix } from 'ml-matrix';

/** mclust's univariate models: equal ("E") or unequal ("V") variances. */
export type UnivariateModelName = 'E' | 'V';
/** mclust's multivariate models: spherical (EII, VII), common (EEE), unrestricted (VVV). */
export type MultivariateModelName = 'EII' | 'VII' | 'EEE' | 'VVV';

/** Univariate Gaussian mixture f(y) = sum_k w_k N(y; mu_k, sigma_k^2). */
export interface GaussianMixture1d {
  readonly weights: Float64Array;
  readonly means: Float64Array;
  readonly variances: Float64Array;
}

/** Multivariate Gaussian mixture f(x) = sum_k w_k N_d(x; mu_k, Sigma_k). */
export interface GaussianMixtureMv {
  readonly weights: Float64Array;
  /** d x K, column k is mu_k. */
  readonly means: DenseMatrix;
  /** K matrices d x d (column-major). */
  readonly covariances: readonly DenseMatrix[];
}

/** Poisson mixture p(y) = sum_k w_k e^{-lambda_k} lambda_k^y / y!. */
export interface PoissonMixture {
  readonly weights: Float64Array;
  readonly lambdas: Float64Array;
}

/** A warning carried as data. */
export interface MixtureWarning {
  readonly type:
    | 'collapsing-component'
    | 'non-monotone'
    | 'non-convergence'
    | 'squarem-fallback'
    | 'non-finite';
  /** 0-based component, when the warning concerns one. */
  readonly component?: number;
  readonly iteration?: number;
  readonly message: string;
}

/** One EM run from one start (restarts keep them all). */
export interface MixtureRun {
  readonly start: 'user' | 'kmeans++';
  readonly seed?: number;
  readonly logLik: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** What every mixture fit carries besides its parameters. */
export interface MixtureFitInfo {
  readonly K: number;
  readonly n: number;
  readonly logLik: number;
  /** Number of free parameters. */
  readonly df: number;
  /** The usual BIC = -2 l + df log n (smaller is better). */
  readonly bic: number;
  /** mclust's BIC = 2 l - df log n (larger is better). */
  readonly bicMclust: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** l(theta_t) of the chosen run. */
  readonly trace: readonly number[];
  /** Posterior membership probabilities P(Z_i = k | y_i), n x K. */
  readonly posterior: DenseMatrix;
  /** argmax_k of the posterior (0-based component). */
  readonly classification: Int32Array;
  readonly runs: readonly MixtureRun[];
  readonly warnings: readonly MixtureWarning[];
}

export interface GaussianMixture1dFit extends MixtureFitInfo {
  readonly model: UnivariateModelName;
  readonly params: GaussianMixture1d;
}

export interface GaussianMixtureMvFit extends MixtureFitInfo {
  readonly model: MultivariateModelName;
  readonly params: GaussianMixtureMv;
  /** The covariances as ml-matrix matrices. */
  readonly covariances: readonly Matrix[];
}

export interface PoissonMixtureFit extends MixtureFitInfo {
  readonly params: PoissonMixture;
}
