import { MixtureInputError } from './errors.js';

/** The two-component Gaussian mixture in its usual parameters (seed 000 §6.4.1). */
export interface TwoComponentGaussian {
  /** p = P(Z = 1). */
  readonly p: number;
  readonly mu1: number;
  readonly mu2: number;
  /** sigma_1^2. */
  readonly sigma1sq: number;
  /** sigma_2^2. */
  readonly sigma2sq: number;
}

/**
 * Canonical exponential-family parameters of the joint distribution of (Y, Z):
 * theta1 = log(p / (1 - p)), theta2 = mu1 / sigma1^2, theta3 = 1 / (2 sigma1^2),
 * theta4 = mu2 / sigma2^2, theta5 = 1 / (2 sigma2^2).
 * (The seed prints theta2 = mu1 / (2 sigma1^2), a typo: only mu1 / sigma1^2 makes its joint
 * density formula, with -theta2^2 / (4 theta3), equal to the Gaussian density.)
 */
export function toCanonical(par: TwoComponentGaussian): Float64Array {
  const { p, mu1, mu2, sigma1sq, sigma2sq } = par;
  if (!(p > 0 && p < 1)) throw new MixtureInputError('p', `must be in (0, 1), got ${p}`);
  if (!(sigma1sq > 0)) throw new MixtureInputError('sigma1sq', `must be > 0, got ${sigma1sq}`);
  if (!(sigma2sq > 0)) throw new MixtureInputError('sigma2sq', `must be > 0, got ${sigma2sq}`);
  return Float64Array.of(
    Math.log(p / (1 - p)),
    mu1 / sigma1sq,
    1 / (2 * sigma1sq),
    mu2 / sigma2sq,
    1 / (2 * sigma2sq),
  );
}

/**
 * The map back: p = 1 / (1 + e^{-theta1}), sigma1^2 = 1 / (2 theta3), mu1 = theta2 / (2 theta3),
 * sigma2^2 = 1 / (2 theta5), mu2 = theta4 / (2 theta5). Requires theta3, theta5 > 0.
 */
export function fromCanonical(theta: ArrayLike<number>): TwoComponentGaussian {
  if (theta.length !== 5)
    throw new MixtureInputError('theta', `has length ${theta.length}, expected 5`);
  const [t1, t2, t3, t4, t5] = [theta[0]!, theta[1]!, theta[2]!, theta[3]!, theta[4]!];
  if (!(t3 > 0)) throw new MixtureInputError('theta', `theta3 must be > 0, got ${t3}`);
  if (!(t5 > 0)) throw new MixtureInputError('theta', `theta5 must be > 0, got ${t5}`);
  return {
    p: 1 / (1 + Math.exp(-t1)),
    mu1: t2 / (2 * t3),
    mu2: t4 / (2 * t5),
    sigma1sq: 1 / (2 * t3),
    sigma2sq: 1 / (2 * t5),
  };
}

/**
 * Log joint density in the canonical parameters:
 *   k = 1: theta1 + theta2 y - theta3 y^2 - log(1 + e^theta1) - theta2^2 / (4 theta3) + log(theta3 / pi) / 2
 *   k = 2:          theta4 y - theta5 y^2 - log(1 + e^theta1) - theta4^2 / (4 theta5) + log(theta5 / pi) / 2
 * (the seed drops the constant -log(pi) / 2, which does not depend on theta).
 */
export function canonicalLogJointDensity(y: number, k: 1 | 2, theta: ArrayLike<number>): number {
  const t1 = theta[0]!;
  const log1pe = t1 > 0 ? t1 + Math.log1p(Math.exp(-t1)) : Math.log1p(Math.exp(t1));
  if (k === 1) {
    const [t2, t3] = [theta[1]!, theta[2]!];
    return t1 + t2 * y - t3 * y * y - log1pe - (t2 * t2) / (4 * t3) + 0.5 * Math.log(t3 / Math.PI);
  }
  const [t4, t5] = [theta[3]!, theta[4]!];
  return t4 * y - t5 * y * y - log1pe - (t4 * t4) / (4 * t5) + 0.5 * Math.log(t5 / Math.PI);
}

/** Marginal density f(y | theta) = sum over k of exp(canonicalLogJointDensity(y, k, theta)). */
export function canonicalDensity(y: number, theta: ArrayLike<number>): number {
  return (
    Math.exp(canonicalLogJointDensity(y, 1, theta)) +
    Math.exp(canonicalLogJointDensity(y, 2, theta))
  );
}
