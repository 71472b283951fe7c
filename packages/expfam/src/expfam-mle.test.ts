import { nelderMead, newton } from '@likelihood/optim';
import mt19937 from '@stdlib/random-base-mt19937';
import { describe, expect, it } from 'vitest';
import { besselRatioI1I0 } from './bessel-scaled.js';
import {
  gammaExpfam,
  gaussianExpfam,
  gaussianMeanVariance,
  vonMises,
  vonMisesCanonical,
  vonMisesPolar,
} from './expfam-continuous.js';
import { binomialExpfam, multinomialExpfam, poissonExpfam } from './expfam-discrete.js';
import {
  type ExponentialFamily,
  expfamNegLogLik,
  sufficientStatistics,
} from './exponential-family.js';
import { expectClose, readFixture } from './testing/expect-close.js';

/** Newton (from @likelihood/optim) on the convex canonical objective −ℓ(θ). */
function newtonMle(family: ExponentialFamily, y: ArrayLike<number>, theta0: number[]) {
  const obj = expfamNegLogLik(family, sufficientStatistics(family, y));
  const fit = newton(obj.fn, obj.gr, obj.hess, theta0, { reltol: 1e-15 });
  expect(fit.convergence).toBe(0);
  return fit;
}

/** Best & Fisher (1979) von Mises sampler on a seeded Mersenne Twister. */
function simulateVonMises(n: number, kappa: number, mu: number, seed: number): Float64Array {
  const rng = mt19937.factory({ seed });
  const u = () => rng() / 4294967296; // 32-bit integers to [0, 1)
  const tau = 1 + Math.sqrt(1 + 4 * kappa * kappa);
  const rho = (tau - Math.sqrt(2 * tau)) / (2 * kappa);
  const r = (1 + rho * rho) / (2 * rho);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (;;) {
      const z = Math.cos(Math.PI * u());
      const f = (1 + r * z) / (r + z);
      const c = kappa * (r - f);
      const u2 = u();
      if (c * (2 - c) - u2 > 0 || Math.log(c / u2) + 1 - c >= 0) {
        const theta = mu + Math.sign(u() - 0.5) * Math.acos(f);
        out[i] = Math.atan2(Math.sin(theta), Math.cos(theta));
        break;
      }
    }
  }
  return out;
}

