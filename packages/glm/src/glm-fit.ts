import type { DenseMatrix } from '@likelihood/linalg';
import {
  GlmArgumentError,
  GlmFitError,
  LengthMismatchError,
  NonFiniteInputError,
} from './errors.js';
import type { GlmFamily, GlmResponseInput } from './family-types.js';
import { type QrDecomposition, leastSquaresInPlace } from './qr-ls.js';

/** R's `glm.control`. */
export interface GlmControl {
  /** Convergence tolerance: stop when |dev - dev_old| / (|dev| + 0.1) < epsilon. */
  readonly epsilon?: number;
  /** Maximal number of IRLS iterations. */
  readonly maxit?: number;
}

/** Options of `glmFit` (R's `glm.fit` arguments). */
export interface GlmFitOptions {
  readonly weights?: ArrayLike<number>;
  readonly offset?: ArrayLike<number>;
  readonly start?: ArrayLike<number>;
  readonly etastart?: ArrayLike<number>;
  readonly mustart?: ArrayLike<number>;
  readonly control?: GlmControl;
  /** Whether the model has an intercept (R's default TRUE): decides the null model. */
  readonly intercept?: boolean;
  /** Column names of X (default `X1`, `X2`, ...). */
  readonly columnNames?: readonly string[];
}

/** A fitted GLM at the matrix level, the fields of R's `glm.fit` value. */
export interface GlmFitResult {
  /** The model matrix (kept by reference, not copied). */
  readonly X: DenseMatrix;
  /** The response as given (binomial counts stay counts) and the user's prior weights. */
  readonly response: GlmResponseInput;
  readonly userWeights: Float64Array | undefined;
  readonly columnNames: readonly string[];
  /** beta-hat; NaN (R's NA) for aliased columns. */
  readonly coefficients: Float64Array;
  /** Working residuals (y - mu) / (dmu/deta). */
  readonly residuals: Float64Array;
  readonly fittedValues: Float64Array;
  readonly linearPredictors: Float64Array;
  /** Working weights w_i = prior_i (dmu/deta)^2 / V(mu), of the last IRLS step. */
  readonly weights: Float64Array;
  readonly priorWeights: Float64Array;
  /** The response the fit used (binomial: proportions). */
  readonly y: Float64Array;
  /** Binomial trials per observation (1 otherwise). */
  readonly trials: Float64Array;
  readonly offset: Float64Array;
  readonly rank: number;
  /** QR of sqrt(w) X[good, ] from the last IRLS step (for vcov, hat values). */
  readonly qr: QrDecomposition;
  /** Rows used in the last IRLS step (prior weight > 0 and dmu/deta != 0). */
  readonly good: Uint8Array;
  /** Q' sqrt(w) z of the last step (R's `effects`). */
  readonly effects: Float64Array;
  readonly deviance: number;
  readonly nullDeviance: number;
  /** family$aic + 2 rank; null for the quasi families (R's NA). */
  readonly aic: number | null;
  readonly iter: number;
  readonly converged: boolean;
  readonly boundary: boolean;
  readonly dfResidual: number;
  readonly dfNull: number;
  readonly intercept: boolean;
  readonly family: GlmFamily;
  readonly control: Required<GlmControl>;
  /** Warnings with R's wording (e.g. "glm.fit: algorithm did not converge"). */
  readonly warnings: readonly string[];
}

const DBL_EPS = 2.220446049250313e-16;

function vectorOrDefault(
  arg: string,
  v: ArrayLike<number> | undefined,
  n: number,
  fill: number,
): Float64Array {
  if (v === undefined) return new Float64Array(n).fill(fill);
  if (v.length !== n) throw new LengthMismatchError(arg, v.length, n);
  const out = Float64Array.from(v);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(out[i]!)) throw new NonFiniteInputError(arg, i, out[i]!);
  }
  return out;
}

