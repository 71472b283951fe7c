import type { GaussianMixture1dFit, GaussianMixtureMvFit, PoissonMixtureFit } from './types.js';

/** The JSON document of the CLI contract (`likelihood mixture --json`, see DESIGN.md). */
export interface MixtureJson {
  readonly model: string;
  readonly K: number;
  readonly n: number;
  readonly weights: number[];
  /** Univariate: K means; multivariate: K mean vectors; Poisson: the K rates. */
  readonly means: number[] | number[][];
  readonly variances?: number[];
  /** Multivariate: K covariance matrices as row arrays. */
  readonly covariances?: number[][][];
  readonly logLik: number;
  readonly df: number;
  /** -2 l + df log n. */
  readonly bic: number;
  /** 2 l - df log n (mclust's sign). */
  readonly bicMclust: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: string[];
}

/** Plain-JSON view of a fit: `{ weights, means, variances | covariances, logLik, bic, iterations, converged }`. */
export function mixtureToJson(
  fit: GaussianMixture1dFit | GaussianMixtureMvFit | PoissonMixtureFit,
): MixtureJson {
  const base = {
    K: fit.K,
    n: fit.n,
    weights: Array.from(fit.params.weights),
    logLik: fit.logLik,
    df: fit.df,
    bic: fit.bic,
    bicMclust: fit.bicMclust,
    iterations: fit.iterations,
    converged: fit.converged,
    warnings: fit.warnings.map((w) => w.message),
  };
  if ('lambdas' in fit.params)
    return { model: 'Poisson', ...base, means: Array.from(fit.params.lambdas) };
  if ('variances' in fit.params) {
    return {
      model: (fit as GaussianMixture1dFit).model,
      ...base,
      means: Array.from(fit.params.means),
      variances: Array.from(fit.params.variances),
    };
  }
  const { means, covariances } = fit.params;
  const d = means.rows;
  return {
    model: (fit as GaussianMixtureMvFit).model,
    ...base,
    means: Array.from({ length: fit.K }, (_, k) =>
      Array.from(means.data.subarray(k * d, (k + 1) * d)),
    ),
    covariances: covariances.map((S) =>
      Array.from({ length: d }, (_, r) => Array.from({ length: d }, (_, c) => S.data[r + c * d]!)),
    ),
  };
}
