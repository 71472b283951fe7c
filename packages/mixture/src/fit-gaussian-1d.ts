import type { EMControl } from '@likelihood/em';
import { dense } from '@likelihood/linalg';
import { checkData1d, checkK, checkModel1d, checkStart1d, countDistinct } from './checks.js';
import { MixtureInputError } from './errors.js';
import {
  bestOfStarts,
  DEFAULT_CONTROL,
  type MixtureStart,
  mixtureFitInfo,
  orderBy,
  resultOrder,
  seededStarts,
} from './fit-runs.js';
import { gaussianMixturePosterior } from './gaussian-1d-density.js';
import { gaussian1dMixtoolsModel, gaussian1dModel } from './gaussian-1d-em.js';
import { kmeansPlusPlus } from './kmeans-pp.js';
import type { GaussianMixture1d, GaussianMixture1dFit, UnivariateModelName } from './types.js';

/** Options of `fitGaussianMixture1d`. */
export interface FitGaussianMixture1dOptions {
  readonly K: number;
  /** "V" (unequal variances, default) or "E" (equal). */
  readonly model?: UnivariateModelName;
  /** A user start; weights must sum to 1. When given, no k-means++ starts are run. */
  readonly start?: {
    weights: ArrayLike<number>;
    means: ArrayLike<number>;
    variances: ArrayLike<number>;
  };
  /** Number of k-means++ starts (default 3); the run with the largest l is kept. */
  readonly restarts?: number;
  /** Seed of the first k-means++ start (start r uses seed + r). Default 1. */
  readonly seed?: number;
  /** EM control (default: relative log-likelihood change <= 1e-10, maxIter 10000). */
  readonly control?: EMControl;
  /** Variance floor (default 1e-8 times the sample variance of y). */
  readonly varianceFloor?: number;
  /**
   * `'em'` (default): textbook EM. `'mixtools-ecm'`: the ECM cycle of mixtools' `normalmixEM`
   * (model "V" only), to reproduce mixtools' path and iteration counts.
   */
  readonly algorithm?: 'em' | 'mixtools-ecm';
  /**
   * Component order of the result: `'mean'` sorts by increasing mean (default for k-means++
   * starts), `'none'` keeps the order of the start (default for a user start).
   */
  readonly order?: 'mean' | 'none';
}

function permute1d(theta: GaussianMixture1d, perm: Int32Array): GaussianMixture1d {
  const pick = (v: Float64Array) => Float64Array.from(perm, (k) => v[k]!);
  return {
    weights: pick(theta.weights),
    means: pick(theta.means),
    variances: pick(theta.variances),
  };
}

/** Number of free parameters: (K - 1) + K + K ("V") or (K - 1) + K + 1 ("E"). */
export function dfGaussian1d(K: number, model: UnivariateModelName): number {
  return model === 'V' ? 3 * K - 1 : 2 * K;
}

function sampleVariance(y: Float64Array): number {
  let m = 0;
  for (let i = 0; i < y.length; i++) m += y[i]!;
  m /= y.length;
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i]! - m) ** 2;
  return s / y.length;
}

/** A start from a hard partition: proportions, cluster means, within-cluster variances. */
function startFromLabels(
  y: Float64Array,
  labels: Int32Array,
  K: number,
  model: UnivariateModelName,
  fallbackVar: number,
): GaussianMixture1d {
  const n = y.length;
  const cnt = new Float64Array(K);
  const sum = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    cnt[labels[i]!]++;
    sum[labels[i]!] += y[i]!;
  }
  const means = sum.map((s, k) => s / cnt[k]!);
  const ss = new Float64Array(K);
  for (let i = 0; i < n; i++) ss[labels[i]!] += (y[i]! - means[labels[i]!]!) ** 2;
  let pooled = 0;
  ss.forEach((s) => {
    pooled += s;
  });
  const variances = ss.map((s, k) => (cnt[k]! > 1 && s > 0 ? s / cnt[k]! : fallbackVar));
  if (model === 'E') variances.fill(pooled > 0 ? pooled / n : fallbackVar);
  return { weights: cnt.map((c) => c / n), means, variances };
}

/**
 * Maximum-likelihood fit of a univariate Gaussian mixture by EM in log space (see
 * `eStepGaussian1d`), from a user start or the best of several seeded k-means++ starts.
 * Throws typed errors for non-finite data, K > distinct points, or a bad start.
 */
export function fitGaussianMixture1d(
  y: ArrayLike<number>,
  options: FitGaussianMixture1dOptions,
): GaussianMixture1dFit {
  const x = checkData1d(y);
  const { K } = options;
  checkK(K, countDistinct(x, K));
  const model = checkModel1d(options.model);
  const n = x.length;
  const v = sampleVariance(x);
  const floor = options.varianceFloor ?? (v > 0 ? 1e-8 * v : 1e-12);
  const control = { ...DEFAULT_CONTROL, ...options.control };
  const algorithm = options.algorithm ?? 'em';
  if (algorithm !== 'em' && algorithm !== 'mixtools-ecm')
    throw new MixtureInputError(
      'algorithm',
      `must be 'em' or 'mixtools-ecm', got '${algorithm as string}'`,
    );
  if (algorithm === 'mixtools-ecm' && model !== 'V')
    throw new MixtureInputError('algorithm', "'mixtools-ecm' is defined for model 'V' only");

  const starts: MixtureStart<GaussianMixture1d>[] = [];
  if (options.start !== undefined) {
    const { weights, means, variances } = checkStart1d(options.start, K);
    if (model === 'E' && variances.some((w) => w !== variances[0]))
      throw new MixtureInputError('start.variances', "must all be equal for model 'E'");
    starts.push({ theta: { weights, means, variances }, run: { start: 'user' } });
  } else {
    const X = dense(n, 1, x);
    starts.push(
      ...seededStarts(options.restarts, options.seed, (rng) =>
        startFromLabels(x, kmeansPlusPlus(X, K, rng).labels, K, model, v > 0 ? v : 1),
      ),
    );
  }

  const best = bestOfStarts(
    starts,
    (warnings) =>
      algorithm === 'mixtools-ecm'
        ? gaussian1dMixtoolsModel(x, floor, warnings)
        : gaussian1dModel(x, model, floor, warnings),
    control,
  );
  const { fit } = best;
  const params =
    resultOrder(options.order, options.start !== undefined) === 'mean'
      ? permute1d(fit.params, orderBy(fit.params.means))
      : fit.params;
  const info = mixtureFitInfo(
    best,
    K,
    n,
    dfGaussian1d(K, model),
    gaussianMixturePosterior(x, params),
  );
  return { model, params, ...info };
}
