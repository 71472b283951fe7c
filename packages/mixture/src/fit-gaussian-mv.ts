import type { EMControl } from '@likelihood/em';
import { type DenseMatrix, dense, toMatrix } from '@likelihood/linalg';
import { checkDataMv, checkK, checkWeights, countDistinctRows } from './checks.js';
import { MixtureDimensionError, MixtureInputError } from './errors.js';
import { gaussianMixtureMvLogJoint, posteriorFromLogJoint } from './gaussian-mv-density.js';
import { gaussianMvModel, mStepGaussianMv } from './gaussian-mv-em.js';
import { componentConstants } from './gaussian-mv-kernels.js';
import {
  bestOfStarts,
  DEFAULT_CONTROL,
  type MixtureStart,
  mixtureFitInfo,
  orderBy,
  resultOrder,
  seededStarts,
} from './fit-runs.js';
import { kmeansPlusPlus } from './kmeans-pp.js';
import type { GaussianMixtureMv, GaussianMixtureMvFit, MultivariateModelName } from './types.js';

const MODELS: readonly MultivariateModelName[] = ['EII', 'VII', 'EEE', 'VVV'];

/** Options of `fitGaussianMixture`. */
export interface FitGaussianMixtureOptions {
  readonly K: number;
  /** mclust covariance model; default "VVV". */
  readonly model?: MultivariateModelName;
  /** A user start: weights (sum 1), means d x K (as rows: K arrays of length d), covariances. */
  readonly start?: {
    weights: ArrayLike<number>;
    means: ReadonlyArray<ArrayLike<number>>;
    covariances: ReadonlyArray<DenseMatrix>;
  };
  /** Number of k-means++ starts (default 3). */
  readonly restarts?: number;
  /** Seed of the first start (default 1). */
  readonly seed?: number;
  readonly control?: EMControl;
  /** Covariance floor (default 1e-8 times the mean of the coordinate variances). */
  readonly covarianceFloor?: number;
  /** `'mean'`: sort components by the first coordinate of the mean (default for k-means++). */
  readonly order?: 'mean' | 'none';
}

/** Free parameters: (K - 1) + K d + {EII: 1, VII: K, EEE: d(d+1)/2, VVV: K d(d+1)/2}. */
export function dfGaussianMv(K: number, d: number, model: MultivariateModelName): number {
  const cov = { EII: 1, VII: K, EEE: (d * (d + 1)) / 2, VVV: (K * d * (d + 1)) / 2 }[model];
  return K - 1 + K * d + cov;
}

function overallCovariance(X: DenseMatrix): DenseMatrix {
  const { rows: n, cols: d } = X;
  const S = dense(d, d);
  const m = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) m[j] += X.data[i + j * n]!;
    m[j] /= n;
  }
  for (let a = 0; a < d; a++)
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (X.data[i + a * n]! - m[a]!) * (X.data[i + b * n]! - m[b]!);
      S.data[a + b * d] = s / n;
      S.data[b + a * d] = s / n;
    }
  return S;
}

/** A start from hard labels: the M-step of the model with 0/1 responsibilities. */
function startFromLabels(
  X: DenseMatrix,
  labels: Int32Array,
  K: number,
  model: MultivariateModelName,
  floor: number,
  overall: DenseMatrix,
): GaussianMixtureMv {
  const { rows: n, cols: d } = X;
  const nk = new Float64Array(K);
  const s1 = new Float64Array(d * K);
  const s2 = new Float64Array(K * d * d);
  for (let i = 0; i < n; i++) {
    const k = labels[i]!;
    nk[k]++;
    for (let j = 0; j < d; j++) s1[j + k * d] += X.data[i + j * n]!;
    for (let a = 0; a < d; a++)
      for (let b = 0; b <= a; b++)
        s2[k * d * d + a + b * d] += X.data[i + a * n]! * X.data[i + b * n]!;
  }
  const prev: GaussianMixtureMv = {
    weights: nk.map((c) => c / n),
    means: dense(d, K),
    covariances: Array.from({ length: K }, () => overall),
  };
  return mStepGaussianMv(
    { nk, s1, s2, shift: new Float64Array(d * K), logLik: 0 },
    prev,
    model,
    floor,
    () => {},
  );
}

