import type { EMControl, EMModel } from '@likelihood/em';
import { type ExponentialFamily, expfamNegLogLik } from '@likelihood/expfam';
import { dense } from '@likelihood/linalg';
import { bfgs } from '@likelihood/optim';
import { checkK, checkWeights, countDistinct } from './checks.js';
import { collapseWarnings } from './collapse-warnings.js';
import { MixtureDimensionError, MixtureInputError, NonFiniteDataError } from './errors.js';
import { bestOfStarts, DEFAULT_CONTROL, mixtureFitInfo } from './fit-runs.js';
import { softmaxInPlace } from './softmax.js';
import { posteriorFromLogJoint } from './gaussian-mv-density.js';
import type { MixtureFitInfo, MixtureWarning } from './types.js';

/** A mixture of K members of one exponential family: f(y) = sum_k w_k h(y) e^{theta_k^T t(y) - kappa(theta_k)}. */
export interface ExpFamMixture {
  readonly weights: Float64Array;
  /** Canonical parameters theta_k (length p each). */
  readonly thetas: readonly Float64Array[];
}

export interface ExpFamMixtureFit extends MixtureFitInfo {
  readonly family: string;
  readonly params: ExpFamMixture;
}

/** Expected statistics: n_k = sum z_ik, T_k = sum z_ik t(y_i) (K x p), l(theta). */
export interface ExpFamStats {
  readonly nk: Float64Array;
  readonly T: Float64Array;
  logLik: number;
}

/** The data reduced once: t(y_i) (n x p, column-major) and log h(y_i). */
interface Reduced {
  readonly n: number;
  readonly p: number;
  readonly t: Float64Array;
  readonly logh: Float64Array;
}

function reduce(family: ExponentialFamily, y: ArrayLike<number>): Reduced {
  const n = y.length;
  const p = family.dim;
  const t = new Float64Array(n * p);
  const logh = new Float64Array(n);
  const ti = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i]!)) throw new NonFiniteDataError('y', i, 0, y[i]!);
    ti.fill(0);
    try {
      family.addStatistic(y[i]!, ti);
    } catch (e) {
      throw new MixtureInputError('y', `row ${i}: ${(e as Error).message}`);
    }
    for (let j = 0; j < p; j++) t[i + j * n] = ti[j]!;
    logh[i] = family.logBase(y[i]!);
  }
  return { n, p, t, logh };
}

/**
 * E-step in log space: l_ik = log w_k - kappa(theta_k) + theta_k^T t(y_i) + log h(y_i),
 * log-sum-exp over k, z_ik, and n_k, T_k = sum_i z_ik t(y_i).
 */
function eStep(family: ExponentialFamily, r: Reduced, theta: ExpFamMixture): ExpFamStats {
  const K = theta.weights.length;
  const { n, p, t, logh } = r;
  const a = new Float64Array(K);
  for (let k = 0; k < K; k++)
    a[k] = Math.log(theta.weights[k]!) - family.logPartition(theta.thetas[k]!);
  const th = new Float64Array(K * p);
  theta.thetas.forEach((tk, k) => {
    th.set(tk, k * p);
  });
  const nk = new Float64Array(K);
  const T = new Float64Array(K * p);
  const l = new Float64Array(K);
  let ll = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      let v = a[k]!;
      for (let j = 0; j < p; j++) v += th[k * p + j]! * t[i + j * n]!;
      l[k] = v;
    }
    ll += softmaxInPlace(l) + logh[i]!;
    for (let k = 0; k < K; k++) {
      const z = l[k]!;
      nk[k] += z;
      for (let j = 0; j < p; j++) T[k * p + j] += z * t[i + j * n]!;
    }
  }
  return { nk, T, logLik: ll };
}

/**
 * M-step per component: the weighted exponential-family MLE solving grad kappa(theta_k) = T_k / n_k,
 * by the family's closed form (`family.mle`) or else BFGS (`@likelihood/optim`) on the convex
 * n_k kappa(theta) - theta^T T_k from the previous theta_k.
 */
