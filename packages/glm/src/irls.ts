import {
  GlmArgumentError,
  GlmFitError,
  LengthMismatchError,
  NonFiniteInputError,
} from './errors.js';
import type { GlmFamily, GlmResponseInput } from './family-types.js';

/** One weighted least-squares step: beta in original column order (aliased entries 0). */
export interface WlsStep {
  readonly coefficients: Float64Array;
  readonly rank: number;
  /** Original indices of the aliased columns. */
  readonly aliased: readonly number[];
}

/**
 * The linear algebra of IRLS: solve min || sqrt(w) (z - X[good, ] beta) || and form
 * eta = X beta + offset. Dense QR (R's `Cdqrls`) and sparse indicator blocks implement it.
 */
export interface WlsSolver {
  readonly nobs: number;
  readonly p: number;
  /** `sqrtW` and `zw = sqrtW * z` hold the `ngood` rows flagged in `good`. */
  solve(
    good: Uint8Array,
    ngood: number,
    sqrtW: Float64Array,
    zw: Float64Array,
    tol: number,
  ): WlsStep;
  linearPredictorInto(beta: ArrayLike<number>, offset: Float64Array, eta: Float64Array): void;
}

/** R's `glm.control`. */
export interface GlmControl {
  /** Convergence tolerance: stop when |dev - dev_old| / (|dev| + 0.1) < epsilon. */
  readonly epsilon?: number;
  /** Maximal number of IRLS iterations. */
  readonly maxit?: number;
}

/** Start values and data of an IRLS run (R's `glm.fit` arguments). */
export interface IrlsInput {
  readonly weights?: ArrayLike<number>;
  readonly offset?: ArrayLike<number>;
  readonly start?: ArrayLike<number>;
  readonly etastart?: ArrayLike<number>;
  readonly mustart?: ArrayLike<number>;
  readonly control?: GlmControl;
}

/** What the IRLS loop leaves behind. */
export interface IrlsCore {
  readonly coefficients: Float64Array;
  readonly eta: Float64Array;
  readonly mu: Float64Array;
  readonly y: Float64Array;
  readonly trials: Float64Array;
  readonly prior: Float64Array;
  readonly offset: Float64Array;
  readonly good: Uint8Array;
  /** sqrt working weights of the good rows in the last step. */
  readonly sqrtW: Float64Array;
  readonly residuals: Float64Array;
  readonly weights: Float64Array;
  readonly step: WlsStep;
  readonly deviance: number;
  readonly iter: number;
  readonly converged: boolean;
  readonly boundary: boolean;
  readonly control: Required<GlmControl>;
  readonly warnings: string[];
  readonly aic: number | null;
  readonly nOk: number;
}

const DBL_EPS = 2.220446049250313e-16;

