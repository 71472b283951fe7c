import gammaLogpdf from '@stdlib/stats-base-dists-gamma-logpdf';
import { continuousStart } from './continuous-start.js';
import { type Family, allFinitePositive, checkLength, makeFamily } from './family.js';
import { type Link, type LinkName, resolveLink } from './links.js';

/** Gamma deviance residual −2·wt·(log(y/mu) − (y − mu)/mu), with log(y/mu) := 0 at y = 0 (R). */
export function gammaDevResid(y: number, mu: number, wt: number): number {
  return -2 * wt * (Math.log(y === 0 ? 1 : y / mu) - (y - mu) / mu);
}

/**
 * R's Gamma `aic`: dispersion φ = dev/Σwt, then −2 Σ wt_i log dgamma(y_i; shape 1/φ,
 * scale mu_i·φ) + 2.
 */
const gammaAic: Family['aic'] = (y, _n, mu, wt, dev) => {
  const nobs = y.length;
  checkLength('mu', mu, nobs);
  checkLength('wt', wt, nobs);
  let sumWt = 0;
  for (let i = 0; i < nobs; i++) sumWt += wt[i]!;
  const disp = dev / sumWt;
  let sum = 0;
  for (let i = 0; i < nobs; i++) {
    sum += gammaLogpdf(y[i]!, 1 / disp, 1 / (mu[i]! * disp)) * wt[i]!;
  }
  return -2 * sum + 2;
};

/** R's `Gamma(link = "inverse")`: V(mu) = mu², estimated dispersion. */
export function Gamma(link?: LinkName | Link): Family {
  return makeFamily(
    {
      family: 'Gamma',
      dispersionFixed: false,
      variance: (mu) => mu ** 2,
      devResid: gammaDevResid,
      aic: gammaAic,
      validMu: allFinitePositive,
      initialize: (response, weightsArg) =>
        continuousStart('Gamma', response, weightsArg, {
          rejects: (yi) => yi <= 0,
          message: (i, yi) =>
            `non-positive values not allowed for the 'Gamma' family (y[${i}] = ${yi})`,
        }),
    },
    resolveLink(link, 'inverse'),
  );
}
