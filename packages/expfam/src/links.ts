import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalPdf from '@stdlib/stats-base-dists-normal-pdf';
import expm1 from '@stdlib/math-base-special-expm1';
import { DomainError, LinkError } from './errors.js';
import { qnorm } from './normal-quantile.js';

/** `.Machine$double.eps`, R's `DBL_EPSILON`. */
export const DBL_EPSILON = 2.220446049250313e-16;
/** Logit `linkinv`/`mu.eta` cut-offs of R's `family.c` (`THRESH`, `MTHRESH`). */
const THRESH = 30;
const MTHRESH = -30;
const INVEPS = 1 / DBL_EPSILON;
/** R: `-qnorm(.Machine$double.eps)` = 8.125890664701906. */
const PROBIT_THRESH = -qnorm(DBL_EPSILON);
/**
 * tan(πx) as R's `tanpi` (nmath/cospi.c): reduced to (−½, ½], exact 0 and ±1 at 0 and ±¼.
 */
function tanpi(x: number): number {
  x %= 1;
  if (x <= -0.5) x++;
  else if (x > 0.5) x--;
  return x === 0
    ? 0
    : x === 0.5
      ? Number.NaN
      : x === 0.25
        ? 1
        : x === -0.25
          ? -1
          : Math.tan(Math.PI * x);
}

/**
 * The standard Cauchy quantile as R's `qcauchy`: ∓1/tanpi(min(p, 1 − p)), accurate in both
 * tails (stdlib's tan(π(p − ½)) loses the digits of a small p to the subtraction).
 */
function qcauchy(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  let lower = true;
  if (p > 0.5) {
    if (p === 1) return Number.POSITIVE_INFINITY;
    p = 1 - p;
    lower = false;
  }
  if (p === 0.5) return 0;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  return (lower ? -1 : 1) / tanpi(p);
}

/** The standard Cauchy cdf as R's `pcauchy`: atan(1/x)/π in the tails (|x| > 1), no cancellation. */
function pcauchy(x: number): number {
  if (Math.abs(x) > 1) {
    const y = Math.atan(1 / x) / Math.PI;
    return x > 0 ? 0.5 - y + 0.5 : -y;
  }
  return 0.5 + Math.atan(x) / Math.PI;
}

/** The standard Cauchy density 1/(π(1 + x²)), as R's `dcauchy`. */
function dcauchy(x: number): number {
  return 1 / (Math.PI * (1 + x * x));
}

/** R: `-qcauchy(.Machine$double.eps)` = 1433540284805664.8. */
const CAUCHIT_THRESH = -qcauchy(DBL_EPSILON);

/** The links of R's `make.link`. */
export type LinkName =
  | 'identity'
  | 'log'
  | 'logit'
  | 'probit'
  | 'cauchit'
  | 'cloglog'
  | 'inverse'
  | 'sqrt'
  | '1/mu^2';

/** Every link name `makeLink` accepts, in R's order of `make.link`. */
export const LINK_NAMES: readonly LinkName[] = [
  'logit',
  'probit',
  'cauchit',
  'cloglog',
  'identity',
  'log',
  'sqrt',
  '1/mu^2',
  'inverse',
];

/**
 * A GLM link g, as R's `link-glm` objects: eta = g(mu), mu = g⁻¹(eta), and dmu/deta.
 * Scalar methods for clarity, `...Into` methods for IRLS loops (write into `out`, no allocation).
 */
export interface Link {
  readonly name: LinkName;
  /** eta = g(mu) (R `linkfun`). */
  linkfun(mu: number): number;
  /** mu = g⁻¹(eta) with R's clamping (R `linkinv`). */
  linkinv(eta: number): number;
  /** dmu/deta at eta with R's floors (R `mu.eta`). */
  muEta(eta: number): number;
  /** Whether every eta is in the link's domain (R `valideta`). */
  validEta(eta: ArrayLike<number>): boolean;
  /** out[i] = g(mu[i]); returns `out`. */
  linkfunInto(mu: ArrayLike<number>, out: Float64Array): Float64Array;
  /** out[i] = g⁻¹(eta[i]); returns `out`. */
  linkinvInto(eta: ArrayLike<number>, out: Float64Array): Float64Array;
  /** out[i] = dmu/deta(eta[i]); returns `out`. */
  muEtaInto(eta: ArrayLike<number>, out: Float64Array): Float64Array;
}

type Scalar = (x: number) => number;

function alwaysValid(_eta: ArrayLike<number>): boolean {
  return true;
}

function allFinitePositive(eta: ArrayLike<number>): boolean {
  for (let i = 0; i < eta.length; i++) {
    const e = eta[i]!;
    if (!Number.isFinite(e) || !(e > 0)) return false;
  }
  return true;
}

function allFiniteNonZero(eta: ArrayLike<number>): boolean {
  for (let i = 0; i < eta.length; i++) {
    const e = eta[i]!;
    if (!Number.isFinite(e) || e === 0) return false;
  }
  return true;
}

