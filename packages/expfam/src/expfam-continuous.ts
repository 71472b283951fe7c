import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import { besselRatioI1I0, logBesselI0 } from './bessel-scaled.js';
import { DomainError } from './errors.js';
import type { ExponentialFamily } from './exponential-family.js';
import { trigamma } from './trigamma.js';

const HALF_LOG_PI = 0.5 * Math.log(Math.PI);
const LOG_2PI = Math.log(2 * Math.PI);

/** (μ, σ²) of the Gaussian with canonical θ = (μ/σ², 1/(2σ²)): μ = θ₁/(2θ₂), σ² = 1/(2θ₂). */
export function gaussianMeanVariance(theta: ArrayLike<number>): { mu: number; sigma2: number } {
  return { mu: theta[0]! / (2 * theta[1]!), sigma2: 1 / (2 * theta[1]!) };
}

/** The canonical θ = (μ/σ², 1/(2σ²)) of N(μ, σ²); throws `DomainError` unless σ² > 0. */
export function gaussianCanonical(mu: number, sigma2: number): Float64Array {
  if (!(sigma2 > 0) || !Number.isFinite(sigma2)) {
    throw new DomainError(`sigma2 = ${sigma2} must be finite and > 0`);
  }
  return Float64Array.of(mu / sigma2, 1 / (2 * sigma2));
}

/**
 * Gaussian in the canonical parametrization of seed 000 §6.1 (Example 6.3):
 * θ = (μ/σ², 1/(2σ²)) ∈ ℝ × (0, ∞), t(y) = (y, −y²), h(y) = 1,
 * κ(θ) = θ₁²/(4θ₂) − ½ log θ₂ + ½ log π, so that −ℓ(θ) = n κ(θ) − θ₁Σy + θ₂Σy² is convex.
 * (The seed prints −ℓ with the opposite overall sign of the θ-terms; this is the density's own.)
 * MLE: μ̂ = ȳ, σ̂² = mean(y²) − ȳ² (biased); σ̂² = 0 (all y equal) is the boundary.
 */
export function gaussianExpfam(): ExponentialFamily {
  return {
    name: 'gaussian',
    dim: 2,
    addStatistic(y, out) {
      if (!Number.isFinite(y)) throw new DomainError(`${y} is not a finite real number`);
      out[0] += y;
      out[1] -= y * y;
    },
    logBase: () => 0,
    inDomain: (theta) => Number.isFinite(theta[0]!) && theta[1]! > 0 && Number.isFinite(theta[1]!),
    logPartition: (theta) =>
      (theta[0]! * theta[0]!) / (4 * theta[1]!) - 0.5 * Math.log(theta[1]!) + HALF_LOG_PI,
    gradLogPartition(theta, out) {
      const { mu, sigma2 } = gaussianMeanVariance(theta);
      out[0] = mu;
      out[1] = -(mu * mu + sigma2);
      return out;
    },
    hessLogPartition(theta, out) {
      const t1 = theta[0]!;
      const t2 = theta[1]!;
      out[0] = 1 / (2 * t2);
      out[1] = -t1 / (2 * t2 * t2);
      out[2] = out[1]!;
      out[3] = (t1 * t1) / (2 * t2 * t2 * t2) + 1 / (2 * t2 * t2);
      return out;
    },
    mle(stats) {
      const mu = stats.T[0]! / stats.n;
      const m2 = -stats.T[1]! / stats.n;
      const sigma2 = m2 - mu * mu;
      const meanValue = Float64Array.of(mu, -m2);
      if (!(sigma2 > 0)) {
        return {
          theta: null,
          meanValue,
          boundary: true,
          message:
            'all observations are equal: the MLE sigma^2 = 0 is on the boundary (theta2 = Inf)',
        };
      }
      return { theta: gaussianCanonical(mu, sigma2), meanValue, boundary: false, message: null };
    },
  };
}

/** Polar coordinates (κ, μ) of the von Mises canonical θ = κ(cos μ, sin μ): κ = ‖θ‖, μ = atan2(θ₂, θ₁). */
export function vonMisesPolar(theta: ArrayLike<number>): { kappa: number; mu: number } {
  return { kappa: Math.hypot(theta[0]!, theta[1]!), mu: Math.atan2(theta[1]!, theta[0]!) };
}