function permuteMv(theta: GaussianMixtureMv, perm: Int32Array): GaussianMixtureMv {
  const d = theta.means.rows;
  const means = dense(d, perm.length);
  perm.forEach((k, j) => {
    means.data.set(theta.means.data.subarray(k * d, (k + 1) * d), j * d);
  });
  return {
    weights: Float64Array.from(perm, (k) => theta.weights[k]!),
    means,
    covariances: Array.from(perm, (k) => theta.covariances[k]!),
  };
}

/**
 * Maximum-likelihood fit of a multivariate Gaussian mixture with one of mclust's covariance
 * models by EM in log space, from a user start or the best of seeded k-means++ starts.
 * X: n x d (`DenseMatrix` or row arrays).
 */
export function fitGaussianMixture(
  X: DenseMatrix | ReadonlyArray<ArrayLike<number>>,
  options: FitGaussianMixtureOptions,
): GaussianMixtureMvFit {
  const data = checkDataMv(X);
  const { rows: n, cols: d } = data;
  const { K } = options;
  const model = options.model ?? 'VVV';
  if (!MODELS.includes(model))
    throw new MixtureInputError('model', `must be one of ${MODELS.join(', ')}, got '${model}'`);
  checkK(K, countDistinctRows(data, K));
  const overall = overallCovariance(data);
  let meanVar = 0;
  for (let j = 0; j < d; j++) meanVar += overall.data[j + j * d]! / d;
  const floor = options.covarianceFloor ?? (meanVar > 0 ? 1e-8 * meanVar : 1e-12);
  const control = { ...DEFAULT_CONTROL, ...options.control };

  const starts: MixtureStart<GaussianMixtureMv>[] = [];
  if (options.start !== undefined) {
    const s = options.start;
    const weights = checkWeights(s.weights, K, 'start.weights');
    if (s.means.length !== K)
      throw new MixtureDimensionError(
        'start.means',
        `has ${s.means.length} rows, expected K = ${K}`,
      );
    const means = dense(d, K);
    s.means.forEach((m, k) => {
      if (m.length !== d)
        throw new MixtureDimensionError(
          'start.means',
          `mean ${k} has length ${m.length}, data have d = ${d} columns`,
        );
      for (let j = 0; j < d; j++) means.data[j + k * d] = m[j]!;
    });
    if (s.covariances.length !== K)
      throw new MixtureDimensionError(
        'start.covariances',
        `has ${s.covariances.length} matrices, expected K = ${K}`,
      );
    s.covariances.forEach((S, k) => {
      if (S.rows !== d || S.cols !== d)
        throw new MixtureDimensionError(
          'start.covariances',
          `matrix ${k} is ${S.rows} x ${S.cols}, expected ${d} x ${d}`,
        );
      for (let r = 0; r < d; r++)
        for (let c = 0; c < r; c++) {
          const a = S.data[r + c * d]!;
          const b = S.data[c + r * d]!;
          if (!(Math.abs(a - b) <= 1e-10 * Math.max(Math.abs(a), Math.abs(b), 1e-300)))
            throw new MixtureInputError(
              'start.covariances',
              `matrix ${k} is not symmetric at (${r}, ${c}): ${a} vs ${b}`,
            );
        }
    });
    const theta = {
      weights,
      means,
      covariances: s.covariances.map((S) => dense(d, d, Float64Array.from(S.data))),
    };
    if (componentConstants(theta.weights, theta.covariances) === null)
      throw new MixtureInputError('start.covariances', 'a covariance is not positive definite');
    starts.push({ theta, run: { start: 'user' } });
  } else {
    starts.push(
      ...seededStarts(options.restarts, options.seed, (rng) =>
        startFromLabels(data, kmeansPlusPlus(data, K, rng).labels, K, model, floor, overall),
      ),
    );
  }

  const best = bestOfStarts(
    starts,
    (warnings) => gaussianMvModel(data, model, floor, warnings),
    control,
  );
  const { fit } = best;
  const params =
    resultOrder(options.order, options.start !== undefined) === 'mean'
      ? permuteMv(
          fit.params,
          orderBy(Float64Array.from({ length: K }, (_, k) => fit.params.means.data[k * d]!)),
        )
      : fit.params;
  const info = mixtureFitInfo(
    best,
    K,
    n,
    dfGaussianMv(K, d, model),
    posteriorFromLogJoint(gaussianMixtureMvLogJoint(data, params)),
  );
  return { model, params, covariances: params.covariances.map(toMatrix), ...info };
}