function mapInto(f: Scalar, x: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]!);
  return out;
}

function link(
  name: LinkName,
  linkfun: Scalar,
  linkinv: Scalar,
  muEta: Scalar,
  validEta: (eta: ArrayLike<number>) => boolean,
): Link {
  return {
    name,
    linkfun,
    linkinv,
    muEta,
    validEta,
    linkfunInto: (mu, out) => mapInto(linkfun, mu, out),
    linkinvInto: (eta, out) => mapInto(linkinv, eta, out),
    muEtaInto: (eta, out) => mapInto(muEta, eta, out),
  };
}

/** logit: eta = log(mu/(1-mu)); R errors for mu outside [0, 1]. */
function logitLinkfun(mu: number): number {
  if (mu < 0 || mu > 1) throw new DomainError(`mu: value ${mu} out of range (0, 1)`);
  return Math.log(mu / (1 - mu));
}

/** mu = t/(1+t), t = exp(eta) clamped to [DBL_EPSILON, 1/DBL_EPSILON] outside |eta| ≤ 30. */
function logitLinkinv(eta: number): number {
  const t = eta < MTHRESH ? DBL_EPSILON : eta > THRESH ? INVEPS : Math.exp(eta);
  return t / (1 + t);
}

/** dmu/deta = e^eta/(1+e^eta)², DBL_EPSILON outside |eta| ≤ 30. */
function logitMuEta(eta: number): number {
  const opexp = 1 + Math.exp(eta);
  return eta > THRESH || eta < MTHRESH ? DBL_EPSILON : Math.exp(eta) / (opexp * opexp);
}

const LINKS: Record<LinkName, Link> = {
  logit: link('logit', logitLinkfun, logitLinkinv, logitMuEta, alwaysValid),
  probit: link(
    'probit',
    qnorm,
    (eta) => normalCdf(Math.min(Math.max(eta, -PROBIT_THRESH), PROBIT_THRESH), 0, 1),
    (eta) => Math.max(normalPdf(eta, 0, 1), DBL_EPSILON),
    alwaysValid,
  ),
  cauchit: link(
    'cauchit',
    qcauchy,
    (eta) => pcauchy(Math.min(Math.max(eta, -CAUCHIT_THRESH), CAUCHIT_THRESH)),
    (eta) => Math.max(dcauchy(eta), DBL_EPSILON),
    alwaysValid,
  ),
  cloglog: link(
    'cloglog',
    (mu) => Math.log(-Math.log(1 - mu)),
    (eta) => Math.max(Math.min(-expm1(-Math.exp(eta)), 1 - DBL_EPSILON), DBL_EPSILON),
    (eta) => {
      const e = Math.min(eta, 700);
      return Math.max(Math.exp(e) * Math.exp(-Math.exp(e)), DBL_EPSILON);
    },
    alwaysValid,
  ),
  identity: link(
    'identity',
    (mu) => mu,
    (eta) => eta,
    () => 1,
    alwaysValid,
  ),
  log: link(
    'log',
    (mu) => Math.log(mu),
    (eta) => Math.max(Math.exp(eta), DBL_EPSILON),
    (eta) => Math.max(Math.exp(eta), DBL_EPSILON),
    alwaysValid,
  ),
  sqrt: link(
    'sqrt',
    (mu) => Math.sqrt(mu),
    (eta) => eta ** 2,
    (eta) => 2 * eta,
    allFinitePositive,
  ),
  '1/mu^2': link(
    '1/mu^2',
    (mu) => 1 / mu ** 2,
    (eta) => 1 / Math.sqrt(eta),
    (eta) => -1 / (2 * eta ** 1.5),
    allFinitePositive,
  ),
  inverse: link(
    'inverse',
    (mu) => 1 / mu,
    (eta) => 1 / eta,
    (eta) => -1 / eta ** 2,
    allFiniteNonZero,
  ),
};

/** Whether `name` is one of R's link names. */
export function isLinkName(name: string): name is LinkName {
  return Object.hasOwn(LINKS, name);
}

/** The link called `name`, exactly as R's `make.link(name)`; throws `LinkError` for an unknown name. */
export function makeLink(name: string): Link {
  if (!isLinkName(name)) {
    throw new LinkError(
      `link '${name}' not recognised; available links are ${LINK_NAMES.map((l) => `'${l}'`).join(', ')}`,
    );
  }
  return LINKS[name];
}

/** The link of a family factory's `link` argument: a name or a ready `Link` object. */
export function resolveLink(linkArg: LinkName | Link | undefined, fallback: LinkName): Link {
  if (linkArg === undefined) return LINKS[fallback];
  if (typeof linkArg === 'string') return makeLink(linkArg);
  if (typeof linkArg.linkinv !== 'function' || typeof linkArg.muEta !== 'function') {
    throw new LinkError('link: a Link object needs linkfun, linkinv, muEta and validEta methods');
  }
  return linkArg;
}
