import { CountError, DomainError, LengthError } from './errors.js';
import type { Link, LinkName } from './links.js';

/** The family names of R's `family` objects. */
export type FamilyName =
  | 'binomial'
  | 'quasibinomial'
  | 'poisson'
  | 'quasipoisson'
  | 'gaussian'
  | 'Gamma'
  | 'inverse.gaussian'
  | 'quasi';

/** A binomial response given as counts, R's `cbind(successes, failures)`. */
export interface BinomialCounts {
  readonly successes: ArrayLike<number>;
  readonly failures: ArrayLike<number>;
}

/**
 * A factor response for the binomial families (R: `y != levels(y)[1]`): `codes[i]` is the 0-based
 * level index, −1 for NA, as `@likelihood/formula` stores factors.
 */
export interface FactorResponse {
  readonly codes: ArrayLike<number>;
  readonly levels: readonly string[];
}

/** A GLM response: a numeric vector, or successes/failures or a factor for the binomial families. */
export type GlmResponse = ArrayLike<number> | BinomialCounts | FactorResponse;

/** Options of `Family.initialize`. */
export interface InitializeOptions {
  /**
   * The caller supplies its own starting values (R's `etastart`, `start` or `mustart`), which
   * lifts the gaussian family's "cannot find valid starting values" check.
   */
  readonly userStart?: boolean;
}

/** What R's `family$initialize` expression leaves behind, plus its warnings as data. */
export interface FamilyStart {
  /** The response the fit uses (binomial: proportions successes/(successes + failures)). */
  readonly y: Float64Array;
  /** Prior weights (binomial counts: weights × trials). */
  readonly weights: Float64Array;
  /** Binomial trials per observation (1 for every other family), R's `n`. */
  readonly n: Float64Array;
  /** Starting means, R's `mustart`. */
  readonly mustart: Float64Array;
  /** Warnings R would give, with R's wording (e.g. "non-integer #successes in a binomial glm!"). */
  readonly warnings: readonly string[];
}

/**
 * A GLM family exactly as R's `family` object: a link plus the variance function V(mu), the
 * deviance residuals d_i = wt_i · unit deviance, the AIC, the valid-mu check and the start.
 */
export interface Family
  extends Pick<
    Link,
    'linkfun' | 'linkinv' | 'muEta' | 'validEta' | 'linkfunInto' | 'linkinvInto' | 'muEtaInto'
  > {
  readonly family: FamilyName;
  /** The link's name, as R's `family$link`. */
  readonly link: LinkName;
  /** The link itself. */
  readonly linkObject: Link;
  /** Whether the dispersion is fixed at 1 (binomial, poisson) rather than estimated. */
  readonly dispersionFixed: boolean;
  /** quasi only: the variance function's name (R's `varfun`). */
  readonly varianceName?: string;
  /** V(mu). */
  variance(mu: number): number;
  /** out[i] = V(mu[i]); returns `out`. */
  varianceInto(mu: ArrayLike<number>, out: Float64Array): Float64Array;
  /** One deviance residual (squared): wt · 2(ℓ(y; y) − ℓ(y; mu)) for unit dispersion. */
  devResid(y: number, mu: number, wt: number): number;
  /** R's `dev.resids(y, mu, wt)` into `out` (allocated when omitted). */
  devResids(
    y: ArrayLike<number>,
    mu: ArrayLike<number>,
    wt: ArrayLike<number>,
    out?: Float64Array,
  ): Float64Array;
  /**
   * R's `aic(y, n, mu, wt, dev)`: −2 × log-likelihood (+2 when the dispersion is estimated);
   * `null` for the quasi families, whose `aic` is `NA` in R.
   */
  aic(
    y: ArrayLike<number>,
    n: ArrayLike<number>,
    mu: ArrayLike<number>,
    wt: ArrayLike<number>,
    dev: number,
  ): number | null;
  /** R's `validmu(mu)`. */
  validMu(mu: ArrayLike<number>): boolean;
  /** R's `initialize` expression: checks y, returns the working response, weights and mustart. */
  initialize(y: GlmResponse, weights?: ArrayLike<number>, options?: InitializeOptions): FamilyStart;
}

/** The family-specific parts; `makeFamily` adds the link methods and the vector loops. */
export interface FamilyParts {
  readonly family: FamilyName;
  readonly dispersionFixed: boolean;
  readonly varianceName?: string;
  variance(mu: number): number;
  devResid(y: number, mu: number, wt: number): number;
  aic: Family['aic'];
  validMu(mu: ArrayLike<number>): boolean;
  initialize: Family['initialize'];
}

