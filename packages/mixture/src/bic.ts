import type { DenseMatrix } from '@likelihood/linalg';
import { MixtureInputError } from './errors.js';
import { type FitGaussianMixture1dOptions, fitGaussianMixture1d } from './fit-gaussian-1d.js';
import { type FitGaussianMixtureOptions, fitGaussianMixture } from './fit-gaussian-mv.js';
import type { MixtureFitInfo, MultivariateModelName, UnivariateModelName } from './types.js';

/** One row of a BIC table. */
export interface BicRow {
  readonly K: number;
  readonly model: string;
  readonly logLik: number;
  readonly df: number;
  /** -2 l + df log n (smaller is better). */
  readonly bic: number;
  /** 2 l - df log n, mclust's sign (larger is better). */
  readonly bicMclust: number;
  readonly converged: boolean;
}

/** A BIC table over K and covariance models, with the best row by BIC. */
export interface BicTable {
  readonly rows: readonly BicRow[];
  readonly best: BicRow;
}

/**
 * Fits every (K, model) of `Ks` x `models` with `fit` and tabulates l, df and both BIC signs;
 * the best row has the smallest BIC = -2 l + df log n (the first such row on ties).
 */
function bicTable<M extends string>(
  Ks: readonly number[],
  models: readonly M[],
  fit: (K: number, model: M) => MixtureFitInfo,
): BicTable {
  if (Ks.length === 0)
    throw new MixtureInputError('K', 'must list at least one number of components');
  const rows: BicRow[] = [];
  for (const K of Ks)
    for (const model of models) {
      const f = fit(K, model);
      rows.push({
        K,
        model,
        logLik: f.logLik,
        df: f.df,
        bic: f.bic,
        bicMclust: f.bicMclust,
        converged: f.converged,
      });
    }
  let best = rows[0]!;
  for (const r of rows) if (r.bic < best.bic) best = r;
  return { rows, best };
}

/**
 * BIC of univariate Gaussian mixtures for every K in `Ks` and every model in `models`
 * (like `mclustBIC(y, G = Ks, modelNames = models)`), each fitted with `options`.
 */
export function mixtureBIC1d(
  y: ArrayLike<number>,
  Ks: readonly number[],
  models: readonly UnivariateModelName[] = ['E', 'V'],
  options: Omit<FitGaussianMixture1dOptions, 'K' | 'model' | 'start'> = {},
): BicTable {
  return bicTable(Ks, models, (K, model) => fitGaussianMixture1d(y, { ...options, K, model }));
}

/** BIC of multivariate Gaussian mixtures over `Ks` x `models`. */
export function mixtureBIC(
  X: DenseMatrix | ReadonlyArray<ArrayLike<number>>,
  Ks: readonly number[],
  models: readonly MultivariateModelName[] = ['EII', 'VII', 'EEE', 'VVV'],
  options: Omit<FitGaussianMixtureOptions, 'K' | 'model' | 'start'> = {},
): BicTable {
  return bicTable(Ks, models, (K, model) => fitGaussianMixture(X, { ...options, K, model }));
}
