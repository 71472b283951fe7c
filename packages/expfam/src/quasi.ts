import { binomialDevResid } from './binomial.js';
import { DomainError } from './errors.js';
import {
  type Family,
  type FamilyStart,
  type GlmResponse,
  type InitializeOptions,
  allPositive,
  alwaysValidMu,
  makeFamily,
  ones,
  priorWeights,
  vectorResponse,
} from './family.js';
import { gaussianDevResid } from './gaussian-family.js';
import { inverseGaussianDevResid } from './inverse-gaussian.js';
import { type Link, type LinkName, resolveLink } from './links.js';

/** The variance functions R's `quasi` knows by name. */
export type QuasiVarianceName = 'constant' | 'mu(1-mu)' | 'mu' | 'mu^2' | 'mu^3';

/** A user-defined quasi variance (R's `quasi(variance = list(varfun, validmu, dev.resids, …))`). */
export interface QuasiVariance {
  readonly name: string;
  variance(mu: number): number;
  validMu(mu: ArrayLike<number>): boolean;
  devResid(y: number, mu: number, wt: number): number;
  initialize(y: GlmResponse, weights?: ArrayLike<number>, options?: InitializeOptions): FamilyStart;
}

/** Options of `quasi`: R's defaults are `link = "identity"`, `variance = "constant"`. */
export interface QuasiOptions {
  readonly link?: LinkName | Link;
  readonly variance?: QuasiVarianceName | QuasiVariance;
}

/** mustart by a map of y, after the generic checks. */
function startWith(
  map: (y: number) => number,
): (y: GlmResponse, weights?: ArrayLike<number>) => FamilyStart {
  return (response, weightsArg) => {
    const y = vectorResponse('quasi', response);
    const weights = priorWeights(weightsArg, y.length);
    const mustart = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) mustart[i] = map(y[i]!);
    return { y, weights, n: ones(y.length), mustart, warnings: [] };
  };
}

/** mustart = y + 0.1·(y == 0), the start of the "mu", "mu^2" and "mu^3" variances. */
const shiftZeros = startWith((y) => y + 0.1 * (y === 0 ? 1 : 0));

const QUASI_VARIANCES: Record<QuasiVarianceName, QuasiVariance> = {
  constant: {
    name: 'constant',
    variance: () => 1,
    validMu: alwaysValidMu,
    devResid: gaussianDevResid,
    initialize: startWith((y) => y),
  },
  'mu(1-mu)': {
    name: 'mu(1-mu)',
    variance: (mu) => mu * (1 - mu),
    validMu: (mu) => {
      for (let i = 0; i < mu.length; i++) if (!(mu[i]! > 0 && mu[i]! < 1)) return false;
      return true;
    },
    devResid: binomialDevResid,
    initialize: startWith((y) => Math.max(0.001, Math.min(0.999, y))),
  },
  mu: {
    name: 'mu',
    variance: (mu) => mu,
    validMu: allPositive,
    devResid: (y, mu, wt) => 2 * wt * (y * Math.log(y === 0 ? 1 : y / mu) - (y - mu)),
    initialize: shiftZeros,
  },
  'mu^2': {
    name: 'mu^2',
    variance: (mu) => mu ** 2,
    validMu: allPositive,
    devResid: (y, mu, wt) =>
      Math.max(-2 * wt * (Math.log((y === 0 ? 1 : y) / mu) - (y - mu) / mu), 0),
    initialize: shiftZeros,
  },
  'mu^3': {
    name: 'mu^3',
    variance: (mu) => mu ** 3,
    validMu: allPositive,
    devResid: inverseGaussianDevResid,
    initialize: shiftZeros,
  },
};

/**
 * R's `quasi(link, variance)`: a quasi-likelihood family with any link and a variance function
 * by name ("constant", "mu(1-mu)", "mu", "mu^2", "mu^3") or given by the user; no AIC.
 */
export function quasi(options: QuasiOptions = {}): Family {
  const v = options.variance ?? 'constant';
  let variance: QuasiVariance;
  if (typeof v === 'string') {
    if (!Object.hasOwn(QUASI_VARIANCES, v)) {
      throw new DomainError(
        `'variance' "${v}" is invalid: possible values are "mu(1-mu)", "mu", "mu^2", "mu^3" and "constant"`,
      );
    }
    variance = QUASI_VARIANCES[v];
  } else {
    variance = v;
  }
  return makeFamily(
    {
      family: 'quasi',
      dispersionFixed: false,
      varianceName: variance.name,
      variance: variance.variance,
      devResid: variance.devResid,
      aic: () => null,
      validMu: variance.validMu,
      initialize: variance.initialize,
    },
    resolveLink(options.link, 'identity'),
  );
}
