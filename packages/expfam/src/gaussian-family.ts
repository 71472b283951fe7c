import { continuousStart } from './continuous-start.js';
import { type Family, alwaysValidMu, checkLength, makeFamily } from './family.js';
import { type Link, type LinkName, resolveLink } from './links.js';

/** Gaussian deviance residual wt·(y − mu)². */
export function gaussianDevResid(y: number, mu: number, wt: number): number {
  return wt * (y - mu) ** 2;
}

/** R's gaussian `aic`: n(log(2π·dev/n) + 1) + 2 − Σ log wt_i (operation order as R's). */
const gaussianAic: Family['aic'] = (y, _n, _mu, wt, dev) => {
  const nobs = y.length;
  checkLength('wt', wt, nobs);
  let sumLogWt = 0;
  for (let i = 0; i < nobs; i++) sumLogWt += Math.log(wt[i]!);
  return nobs * (Math.log((dev / nobs) * 2 * Math.PI) + 1) + 2 - sumLogWt;
};

/** R's `gaussian(link = "identity")`: V(mu) = 1, estimated dispersion. */
export function gaussian(link?: LinkName | Link): Family {
  const l = resolveLink(link, 'identity');
  return makeFamily(
    {
      family: 'gaussian',
      dispersionFixed: false,
      variance: () => 1,
      devResid: gaussianDevResid,
      aic: gaussianAic,
      validMu: alwaysValidMu,
      // R: "cannot find valid starting values" unless the caller brings its own start
      initialize: (response, weightsArg, options) =>
        continuousStart(
          'gaussian',
          response,
          weightsArg,
          options?.userStart
            ? null
            : {
                rejects: (yi) =>
                  (l.name === 'inverse' && yi === 0) || (l.name === 'log' && yi <= 0),
                message: (i, yi) =>
                  `cannot find valid starting values: please specify some (y[${i}] = ${yi} with the ${l.name} link)`,
              },
        ),
    },
    l,
  );
}