/** eta = X beta + offset (aliased/NaN coefficients count as 0), written into `eta`. */
function linearPredictorInto(
  X: DenseMatrix,
  beta: ArrayLike<number>,
  offset: Float64Array,
  eta: Float64Array,
): void {
  const { rows: n, cols: p, data } = X;
  eta.set(offset);
  for (let j = 0; j < p; j++) {
    const b = beta[j]!;
    if (b === 0 || Number.isNaN(b)) continue;
    const off = j * n;
    for (let i = 0; i < n; i++) eta[i] = eta[i]! + data[off + i]! * b;
  }
}

function sumDeviance(
  family: GlmFamily,
  y: Float64Array,
  mu: Float64Array,
  w: Float64Array,
): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += family.devResid(y[i]!, mu[i]!, w[i]!);
  return s;
}

/**
 * Fits a GLM by iteratively reweighted least squares exactly as R's `glm.fit`: at each step
 * z = eta - offset + (y - mu) / mu'(eta), w = sqrt(prior mu'(eta)^2 / V(mu)), and beta solves
 * min ||w (z - X beta)|| by R's pivoted Householder QR (tol = min(1e-7, epsilon / 1000)).
 * Stops when |dev - dev_old| / (|dev| + 0.1) < epsilon; halves the step towards the previous
 * coefficients while the deviance is non-finite or eta/mu are invalid. With an intercept and a
 * non-zero offset the null deviance is that of the intercept-only fit with the offset (as R's
 * `glm` computes it).
 */
