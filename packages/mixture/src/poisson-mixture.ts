import type { EMControl, EMModel } from '@likelihood/em';
import { dense } from '@likelihood/linalg';
import gammaln from '@stdlib/math-base-special-gammaln';
import { checkData1d, checkK, checkPositive, checkWeights, countDistinct } from './checks.js';
import { collapseWarnings } from './collapse-warnings.js';
import { MixtureInputError } from './errors.js';
import { posteriorFromLogJoint } from './gaussian-mv-density.js';
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
import { softmaxInPlace } from './softmax.js';
import type { MixtureWarning, PoissonMixture, PoissonMixtureFit } from './types.js';

/** Expected statistics of a Poisson-mixture E-step: n_k, sum_i z_ik y_i and l(theta). */
export interface PoissonStats {
  readonly nk: Float64Array;
  readonly sy: Float64Array;
  logLik: number;
}

/**
 * E-step in log space: log(w_k p(y_i; lambda_k)) = log w_k + y_i log lambda_k - lambda_k - log y_i!
 * (log y_i! precomputed once in `lfact`), log-sum-exp over k, responsibilities z_ik.
 */
export function eStepPoisson(
  y: Float64Array,
  lfact: Float64Array,
  theta: PoissonMixture,
): PoissonStats {
  const K = theta.weights.length;
  const a = new Float64Array(K);
  const b = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    a[k] = Math.log(theta.weights[k]!) - theta.lambdas[k]!;
    b[k] = Math.log(theta.lambdas[k]!);
  }
  const nk = new Float64Array(K);
  const sy = new Float64Array(K);
  const l = new Float64Array(K);
  let ll = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    for (let k = 0; k < K; k++) l[k] = a[k]! + yi * b[k]!;
    ll += softmaxInPlace(l) - lfact[i]!;
    for (let k = 0; k < K; k++) {
      const z = l[k]!;
      nk[k] += z;
      sy[k] += z * yi;
    }
  }
  return { nk, sy, logLik: ll };
}

/** The EM model of a Poisson mixture: M-step w_k = n_k / n, lambda_k = sum z y / n_k. */
export function poissonModel(
  y: Float64Array,
  warnings: MixtureWarning[],
): EMModel<PoissonMixture, PoissonStats> {
  const lfact = y.map((v) => gammaln(v + 1));
  const collapse = collapseWarnings(warnings);
  return {
    eStep: (theta) => eStepPoisson(y, lfact, theta),
    mStep: (stats, prev) => {
      collapse.nextStep();
      const K = stats.nk.length;
      const n = y.length;
      const weights = new Float64Array(K);
      const lambdas = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        weights[k] = stats.nk[k]! / n;
        lambdas[k] = stats.nk[k]! > 1e-10 * n ? stats.sy[k]! / stats.nk[k]! : prev.lambdas[k]!;
        if (!(stats.nk[k]! > 1e-10 * n) || !(lambdas[k]! > 0)) {
          if (!(lambdas[k]! > 0)) lambdas[k] = 1e-10;
          collapse.warn(
            k,
            `component ${k} collapsed (expected size ${stats.nk[k]}, lambda ${lambdas[k]})`,
          );
        }
      }
      return { weights, lambdas };
    },
    logLik: (theta) => eStepPoisson(y, lfact, theta).logLik,
    logLikFromStats: (stats) => stats.logLik,
    toVector: (theta) => {
      const v = new Float64Array(2 * theta.weights.length);
      v.set(theta.weights, 0);
      v.set(theta.lambdas, theta.weights.length);
      return v;
    },
    fromVector: (v) => ({ weights: v.slice(0, v.length / 2), lambdas: v.slice(v.length / 2) }),
    inParameterSpace: (v) => {
      const K = v.length / 2;
      for (let k = 0; k < K; k++) if (!(v[k]! > 0 && v[k]! < 1 && v[K + k]! > 0)) return false;
      return true;
    },
  };
}

/** Options of `fitPoissonMixture`. */
export interface FitPoissonMixtureOptions {
  readonly K: number;
  readonly start?: { weights: ArrayLike<number>; lambdas: ArrayLike<number> };
  readonly restarts?: number;
  readonly seed?: number;
  readonly control?: EMControl;
  readonly order?: 'mean' | 'none';
}

/**
 * Maximum-likelihood fit of a K-component Poisson mixture by EM in log space; counts must be
 * finite non-negative integers.
 */
export function fitPoissonMixture(
  y: ArrayLike<number>,
  options: FitPoissonMixtureOptions,
): PoissonMixtureFit {
  const x = checkData1d(y);
  for (let i = 0; i < x.length; i++)
    if (!(x[i]! >= 0) || !Number.isInteger(x[i]!))
      throw new MixtureInputError(
        'y',
        `entry ${i} is ${x[i]}, expected a non-negative integer count`,
      );
  const { K } = options;
  checkK(K, countDistinct(x, K));
  const n = x.length;
  const control = { ...DEFAULT_CONTROL, ...options.control };
  const starts: MixtureStart<PoissonMixture>[] = [];
  if (options.start !== undefined) {
    starts.push({
      theta: {
        weights: checkWeights(options.start.weights, K, 'start.weights'),
        lambdas: checkPositive(options.start.lambdas, K, 'start.lambdas'),
      },
      run: { start: 'user' },
    });
  } else {
    starts.push(
      ...seededStarts(options.restarts, options.seed, (rng) => {
        const part = kmeansPlusPlus(dense(n, 1, x), K, rng);
        const lambdas = Float64Array.from({ length: K }, (_, k) =>
          Math.max(part.centers.data[k]!, 0.1),
        );
        return { weights: part.sizes.map((s) => s / n), lambdas };
      }),
    );
  }
  const best = bestOfStarts(starts, (warnings) => poissonModel(x, warnings), control);
  const { fit } = best;
  let params = fit.params;
  if (resultOrder(options.order, options.start !== undefined) === 'mean') {
    const p = orderBy(params.lambdas);
    params = {
      weights: Float64Array.from(p, (k) => fit.params.weights[k]!),
      lambdas: Float64Array.from(p, (k) => fit.params.lambdas[k]!),
    };
  }
  const L = dense(n, K);
  const lfact = x.map((v) => gammaln(v + 1));
  for (let k = 0; k < K; k++) {
    const a = Math.log(params.weights[k]!) - params.lambdas[k]!;
    const b = Math.log(params.lambdas[k]!);
    for (let i = 0; i < n; i++) L.data[i + k * n] = a + x[i]! * b - lfact[i]!;
  }
  return { params, ...mixtureFitInfo(best, K, n, 2 * K - 1, posteriorFromLogJoint(L)) };
}