function mStep(
  family: ExponentialFamily,
  stats: ExpFamStats,
  prev: ExpFamMixture,
  warn: (k: number, message: string) => void,
): ExpFamMixture {
  const K = stats.nk.length;
  const p = family.dim;
  let n = 0;
  for (let k = 0; k < K; k++) n += stats.nk[k]!;
  const weights = stats.nk.map((v) => v / n);
  const thetas = prev.thetas.map((prevK, k) => {
    const suff = { n: stats.nk[k]!, T: stats.T.slice(k * p, (k + 1) * p), logBase: 0 };
    if (!(suff.n > 1e-10 * n)) {
      warn(k, `component ${k} collapsed: expected size ${suff.n}`);
      return prevK;
    }
    if (family.mle !== undefined) {
      const m = family.mle(suff);
      if (m.theta === null) {
        warn(k, `component ${k} reached the boundary: ${m.message}`);
        return prevK;
      }
      return m.theta;
    }
    const obj = expfamNegLogLik(family, suff);
    return bfgs(
      (x) => obj.fn(x),
      prevK,
      (x) => obj.gr(x),
      { reltol: 1e-14, maxit: 1000 },
    ).par;
  });
  return { weights, thetas };
}

/** The EM model of an exponential-family mixture for `runEM`. */
export function expFamMixtureModel(
  family: ExponentialFamily,
  y: ArrayLike<number>,
  warnings: MixtureWarning[],
): EMModel<ExpFamMixture, ExpFamStats> {
  const r = reduce(family, y);
  const collapse = collapseWarnings(warnings);
  return {
    eStep: (theta) => eStep(family, r, theta),
    mStep: (stats, prev) => {
      collapse.nextStep();
      return mStep(family, stats, prev, collapse.warn);
    },
    logLik: (theta) => eStep(family, r, theta).logLik,
    logLikFromStats: (stats) => stats.logLik,
  };
}

/** Options of `fitExpFamMixture`. */
export interface FitExpFamMixtureOptions {
  readonly K: number;
  /** Start: weights (sum 1) and canonical parameters of the K components. */
  readonly start: { weights: ArrayLike<number>; thetas: ReadonlyArray<ArrayLike<number>> };
  readonly control?: EMControl;
}

/**
 * Maximum-likelihood fit of a K-component mixture of any `@likelihood/expfam`
 * `ExponentialFamily` by EM in log space, from a user start (canonical parameters).
 */
export function fitExpFamMixture(
  y: ArrayLike<number>,
  family: ExponentialFamily,
  options: FitExpFamMixtureOptions,
): ExpFamMixtureFit {
  const { K } = options;
  const x = Float64Array.from(y);
  checkK(K, countDistinct(x, K));
  const p = family.dim;
  const weights = checkWeights(options.start.weights, K, 'start.weights');
  if (options.start.thetas.length !== K)
    throw new MixtureDimensionError(
      'start.thetas',
      `has ${options.start.thetas.length} entries, expected K = ${K}`,
    );
  const thetas = options.start.thetas.map((t, k) => {
    if (t.length !== p)
      throw new MixtureDimensionError(
        'start.thetas',
        `theta ${k} has length ${t.length}, family ${family.name} has dimension ${p}`,
      );
    if (!family.inDomain(t))
      throw new MixtureInputError(
        'start.thetas',
        `theta ${k} is outside the canonical parameter space of ${family.name}`,
      );
    return Float64Array.from(t);
  });
  const best = bestOfStarts(
    [{ theta: { weights, thetas }, run: { start: 'user' } }],
    (warnings) => expFamMixtureModel(family, x, warnings),
    { ...DEFAULT_CONTROL, ...options.control },
  );
  const { fit } = best;
  const n = x.length;
  const r = reduce(family, x);
  const L = dense(n, K);
  fit.params.thetas.forEach((tk, k) => {
    const a = Math.log(fit.params.weights[k]!) - family.logPartition(tk);
    for (let i = 0; i < n; i++) {
      let v = a + r.logh[i]!;
      for (let j = 0; j < p; j++) v += tk[j]! * r.t[i + j * n]!;
      L.data[i + k * n] = v;
    }
  });
  const info = mixtureFitInfo(best, K, n, K - 1 + K * p, posteriorFromLogJoint(L));
  return { family: family.name, params: fit.params, ...info };
}
