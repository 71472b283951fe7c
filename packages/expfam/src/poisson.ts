import poissonLogpmf from '@stdlib/stats-base-dists-poisson-logpmf';
import { DomainError } from './errors.js';
import {
  type Family,
  type FamilyParts,
  type FamilyName,
  type FamilyStart,
  type GlmResponse,
  allFinitePositive,
  checkLength,
  makeFamily,
  quasiParts,
  ones,
  priorWeights,
  vectorResponse,
} from './family.js';
import { type Link, type LinkName, resolveLink } from './links.js';

/** Poisson deviance residual: 2·wt·(y log(y/mu) − (y − mu)), and 2·mu·wt at y = 0. */
export function poissonDevResid(y: number, mu: number, wt: number): number {
  return y > 0 ? 2 * (wt * (y * Math.log(y / mu) - (y - mu))) : 2 * (mu * wt);
}

/** V(mu) = mu. */
function poissonVariance(mu: number): number {
  return mu;
}

/** R's `sprintf("%f")` of a number (six decimals), for R's dpois warning text. */
function formatF(x: number): string {
  return x.toFixed(6);
}

/**
 * R's poisson `initialize`: y ≥ 0, mustart = y + 0.1. R's `dpois` later warns
 * "non-integer x = …" for each non-integer y; that warning is returned here (poisson only).
 */
function poissonInitialize(
  family: FamilyName,
  response: GlmResponse,
  weightsArg: ArrayLike<number> | undefined,
): FamilyStart {
  const y = vectorResponse(family, response);
  const nobs = y.length;
  const weights = priorWeights(weightsArg, nobs);
  const warnings: string[] = [];
  const mustart = new Float64Array(nobs);
  const label = family === 'poisson' ? 'Poisson' : 'quasiPoisson';
  for (let i = 0; i < nobs; i++) {
    if (y[i]! < 0) {
      throw new DomainError(
        `negative values not allowed for the '${label}' family (y[${i}] = ${y[i]})`,
      );
    }
    if (family === 'poisson' && !Number.isInteger(y[i]!)) {
      warnings.push(`non-integer x = ${formatF(y[i]!)}`);
    }
    mustart[i] = y[i]! + 0.1;
  }
  return { y, weights, n: ones(nobs), mustart, warnings };
}

/** R's poisson `aic`: −2 Σ wt_i log dpois(y_i; mu_i) (+∞ when some y_i is not an integer). */
const poissonAic: Family['aic'] = (y, _n, mu, wt) => {
  const nobs = y.length;
  checkLength('mu', mu, nobs);
  checkLength('wt', wt, nobs);
  let sum = 0;
  for (let i = 0; i < nobs; i++) sum += poissonLogpmf(y[i]!, mu[i]!) * wt[i]!;
  return -2 * sum;
};

/** The parts of R's `poisson` family object. */
const poissonParts: FamilyParts = {
  family: 'poisson',
  dispersionFixed: true,
  variance: poissonVariance,
  devResid: poissonDevResid,
  aic: poissonAic,
  validMu: allFinitePositive,
  initialize: (y, weights) => poissonInitialize('poisson', y, weights),
};

/** R's `poisson(link = "log")`: V(mu) = mu, dispersion fixed at 1. */
export function poisson(link?: LinkName | Link): Family {
  return makeFamily(poissonParts, resolveLink(link, 'log'));
}

/** R's `quasipoisson(link = "log")`: V(mu) = mu, estimated dispersion, no AIC. */
export function quasipoisson(link?: LinkName | Link): Family {
  return makeFamily(
    quasiParts(poissonParts, 'quasipoisson', (y, weights) =>
      poissonInitialize('quasipoisson', y, weights),
    ),
    resolveLink(link, 'log'),
  );
}
