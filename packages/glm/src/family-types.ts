/**
 * The part of `@likelihood/expfam`'s `Family` that IRLS uses (R's `family` object). Stated
 * structurally so every expfam family (and any user-defined family with R's methods) fits.
 */
export interface GlmFamily {
  readonly family: string;
  readonly link: string;
  /** Whether the dispersion is fixed at 1 (binomial, poisson) rather than estimated. */
  readonly dispersionFixed: boolean;
  linkfun(mu: number): number;
  linkinv(eta: number): number;
  muEta(eta: number): number;
  validEta(eta: ArrayLike<number>): boolean;
  variance(mu: number): number;
  devResid(y: number, mu: number, wt: number): number;
  aic(
    y: ArrayLike<number>,
    n: ArrayLike<number>,
    mu: ArrayLike<number>,
    wt: ArrayLike<number>,
    dev: number,
  ): number | null;
  validMu(mu: ArrayLike<number>): boolean;
  initialize(
    y: GlmResponseInput,
    weights?: ArrayLike<number>,
    options?: { readonly userStart?: boolean },
  ): {
    readonly y: Float64Array;
    readonly weights: Float64Array;
    readonly n: Float64Array;
    readonly mustart: Float64Array;
    readonly warnings: readonly string[];
  };
}

/** A binomial response given as counts, R's `cbind(successes, failures)`. */
export interface BinomialCountsInput {
  readonly successes: ArrayLike<number>;
  readonly failures: ArrayLike<number>;
}

/** A GLM response: a numeric vector, or successes/failures for the binomial families. */
export type GlmResponseInput = ArrayLike<number> | BinomialCountsInput;
