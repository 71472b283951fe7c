import { GlmArgumentError } from './errors.js';
import type { GlmFamily } from './family-types.js';
import type { GlmFitResult } from './glm-fit.js';

/** V'(mu) for R's variance functions; a central difference for any other family. */
export function varianceDerivative(family: GlmFamily, mu: number): number {
  switch (family.family) {
    case 'poisson':
    case 'quasipoisson':
      return 1;
    case 'binomial':
    case 'quasibinomial':
      return 1 - 2 * mu;
    case 'gaussian':
      return 0;
    case 'Gamma':
      return 2 * mu;
    case 'inverse.gaussian':
      return 3 * mu * mu;
    default: {
      const h = 1e-6 * Math.max(Math.abs(mu), 1e-3);
      return (family.variance(mu + h) - family.variance(mu - h)) / (2 * h);
    }
  }
}

/** Which denominator the Fletcher-type estimator uses. */
export type FletcherVariant = 'fletcher2012' | 'seed004';

/** Fletcher's estimator with its ingredients. */
export interface FletcherDispersion {
  /** The estimate phi_P / (1 + s_bar) (published) or phi_P / (1 - s_bar) (seed 004). */
  readonly value: number;
  /** X^2 / (n - p) with X^2 = sum prior (y - mu)^2 / V(mu) at the final mu. */
  readonly pearson: number;
  /** s_bar = (1/n) sum_i V'(mu_i) (y_i - mu_i) / V(mu_i). */
  readonly sBar: number;
  readonly variant: FletcherVariant;
}

/**
 * Fletcher's (2012, Biometrika 99(1), 230–237) dispersion estimator
 * phi_F = phi_P / (1 + s_bar), s_bar = (1/n) sum_i V'(mu_i) (y_i - mu_i) / V(mu_i), where
 * phi_P = X^2 / (n - p) is the Pearson estimate at the final fitted means (R's `summary.glm`
 * uses the last IRLS step's working weights, which differ from it by the IRLS tolerance); it corrects phi_P's bias for sparse counts. The text of seed
 * 004 (§3.4) prints phi_P / (1 - s_bar) instead: `variant: 'seed004'` reproduces that figure.
 * The sum runs over observations with non-zero prior weight.
 */
export function dispersionFletcher(
  fit: GlmFitResult,
  options: { variant?: FletcherVariant } = {},
): FletcherDispersion {
  const variant = options.variant ?? 'fletcher2012';
  if (variant !== 'fletcher2012' && variant !== 'seed004') {
    throw new GlmArgumentError(
      'variant',
      `must be 'fletcher2012' or 'seed004', got ${String(variant)}`,
    );
  }
  const { y, fittedValues: mu, priorWeights, family } = fit;
  let s = 0;
  let x2 = 0;
  let n = 0;
  for (let i = 0; i < y.length; i++) {
    if (priorWeights[i] === 0) continue;
    const r = y[i]! - mu[i]!;
    const v = family.variance(mu[i]!);
    s += (varianceDerivative(family, mu[i]!) * r) / v;
    x2 += (priorWeights[i]! * r * r) / v;
    n++;
  }
  const pearson = x2 / fit.dfResidual;
  const sBar = s / n;
  const value = variant === 'fletcher2012' ? pearson / (1 + sBar) : pearson / (1 - sBar);
  return { value, pearson, sBar, variant };
}
