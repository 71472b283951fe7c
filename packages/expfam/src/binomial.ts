import binomialLogpmf from '@stdlib/stats-base-dists-binomial-logpmf';
import { DomainError } from './errors.js';
import {
  type Family,
  type FamilyParts,
  type FamilyName,
  type FamilyStart,
  type GlmResponse,
  checkLength,
  checkNonNegativeCounts,
  isBinomialCounts,
  isFactorResponse,
  makeFamily,
  quasiParts,
  ones,
  priorWeights,
  roundHalfEven,
} from './family.js';
import { type Link, type LinkName, resolveLink } from './links.js';

/** y·log(y/mu) with the convention 0·log(0/mu) = 0 (R's `y_log_y` in `family.c`). */
function yLogY(y: number, mu: number): number {
  return y !== 0 ? y * Math.log(y / mu) : 0;
}

/** Binomial deviance residual: 2·wt·(y log(y/mu) + (1−y) log((1−y)/(1−mu))), R's `C_binomial_dev_resids`. */
export function binomialDevResid(y: number, mu: number, wt: number): number {
  return 2 * wt * (yLogY(y, mu) + yLogY(1 - y, 1 - mu));
}

/** V(mu) = mu(1 − mu). */
function binomialVariance(mu: number): number {
  return mu * (1 - mu);
}

/** R's binomial `validmu`: all finite and 0 < mu < 1. */
function binomialValidMu(mu: ArrayLike<number>): boolean {
  for (let i = 0; i < mu.length; i++) {
    const m = mu[i]!;
    if (!Number.isFinite(m) || !(m > 0 && m < 1)) return false;
  }
  return true;
}

/**
 * R's `binomInitialize(family)`: a factor is 1 for every level but the first; a proportion vector
 * y (0 ≤ y ≤ 1, trials = weights) gets
 * mustart = (w·y + 0.5)/(w + 1); counts give y = s/(s+f), weights·(s+f), mustart = (n·y + 0.5)/(n + 1).
 */
function binomialInitialize(
  family: FamilyName,
  response: GlmResponse,
  weightsArg: ArrayLike<number> | undefined,
): FamilyStart {
  const warnings: string[] = [];
  if (isBinomialCounts(response)) {
    const { successes, failures } = response;
    const nobs = successes.length;
    checkLength('failures', failures, nobs);
    checkNonNegativeCounts('successes', successes);
    checkNonNegativeCounts('failures', failures);
    const weights = priorWeights(weightsArg, nobs);
    let nonInteger = false;
    const y = new Float64Array(nobs);
    const n = new Float64Array(nobs);
    const mustart = new Float64Array(nobs);
    for (let i = 0; i < nobs; i++) {
      const s = successes[i]!;
      const f = failures[i]!;
      if (Math.abs(s - roundHalfEven(s)) > 0.001 || Math.abs(f - roundHalfEven(f)) > 0.001) {
        nonInteger = true;
      }
      n[i] = s + f;
      y[i] = n[i] === 0 ? 0 : s / n[i]!;
      weights[i] = weights[i]! * n[i]!;
      mustart[i] = (n[i]! * y[i]! + 0.5) / (n[i]! + 1);
    }
    if (family === 'binomial' && nonInteger) warnings.push('non-integer counts in a binomial glm!');
    return { y, weights, n, mustart, warnings };
  }
  let y: Float64Array;
  if (isFactorResponse(response)) {
    // R: a factor y means "not the first level" (success) vs the first level (failure)
    y = new Float64Array(response.codes.length);
    for (let i = 0; i < y.length; i++) {
      const c = response.codes[i]!;
      if (!Number.isInteger(c) || c < 0 || c >= response.levels.length) {
        throw new DomainError(`y[${i}]: factor code ${c} is NA or not a level index`);
      }
      y[i] = c !== 0 ? 1 : 0;
    }
  } else {
    y = Float64Array.from(response as ArrayLike<number>);
  }
  const nobs = y.length;
  const weights = priorWeights(weightsArg, nobs);
  const mustart = new Float64Array(nobs);
  let nonInteger = false;
  for (let i = 0; i < nobs; i++) {
    if (weights[i] === 0) y[i] = 0;
    const yi = y[i]!;
    if (!(yi >= 0 && yi <= 1)) {
      throw new DomainError(`y values must be 0 <= y <= 1 (y[${i}] = ${yi})`);
    }
    mustart[i] = (weights[i]! * yi + 0.5) / (weights[i]! + 1);
    const m = weights[i]! * yi;
    if (Math.abs(m - roundHalfEven(m)) > 0.001) nonInteger = true;
  }
  if (family === 'binomial' && nonInteger) {
    warnings.push('non-integer #successes in a binomial glm!');
  }
  return { y, weights, n: ones(nobs), mustart, warnings };
}

/**
 * R's binomial `aic`: −2 Σ (wt_i/m_i) log dbinom(round(m_i y_i); round(m_i), mu_i) with
 * m = n (trials) when any n > 1, else m = wt (weights as trials).
 */
const binomialAic: Family['aic'] = (y, n, mu, wt) => {
  const nobs = y.length;
  checkLength('n', n, nobs);
  checkLength('mu', mu, nobs);
  checkLength('wt', wt, nobs);
  let anyTrials = false;
  for (let i = 0; i < nobs; i++) if (n[i]! > 1) anyTrials = true;
  const m = anyTrials ? n : wt;
  let sum = 0;
  for (let i = 0; i < nobs; i++) {
    const mi = m[i]!;
    if (mi > 0) {
      sum += (wt[i]! / mi) * binomialLogpmf(roundHalfEven(mi * y[i]!), roundHalfEven(mi), mu[i]!);
    }
  }
  return -2 * sum;
};

/** The parts of R's `binomial` family object. */
const binomialParts: FamilyParts = {
  family: 'binomial',
  dispersionFixed: true,
  variance: binomialVariance,
  devResid: binomialDevResid,
  aic: binomialAic,
  validMu: binomialValidMu,
  initialize: (y, weights) => binomialInitialize('binomial', y, weights),
};

/** R's `binomial(link = "logit")`: V(mu) = mu(1−mu), dispersion fixed at 1. */
export function binomial(link?: LinkName | Link): Family {
  return makeFamily(binomialParts, resolveLink(link, 'logit'));
}

/** R's `quasibinomial(link = "logit")`: binomial variance, estimated dispersion, no AIC. */
export function quasibinomial(link?: LinkName | Link): Family {
  return makeFamily(
    quasiParts(binomialParts, 'quasibinomial', (y, weights) =>
      binomialInitialize('quasibinomial', y, weights),
    ),
    resolveLink(link, 'logit'),
  );
}