export function glmFit(
  X: DenseMatrix,
  y: GlmResponseInput,
  family: GlmFamily,
  options: GlmFitOptions = {},
): GlmFitResult {
  const { rows: nobs, cols: p } = X;
  for (let k = 0; k < X.data.length; k++) {
    if (!Number.isFinite(X.data[k]!)) {
      throw new NonFiniteInputError(
        'X',
        k % nobs,
        X.data[k]!,
        options.columnNames?.[Math.floor(k / nobs)],
      );
    }
  }
  const control = {
    epsilon: options.control?.epsilon ?? 1e-8,
    maxit: options.control?.maxit ?? 25,
  };
  if (!(control.epsilon > 0)) throw new GlmArgumentError('control.epsilon', 'must be > 0');
  if (!(control.maxit >= 1)) throw new GlmArgumentError('control.maxit', 'must be >= 1');
  const columnNames = options.columnNames ?? Array.from({ length: p }, (_, j) => `X${j + 1}`);
  if (columnNames.length !== p) throw new LengthMismatchError('columnNames', columnNames.length, p);
  const yLen = 'successes' in y ? y.successes.length : (y as ArrayLike<number>).length;
  if (yLen !== nobs) throw new LengthMismatchError('y', yLen, nobs);
  if (options.weights !== undefined && options.weights.length !== nobs) {
    throw new LengthMismatchError('weights', options.weights.length, nobs);
  }
  const offset = vectorOrDefault('offset', options.offset, nobs, 0);
  const userStart =
    options.start !== undefined || options.etastart !== undefined || options.mustart !== undefined;
  const init = family.initialize(y, options.weights, { userStart });
  const warnings: string[] = [...init.warnings];
  const yy = init.y;
  const prior = init.weights;
  const intercept = options.intercept ?? true;
  const mustart =
    options.mustart === undefined
      ? init.mustart
      : vectorOrDefault('mustart', options.mustart, nobs, 0);

  const eta = new Float64Array(nobs);
  const mu = new Float64Array(nobs);
  let coefold: Float64Array | null = null;
  if (options.etastart !== undefined) {
    eta.set(vectorOrDefault('etastart', options.etastart, nobs, 0));
  } else if (options.start !== undefined) {
    if (options.start.length !== p) throw new LengthMismatchError('start', options.start.length, p);
    coefold = Float64Array.from(options.start);
    linearPredictorInto(X, coefold, offset, eta);
  } else {
    for (let i = 0; i < nobs; i++) eta[i] = family.linkfun(mustart[i]!);
  }
  for (let i = 0; i < nobs; i++) mu[i] = family.linkinv(eta[i]!);
  if (!(family.validEta(eta) && family.validMu(mu))) {
    throw new GlmFitError('cannot find valid starting values: please specify some');
  }
  let devold = sumDeviance(family, yy, mu, prior);
  let dev = devold;
  let boundary = false;
  let conv = false;
  let iter = 0;
  let coef = new Float64Array(p);
  const muEta = new Float64Array(nobs);
  const good = new Uint8Array(nobs);
  const work = new Float64Array(nobs * p);
  let last: ReturnType<typeof leastSquaresInPlace> | null = null;
  let wGood = new Float64Array(0);
  const tol = Math.min(1e-7, control.epsilon / 1000);

  for (iter = 1; iter <= control.maxit; iter++) {
    let ngood = 0;
    for (let i = 0; i < nobs; i++) {
      muEta[i] = family.muEta(eta[i]!);
      const ok = prior[i]! > 0 && muEta[i] !== 0;
      good[i] = ok ? 1 : 0;
      if (ok) ngood++;
    }
    if (ngood === 0) {
      conv = false;
      warnings.push(`no observations informative at iteration ${iter}`);
      break;
    }
    const z = new Float64Array(ngood);
    wGood = new Float64Array(ngood);
    let r = 0;
    for (let i = 0; i < nobs; i++) {
      if (!good[i]) continue;
      const me = muEta[i]!;
      z[r] = eta[i]! - offset[i]! + (yy[i]! - mu[i]!) / me;
      wGood[r] = Math.sqrt((prior[i]! * me * me) / family.variance(mu[i]!));
      r++;
    }
    const xw = ngood === nobs ? work : new Float64Array(ngood * p);
    for (let j = 0; j < p; j++) {
      const src = j * nobs;
      const dst = j * ngood;
      let rr = 0;
      for (let i = 0; i < nobs; i++) {
        if (good[i]) xw[dst + rr] = X.data[src + i]! * wGood[rr++]!;
      }
    }
    for (let i = 0; i < ngood; i++) z[i] = z[i]! * wGood[i]!;
    last = leastSquaresInPlace(xw, ngood, p, z, tol);
    const start = last.coefficients;
    let finite = true;
    for (let j = 0; j < p; j++) if (!Number.isFinite(start[j]!)) finite = false;
    if (!finite) {
      conv = false;
      warnings.push(`non-finite coefficients at iteration ${iter}`);
      break;
    }
    if (ngood < last.decomposition.rank) {
      throw new GlmFitError(
        `X matrix has rank ${last.decomposition.rank}, but only ${ngood} observations`,
      );
    }
    linearPredictorInto(X, start, offset, eta);
    for (let i = 0; i < nobs; i++) mu[i] = family.linkinv(eta[i]!);
    dev = sumDeviance(family, yy, mu, prior);
    if (!Number.isFinite(dev)) {
      if (coefold === null) {
        throw new GlmFitError(
          'no valid set of coefficients has been found: please supply starting values',
        );
      }
      let ii = 1;
      while (!Number.isFinite(dev)) {
        if (ii > control.maxit) throw new GlmFitError('inner loop 1; cannot correct step size');
        ii++;
        for (let j = 0; j < p; j++) start[j] = (start[j]! + coefold[j]!) / 2;
        linearPredictorInto(X, start, offset, eta);
        for (let i = 0; i < nobs; i++) mu[i] = family.linkinv(eta[i]!);
        dev = sumDeviance(family, yy, mu, prior);
      }
      boundary = true;
    }
    if (!(family.validEta(eta) && family.validMu(mu))) {
      if (coefold === null) {
        throw new GlmFitError(
          'no valid set of coefficients has been found: please supply starting values',
        );
      }
      let ii = 1;
      while (!(family.validEta(eta) && family.validMu(mu))) {
        if (ii > control.maxit) throw new GlmFitError('inner loop 2; cannot correct step size');
        ii++;
        for (let j = 0; j < p; j++) start[j] = (start[j]! + coefold[j]!) / 2;
        linearPredictorInto(X, start, offset, eta);
        for (let i = 0; i < nobs; i++) mu[i] = family.linkinv(eta[i]!);
      }
      boundary = true;
      dev = sumDeviance(family, yy, mu, prior);
    }
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < control.epsilon) {
      conv = true;
      coef = Float64Array.from(start);
      break;
    }
    devold = dev;
    coef = Float64Array.from(start);
    coefold = Float64Array.from(start);
  }
  if (iter > control.maxit) iter = control.maxit;
  if (last === null) throw new GlmFitError('IRLS did not produce a least-squares step');
  if (!conv) warnings.push('glm.fit: algorithm did not converge');
  if (boundary) warnings.push('glm.fit: algorithm stopped at boundary value');
  const eps = 10 * DBL_EPS;
  if (family.family === 'binomial') {
    let hit = false;
    for (let i = 0; i < nobs; i++) if (mu[i]! > 1 - eps || mu[i]! < eps) hit = true;
    if (hit) warnings.push('glm.fit: fitted probabilities numerically 0 or 1 occurred');
  }
  if (family.family === 'poisson') {
    let hit = false;
    for (let i = 0; i < nobs; i++) if (mu[i]! < eps) hit = true;
    if (hit) warnings.push('glm.fit: fitted rates numerically 0 occurred');
  }
  const d = last.decomposition;
  for (let j = d.rank; j < p; j++) coef[d.pivot[j]!] = Number.NaN;
  const residuals = new Float64Array(nobs);
  const weights = new Float64Array(nobs);
  for (let i = 0, r = 0; i < nobs; i++) {
    residuals[i] = (yy[i]! - mu[i]!) / family.muEta(eta[i]!);
    if (good[i]) {
      weights[i] = wGood[r]! * wGood[r]!;
      r++;
    }
  }
  let sw = 0;
  let swy = 0;
  let nOk = 0;
  for (let i = 0; i < nobs; i++) {
    sw += prior[i]!;
    swy += prior[i]! * yy[i]!;
    if (prior[i] !== 0) nOk++;
  }
  let nullDeviance = 0;
  let hasOffset = false;
  for (let i = 0; i < nobs; i++) if (offset[i] !== 0) hasOffset = true;
  if (intercept && hasOffset && p === 1) {
    // The intercept-only model is its own null model.
    nullDeviance = dev;
  } else if (intercept && hasOffset && p > 1) {
    const ones = { rows: nobs, cols: 1, data: new Float64Array(nobs).fill(1) };
    const nullFit = glmFit(ones, y, family, {
      weights: options.weights,
      offset,
      mustart: mu,
      control,
      intercept: true,
    });
    nullDeviance = nullFit.deviance;
  } else {
    const wtdmu = sw === 0 ? 0 : swy / sw;
    for (let i = 0; i < nobs; i++) {
      const m = intercept ? wtdmu : family.linkinv(offset[i]!);
      nullDeviance += family.devResid(yy[i]!, m, prior[i]!);
    }
  }
  const rank = d.rank;
  const aicFamily = family.aic(yy, init.n, mu, prior, dev);
  return {
    X,
    response: y,
    userWeights: options.weights === undefined ? undefined : Float64Array.from(options.weights),
    columnNames,
    coefficients: coef,
    residuals,
    fittedValues: Float64Array.from(mu),
    linearPredictors: Float64Array.from(eta),
    weights,
    priorWeights: prior,
    y: yy,
    trials: init.n,
    offset,
    rank,
    qr: d,
    good,
    effects: last.effects,
    deviance: dev,
    nullDeviance,
    aic: aicFamily === null ? null : aicFamily + 2 * rank,
    iter,
    converged: conv,
    boundary,
    dfResidual: nOk - rank,
    dfNull: nOk - (intercept ? 1 : 0),
    intercept,
    family,
    control,
    warnings,
  };
}
