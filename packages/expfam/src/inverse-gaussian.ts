import { continuousStart } from './continuous-start.js';
import { type Family, alwaysValidMu, checkLength, makeFamily } from './family.js';
import { type Link, type LinkName, resolveLink } from './links.js';

/** Inverse Gaussian deviance residual wt·(y − mu)²/(y·mu²). */
export function inverseGaussianDevResid(y: number, mu: number, wt: number): number {
  return (wt * (y - mu) ** 2) / (y * mu ** 2);
}

/** R's inverse.gaussian `aic`: Σwt·(1 + log(2π·dev/Σwt)) + 3 Σ wt_i log y_i + 2. */
const inverseGaussianAic: Family['aic'] = (y, _n, _mu, wt, dev) => {
  const nobs = y.length;
  checkLength('wt', wt, nobs);
  let sumWt = 0;
  let sumLogY = 0;
  for (let i = 0; i < nobs; i++) {
    sumWt += wt[i]!;
    sumLogY += Math.log(y[i]!) * wt[i]!;
  }
  return sumWt * (1 + Math.log((dev / sumWt) * 2 * Math.PI)) + 3 * sumLogY + 2;
};

/** R's `inverse.gaussian(link = "1/mu^2")`: V(mu) = mu³, estimated dispersion. */
export function inverseGaussian(link?: LinkName | Link): Family {
  return makeFamily(
    {
      family: 'inverse.gaussian',
      dispersionFixed: false,
      variance: (mu) => mu ** 3,
      devResid: inverseGaussianDevResid,
      aic: inverseGaussianAic,
      validMu: alwaysValidMu,
      initialize: (response, weightsArg) =>
        continuousStart('inverse.gaussian', response, weightsArg, {
          rejects: (yi) => yi <= 0,
          message: (i, yi) =>
            `positive values only are allowed for the 'inverse.gaussian' family (y[${i}] = ${yi})`,
        }),
    },
    resolveLink(link, '1/mu^2'),
  );
}
