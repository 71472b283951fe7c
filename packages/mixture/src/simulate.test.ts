import { describe, expect, it } from 'vitest';
import {
  canonicalDensity,
  canonicalLogJointDensity,
  fromCanonical,
  toCanonical,
} from './canonical.js';
import {
  gaussianMixtureDensity,
  gaussianMixtureJointDensity,
  gaussianMixtureMoments,
} from './gaussian-1d-density.js';
import {
  type SimulationMethod,
  simulateGaussianMixture,
  simulatePoissonMixture,
} from './simulate.js';
import { expectAbs, expectClose } from './test-helpers.js';

// Seed 000 §6.4.1: p = 0.5, N(-0.5, 1), N(4, 4), n = 5000.
const theta = {
  weights: Float64Array.of(0.5, 0.5),
  means: Float64Array.of(-0.5, 4),
  variances: Float64Array.of(1, 4),
};
const n = 5000;

function meanVar(y: Float64Array): { mean: number; variance: number } {
  let m = 0;
  for (const v of y) m += v;
  m /= y.length;
  let s = 0;
  for (const v of y) s += (v - m) ** 2;
  return { mean: m, variance: s / (y.length - 1) };
}

describe('moments of the seed mixture', () => {
  it('E(Y) = 1.75 and V(Y) = 7.5625 (exact formulas)', () => {
    const m = gaussianMixtureMoments(theta);
    // Closed forms p mu1 + (1 - p) mu2 and p s1 + (1-p) s2 + p(1-p)(mu1 - mu2)^2: exact in binary.
    expect(m.mean).toBe(1.75);
    expect(m.variance).toBe(7.5625);
  });
});

describe('the four simulators of seed 000 §6.4.1', () => {
  const { mean, variance, centralMoment4 } = gaussianMixtureMoments(theta);
  const seMean = Math.sqrt(variance / n);
  const seVar = Math.sqrt((centralMoment4 - variance ** 2) / n);
  const methods: SimulationMethod[] = ['conditional', 'ifelse', 'arithmetic', 'transformation'];
  const sims = methods.map((method) => ({
    method,
    ...meanVar(simulateGaussianMixture(theta, n, { seed: 2024, method }).y),
  }));

  it('each agrees with the moment formulas within 4 standard errors', () => {
    // k = 4: a fixed seed makes this deterministic; 4 SE would fail by chance with p ~ 6e-5.
    for (const s of sims) {
      expectAbs(s.mean, mean, 4 * seMean);
      expectAbs(s.variance, variance, 4 * seVar);
    }
  });

  it('all four agree with each other within 4 sqrt(2) standard errors', () => {
    for (const a of sims)
      for (const b of sims) {
        expectAbs(a.mean, b.mean, 4 * Math.SQRT2 * seMean);
        expectAbs(a.variance, b.variance, 4 * Math.SQRT2 * seVar);
      }
  });

  it('is reproducible from the seed and labels follow the weights', () => {
    const a = simulateGaussianMixture(theta, 100, { seed: 7 });
    const b = simulateGaussianMixture(theta, 100, { seed: 7 });
    expect(a.y).toEqual(b.y);
    const { z } = simulateGaussianMixture(theta, n, { seed: 3 });
    const share = z.reduce((s, k) => s + (k === 0 ? 1 : 0), 0) / n;
    // Binomial(5000, 0.5) share: SE 0.00707; 4 SE.
    expectAbs(share, 0.5, 4 * 0.00707);
  });

  it('Poisson mixture simulation matches E(Y) = sum w lambda within 4 SE', () => {
    const pm = { weights: Float64Array.of(0.3, 0.7), lambdas: Float64Array.of(2, 10) };
    const { y } = simulatePoissonMixture(pm, n, { seed: 11 });
    const m = 0.3 * 2 + 0.7 * 10;
    // V(Y) = sum w (lambda + lambda^2) - m^2.
    const v = 0.3 * (2 + 4) + 0.7 * (10 + 100) - m * m;
    expectAbs(meanVar(y).mean, m, 4 * Math.sqrt(v / n));
  });
});

describe('densities and the canonical parametrization', () => {
  const par = { p: 0.5, mu1: -0.5, mu2: 4, sigma1sq: 1, sigma2sq: 4 };
  it('maps to theta and back (round trip to 1e-15)', () => {
    const t = toCanonical(par);
    // theta = (0, -0.5, 0.5, 1, 0.125) by hand.
    expect(Array.from(t)).toEqual([0, -0.5, 0.5, 1, 0.125]);
    const back = fromCanonical(t);
    expectClose(back.mu1, par.mu1, 1e-15);
    expectClose(back.mu2, par.mu2, 1e-15);
    expectClose(back.sigma1sq, par.sigma1sq, 1e-15);
    expectClose(back.sigma2sq, par.sigma2sq, 1e-15);
    expectClose(back.p, par.p, 1e-15);
  });

  it('canonical joint and marginal densities equal the usual ones (1e-13)', () => {
    const t = toCanonical({ ...par, p: 0.3 });
    const th = { ...theta, weights: Float64Array.of(0.3, 0.7) };
    for (const yv of [-3, -0.5, 0, 1.75, 4, 11]) {
      // Same density through different formulas: a few ulp of log terms, 1e-13 relative.
      expectClose(
        Math.exp(canonicalLogJointDensity(yv, 1, t)),
        gaussianMixtureJointDensity(yv, 0, th),
        1e-13,
      );
      expectClose(
        Math.exp(canonicalLogJointDensity(yv, 2, t)),
        gaussianMixtureJointDensity(yv, 1, th),
        1e-13,
      );
      expectClose(canonicalDensity(yv, t), gaussianMixtureDensity([yv], th)[0]!, 1e-13);
    }
  });

  it('marginal density matches R dnorm mixture values', () => {
    // R: 0.5 * dnorm(c(-3, 0, 4), -0.5, 1) + 0.5 * dnorm(c(-3, 0, 4), 4, 2)
    const r = [0.008982320920545711, 0.18953040501044677, 0.09974356197091162];
    const f = gaussianMixtureDensity([-3, 0, 4], theta);
    // dnorm is accurate to a few ulp: 1e-14.
    r.forEach((v, i) => {
      expectClose(f[i]!, v, 1e-14);
    });
  });
});