/** A copy of `v` checked to have length n and finite entries, or `fill` repeated. */
export function vectorOrDefault(
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
 * R's `glm.fit` loop: z = eta - offset + (y - mu) / mu'(eta), w = prior mu'(eta)^2 / V(mu),
 * beta from the WLS step, stop when |dev - dev_old| / (|dev| + 0.1) < epsilon, halve the step
 * towards the previous beta while the deviance is not finite or eta/mu are invalid; then R's
 * warnings (non-convergence, boundary, fitted probabilities 0/1, fitted rates 0).
 */
export function runIrls(
  solver: WlsSolver,
  y: GlmResponseInput,
  family: GlmFamily,
  input: IrlsInput,
): IrlsCore {
  const { nobs, p } = solver;
  const control = { epsilon: input.control?.epsilon ?? 1e-8, maxit: input.control?.maxit ?? 25 };
  if (!(control.epsilon > 0)) throw new GlmArgumentError('control.epsilon', 'must be > 0');
  if (!(control.maxit >= 1)) throw new GlmArgumentError('control.maxit', 'must be >= 1');
  const yLen = 'successes' in y ? y.successes.length : (y as ArrayLike<number>).length;
  if (yLen !== nobs) throw new LengthMismatchError('y', yLen, nobs);
  if (input.weights !== undefined && input.weights.length !== nobs) {
    throw new LengthMismatchError('weights', input.weights.length, nobs);
  }
  const offset = vectorOrDefault('offset', input.offset, nobs, 0);
  const userStart =
    input.start !== undefined || input.etastart !== undefined || input.mustart !== undefined;
  const init = family.initialize(y, input.weights, { userStart });
  const warnings: string[] = [...init.warnings];
  const yy = init.y;
  const prior = init.weights;
  const mustart =
    input.mustart === undefined ? init.mustart : vectorOrDefault('mustart', input.mustart, nobs, 0);
  const eta = new Float64Array(nobs);
  const mu = new Float64Array(nobs);
  let coefold: Float64Array | null = null;
  if (input.etastart !== undefined) {
    eta.set(vectorOrDefault('etastart', input.etastart, nobs, 0));
  } else if (input.start !== undefined) {
    if (input.start.length !== p) throw new LengthMismatchError('start', input.start.length, p);
    coefold = Float64Array.from(input.start);
    solver.linearPredictorInto(coefold, offset, eta);
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
  let step: WlsStep | null = null;
  let wGood = new Float64Array(0);
  const tol = Math.min(1e-7, control.epsilon / 1000);
  const update = (beta: Float64Array) => {
    solver.linearPredictorInto(beta, offset, eta);
    for (let i = 0; i < nobs; i++) mu[i] = family.linkinv(eta[i]!);
  };
  // R's EMPTY model (no columns): eta = offset, no iterations, converged.
  const empty = p === 0;
  if (empty) {
    eta.set(offset);
    for (let i = 0; i < nobs; i++) mu[i] = family.linkinv(eta[i]!);
    dev = sumDeviance(family, yy, mu, prior);
    devold = dev;
  }
  for (iter = 1; iter <= (empty ? 1 : control.maxit); iter++) {
    let ngood = 0;
    for (let i = 0; i < nobs; i++) {
      muEta[i] = family.muEta(eta[i]!);
      const ok = prior[i]! > 0 && muEta[i] !== 0;
      good[i] = ok ? 1 : 0;
      if (ok) ngood++;
    }
    if (ngood === 0) {
      warnings.push(`no observations informative at iteration ${iter}`);
      break;
    }
    const zw = new Float64Array(ngood);
    wGood = new Float64Array(ngood);
    for (let i = 0, r = 0; i < nobs; i++) {
      if (!good[i]) continue;
      const me = muEta[i]!;
      const w = Math.sqrt((prior[i]! * me * me) / family.variance(mu[i]!));
      wGood[r] = w;
      zw[r] = (eta[i]! - offset[i]! + (yy[i]! - mu[i]!) / me) * w;
      r++;
    }
    step = solver.solve(good, ngood, wGood, zw, tol);
    if (empty) {
      conv = true;
      iter = 0;
      break;
    }
    const start = Float64Array.from(step.coefficients);
    let finite = true;
    for (let j = 0; j < p; j++) if (!Number.isFinite(start[j]!)) finite = false;
    if (!finite) {
      warnings.push(`non-finite coefficients at iteration ${iter}`);
      break;
    }
    if (ngood < step.rank) {
      throw new GlmFitError(`X matrix has rank ${step.rank}, but only ${ngood} observations`);
    }
    update(start);
    dev = sumDeviance(family, yy, mu, prior);
    const halve = (check: () => boolean, what: string) => {
      if (coefold === null) {
        throw new GlmFitError(
          'no valid set of coefficients has been found: please supply starting values',
        );
      }
      warnings.push(
        what === 'inner loop 1'
          ? 'step size truncated due to divergence'
          : 'step size truncated: out of bounds',
      );
      let ii = 1;
      while (!check()) {
        if (ii > control.maxit) throw new GlmFitError(`${what}; cannot correct step size`);
        ii++;
        for (let j = 0; j < p; j++) start[j] = (start[j]! + coefold[j]!) / 2;
        update(start);
        if (what === 'inner loop 1') dev = sumDeviance(family, yy, mu, prior);
      }
      boundary = true;
    };
    if (!Number.isFinite(dev)) halve(() => Number.isFinite(dev), 'inner loop 1');
    if (!(family.validEta(eta) && family.validMu(mu))) {
      halve(() => family.validEta(eta) && family.validMu(mu), 'inner loop 2');
      dev = sumDeviance(family, yy, mu, prior);
    }
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < control.epsilon) {
      conv = true;
      coef = start;
      break;
    }
    devold = dev;
    coef = start;
    coefold = Float64Array.from(start);
  }
  if (iter > control.maxit) iter = control.maxit;
  if (step === null) throw new GlmFitError('IRLS did not produce a least-squares step');
  if (!conv) warnings.push('glm.fit: algorithm did not converge');
  if (boundary) warnings.push('glm.fit: algorithm stopped at boundary value');
  const eps = 10 * DBL_EPS;
  if (family.family === 'binomial' && mu.some((m) => m > 1 - eps || m < eps)) {
    warnings.push('glm.fit: fitted probabilities numerically 0 or 1 occurred');
  }
  if (family.family === 'poisson' && mu.some((m) => m < eps)) {
    warnings.push('glm.fit: fitted rates numerically 0 occurred');
  }
  for (const j of step.aliased) coef[j] = Number.NaN;
  const residuals = new Float64Array(nobs);
  const weights = new Float64Array(nobs);
  let nOk = 0;
  for (let i = 0, r = 0; i < nobs; i++) {
    residuals[i] = (yy[i]! - mu[i]!) / family.muEta(eta[i]!);
    if (good[i]) {
      weights[i] = wGood[r]! * wGood[r]!;
      r++;
    }
    if (prior[i] !== 0) nOk++;
  }
  const aicFamily = family.aic(yy, init.n, mu, prior, dev);
  return {
    coefficients: coef,
    eta,
    mu,
    y: yy,
    trials: init.n,
    prior,
    offset,
    good,
    sqrtW: wGood,
    residuals,
    weights,
    step,
    deviance: dev,
    iter,
    converged: conv,
    boundary,
    control,
    warnings,
    aic: aicFamily === null ? null : aicFamily + 2 * step.rank,
    nOk,
  };
}

/**
 * R's null deviance without the offset refit: sum d(y_i, m_i) with m the weighted mean of y
 * (intercept) or linkinv(offset_i) (no intercept).
 */
export function nullDevianceSimple(core: IrlsCore, family: GlmFamily, intercept: boolean): number {
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < core.y.length; i++) {
    sw += core.prior[i]!;
    swy += core.prior[i]! * core.y[i]!;
  }
  const wtdmu = sw === 0 ? 0 : swy / sw;
  let nd = 0;
  for (let i = 0; i < core.y.length; i++) {
    const m = intercept ? wtdmu : family.linkinv(core.offset[i]!);
    nd += family.devResid(core.y[i]!, m, core.prior[i]!);
  }
  return nd;
}