/** θ = κ(cos μ, sin μ). */
export function vonMisesCanonical(kappa: number, mu: number): Float64Array {
  return Float64Array.of(kappa * Math.cos(mu), kappa * Math.sin(mu));
}

/**
 * von Mises on (−π, π] (seed 000 Example 6.2): θ ∈ ℝ², t(y) = (cos y, sin y), h(y) = 1,
 * φ(θ) = ∫ e^{θ₁cos u + θ₂sin u} du = 2π I₀(‖θ‖), so κ(θ) = log 2π + log I₀(r), r = ‖θ‖,
 * evaluated through the exponentially scaled I₀ (finite for every r).
 * ∇κ = A(r) θ/r with A = I₁/I₀; ∇²κ = A'(r) uuᵀ + (A(r)/r)(I − uuᵀ), u = θ/r,
 * A'(r) = 1 − A/r − A²; at θ = 0 the gradient is 0 and the Hessian ½I.
 */
export function vonMises(): ExponentialFamily {
  return {
    name: 'von Mises',
    dim: 2,
    addStatistic(y, out) {
      if (!Number.isFinite(y)) throw new DomainError(`${y} is not a finite angle`);
      out[0] += Math.cos(y);
      out[1] += Math.sin(y);
    },
    logBase: () => 0,
    inDomain: (theta) => Number.isFinite(theta[0]!) && Number.isFinite(theta[1]!),
    logPartition: (theta) => LOG_2PI + logBesselI0(Math.hypot(theta[0]!, theta[1]!)),
    gradLogPartition(theta, out) {
      const r = Math.hypot(theta[0]!, theta[1]!);
      const s = r === 0 ? 0 : besselRatioI1I0(r) / r;
      out[0] = s * theta[0]!;
      out[1] = s * theta[1]!;
      return out;
    },
    hessLogPartition(theta, out) {
      const r = Math.hypot(theta[0]!, theta[1]!);
      if (r < 1e-8) {
        // A(r)/r → ½ and A'(r) → ½ as r → 0 (error O(r²))
        out[0] = 0.5;
        out[1] = 0;
        out[2] = 0;
        out[3] = 0.5;
        return out;
      }
      const A = besselRatioI1I0(r);
      const dA = 1 - A / r - A * A;
      const u1 = theta[0]! / r;
      const u2 = theta[1]! / r;
      const iso = A / r;
      out[0] = dA * u1 * u1 + iso * (1 - u1 * u1);
      out[1] = (dA - iso) * u1 * u2;
      out[2] = out[1]!;
      out[3] = dA * u2 * u2 + iso * (1 - u2 * u2);
      return out;
    },
  };
}

/**
 * Gamma with shape α and rate β in canonical form: θ = (α, β) ∈ (0, ∞)², t(y) = (log y, −y),
 * h(y) = 1/y, κ(θ) = log Γ(α) − α log β. ∇κ = (ψ(α) − log β, −α/β),
 * ∇²κ = [[ψ₁(α), −1/β], [−1/β, α/β²]]. No closed-form MLE (ψ(α̂) − log α̂ = mean log y − log ȳ).
 */
export function gammaExpfam(): ExponentialFamily {
  return {
    name: 'gamma',
    dim: 2,
    addStatistic(y, out) {
      if (!(y > 0) || !Number.isFinite(y))
        throw new DomainError(`${y} is not a finite positive number`);
      out[0] += Math.log(y);
      out[1] -= y;
    },
    logBase: (y) => -Math.log(y),
    inDomain: (theta) =>
      theta[0]! > 0 && theta[1]! > 0 && Number.isFinite(theta[0]!) && Number.isFinite(theta[1]!),
    logPartition: (theta) => gammaln(theta[0]!) - theta[0]! * Math.log(theta[1]!),
    gradLogPartition(theta, out) {
      out[0] = digamma(theta[0]!) - Math.log(theta[1]!);
      out[1] = -theta[0]! / theta[1]!;
      return out;
    },
    hessLogPartition(theta, out) {
      const a = theta[0]!;
      const b = theta[1]!;
      out[0] = trigamma(a);
      out[1] = -1 / b;
      out[2] = -1 / b;
      out[3] = a / (b * b);
      return out;
    },
  };
}