describe('MLE by Newton on the canonical objective agrees with the closed forms', () => {
  it('Poisson, binomial, multinomial', () => {
    const cases: { family: ExponentialFamily; y: number[]; theta0: number[] }[] = [
      { family: poissonExpfam(), y: [3, 0, 7, 2, 2, 5, 1], theta0: [0] },
      { family: binomialExpfam(6), y: [1, 4, 2, 0, 3], theta0: [0] },
      { family: multinomialExpfam(4), y: [1, 2, 2, 4, 3, 3, 3, 1, 4, 4, 4, 4], theta0: [0, 0, 0] },
    ];
    for (const { family, y, theta0 } of cases) {
      const closed = family.mle!(sufficientStatistics(family, y));
      const fit = newtonMle(family, y, theta0);
      // Newton converges quadratically; stopped at a Newton decrement ≤ 1e-15·|f|: 1e-9
      for (let j = 0; j < family.dim; j++) expectClose(fit.par[j]!, closed.theta![j]!, 1e-9);
    }
  });

  it('Gaussian canonical MLE maps back to the sample mean and the biased variance', () => {
    const y = [4.1, 2.7, 5.9, 3.3, 6.2, 4.8, 1.9, 5.1, 3.8, 4.4];
    const fit = newtonMle(gaussianExpfam(), y, [0, 0.5]);
    const { mu, sigma2 } = gaussianMeanVariance(fit.par);
    const ybar = y.reduce((a, b) => a + b, 0) / y.length;
    const biased = y.reduce((a, b) => a + (b - ybar) ** 2, 0) / y.length;
    // two-pass mean/variance vs the optimum of a convex objective with condition number ~1e3:
    // 1e-9 relative
    expectClose(mu, ybar, 1e-9);
    expectClose(sigma2, biased, 1e-9);
    const closed = gaussianExpfam().mle!(sufficientStatistics(gaussianExpfam(), y));
    expectClose(fit.par[0]!, closed.theta![0]!, 1e-9);
    expectClose(fit.par[1]!, closed.theta![1]!, 1e-9);
  });

  it("Gamma MLE (no closed form) matches R's root of log α − ψ(α) = log ȳ − mean(log y)", () => {
    /** R: uniroot(...) to 1e-15 and −Σ dgamma(y, α, β, log = TRUE), fixtures/expfam.R */
    const ref = readFixture<{
      gammaMle: { y: number[]; alpha: number; beta: number; negLogLik: number };
    }>('expfam.json').gammaMle;
    const family = gammaExpfam();
    const fit = newtonMle(family, ref.y, [1, 1]);
    // uniroot's tolerance 1e-15 in α; Newton to the decrement 1e-15: 1e-9 relative on (α, β)
    expectClose(fit.par[0]!, ref.alpha, 1e-9);
    expectClose(fit.par[1]!, ref.beta, 1e-9);
    // the value is flat at the optimum, so the full −log-likelihood agrees to 1e-13
    expectClose(fit.value, ref.negLogLik, 1e-13);
  });

  it('von Mises MLE from simulated angles agrees with the polar reparametrization', () => {
    const y = simulateVonMises(400, 2.5, 1.2, 20240611);
    const family = vonMises();
    const stats = sufficientStatistics(family, y);
    const fit = newtonMle(family, y, [0, 0]);
    const { kappa, mu } = vonMisesPolar(fit.par);
    // the sample is from kappa = 2.5, mu = 1.2: the MLE is within a few standard errors
    expect(Math.abs(kappa - 2.5)).toBeLessThan(0.5);
    expect(Math.abs(mu - 1.2)).toBeLessThan(0.15);
    // stationarity in closed form: mu = atan2(S, C), A(kappa) = R/n. Newton stops once the
    // decrement gᵀH⁻¹g/2 ≤ 1e-15·|f| (f ≈ 500), i.e. with a gradient up to ~1e-6: 1e-8 relative.
    expectClose(mu, Math.atan2(stats.T[1]!, stats.T[0]!), 1e-8);
    expectClose(besselRatioI1I0(kappa), Math.hypot(stats.T[0]!, stats.T[1]!) / stats.n, 1e-8);
    // −ℓ(κ, μ) = n log φ(κ(cos μ, sin μ)) − κ Σ cos(y_i − μ), minimized by Nelder–Mead
    const polarObjective = (par: Float64Array) => {
      if (!(par[0]! >= 0)) return Number.POSITIVE_INFINITY;
      let s = 0;
      for (const yi of y) s += Math.cos(yi - par[1]!);
      return stats.n * family.logPartition(vonMisesCanonical(par[0]!, par[1]!)) - par[0]! * s;
    };
    const nm = nelderMead(polarObjective, [1, 0], { reltol: 1e-14, maxit: 2000 });
    expect(nm.convergence).toBe(0);
    // Nelder–Mead stops on function values (reltol 1e-14 → parameters to ~1e-7): 1e-6
    expectClose(nm.par[0]!, kappa, 1e-6);
    expectClose(nm.par[1]!, mu, 1e-6);
    const obj = expfamNegLogLik(family, stats);
    expectClose(nm.value, obj.fn(fit.par), 1e-12);
  });

  it('large concentration: the log-partition stays finite and Newton converges (κ ≈ 2000)', () => {
    const y = simulateVonMises(200, 2000, -2, 7);
    const fit = newtonMle(vonMises(), y, [0, 0]);
    const { kappa, mu } = vonMisesPolar(fit.par);
    expect(Number.isFinite(fit.value)).toBe(true);
    expect(Math.abs(kappa / 2000 - 1)).toBeLessThan(0.25);
    expect(Math.abs(mu + 2)).toBeLessThan(0.01);
  });
});