/** Assembles a `Family` from its parts and a link. */
export function makeFamily(parts: FamilyParts, link: Link): Family {
  const { variance, devResid } = parts;
  const family: Family = {
    family: parts.family,
    link: link.name,
    linkObject: link,
    dispersionFixed: parts.dispersionFixed,
    linkfun: link.linkfun,
    linkinv: link.linkinv,
    muEta: link.muEta,
    validEta: link.validEta,
    linkfunInto: link.linkfunInto,
    linkinvInto: link.linkinvInto,
    muEtaInto: link.muEtaInto,
    variance,
    varianceInto(mu, out) {
      for (let i = 0; i < mu.length; i++) out[i] = variance(mu[i]!);
      return out;
    },
    devResid,
    devResids(y, mu, wt, out) {
      const n = y.length;
      checkLength('mu', mu, n);
      checkLength('wt', wt, n);
      const r = out ?? new Float64Array(n);
      for (let i = 0; i < n; i++) r[i] = devResid(y[i]!, mu[i]!, wt[i]!);
      return r;
    },
    aic: parts.aic,
    validMu: parts.validMu,
    initialize: parts.initialize,
  };
  return parts.varianceName === undefined
    ? family
    : { ...family, varianceName: parts.varianceName };
}

/**
 * The parts of R's quasi twin of a family (quasibinomial of binomial, quasipoisson of
 * poisson): the same variance, deviance residuals and valid-mu check, with the dispersion
 * estimated and no AIC (R's `NA`); `initialize` as the twin's (its messages name the quasi
 * family).
 */
export function quasiParts(
  parts: FamilyParts,
  family: FamilyName,
  initialize: FamilyParts['initialize'],
): FamilyParts {
  return { ...parts, family, dispersionFixed: false, aic: () => null, initialize };
}

/** Throws `LengthError` unless `x.length === n`. */
export function checkLength(arg: string, x: ArrayLike<number>, n: number): void {
  if (x.length !== n) throw new LengthError(`${arg} has length ${x.length}, expected ${n}`);
}

/** Whether `y` is a `BinomialCounts` pair rather than a vector. */
export function isBinomialCounts(y: GlmResponse): y is BinomialCounts {
  return (
    (y as BinomialCounts).successes !== undefined && (y as BinomialCounts).failures !== undefined
  );
}

/** Whether `y` is a factor response. */
export function isFactorResponse(y: GlmResponse): y is FactorResponse {
  return (y as FactorResponse).codes !== undefined && (y as FactorResponse).levels !== undefined;
}

/** The numeric response of a non-binomial family; counts and factors are an error there. */
export function vectorResponse(family: FamilyName, y: GlmResponse): Float64Array {
  if (isBinomialCounts(y)) {
    throw new DomainError(
      `y: successes/failures counts are only meaningful for the binomial families, not '${family}'`,
    );
  }
  if (isFactorResponse(y)) {
    throw new DomainError(
      `y: a factor response is only meaningful for the binomial families, not '${family}'`,
    );
  }
  const out = Float64Array.from(y as ArrayLike<number>);
  for (let i = 0; i < out.length; i++) {
    if (Number.isNaN(out[i]!)) throw new DomainError(`y[${i}] is NaN`);
  }
  return out;
}

/** Prior weights: all ones when omitted; otherwise finite, non-negative, of length n. */
export function priorWeights(weights: ArrayLike<number> | undefined, n: number): Float64Array {
  if (weights === undefined) return new Float64Array(n).fill(1);
  checkLength('weights', weights, n);
  const w = Float64Array.from(weights);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(w[i]!) || w[i]! < 0) {
      throw new DomainError(`weights[${i}] = ${w[i]} is not a finite non-negative number`);
    }
  }
  return w;
}

/** Whether every entry is finite and strictly positive. */
export function allFinitePositive(mu: ArrayLike<number>): boolean {
  for (let i = 0; i < mu.length; i++) {
    if (!Number.isFinite(mu[i]!) || !(mu[i]! > 0)) return false;
  }
  return true;
}

/** Whether every entry is strictly positive (R's `all(mu > 0)`: NaN fails). */
export function allPositive(mu: ArrayLike<number>): boolean {
  for (let i = 0; i < mu.length; i++) if (!(mu[i]! > 0)) return false;
  return true;
}

/** Always valid (R's `function(mu) TRUE`). */
export function alwaysValidMu(_mu: ArrayLike<number>): boolean {
  return true;
}

/** A vector of ones of length n, R's `rep.int(1, nobs)`. */
export function ones(n: number): Float64Array {
  return new Float64Array(n).fill(1);
}

/** R's `round(x)`: IEC 60559 round half to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Throws `CountError` unless every count is finite and ≥ 0 (naming the argument and index). */
export function checkNonNegativeCounts(arg: string, x: ArrayLike<number>): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (!Number.isFinite(v) || v < 0) {
      throw new CountError(`${arg}[${i}] = ${v} is not a finite non-negative count`);
    }
  }
}
