import binomialLogpmf from '@stdlib/stats-base-dists-binomial-logpmf';
import gammaLogpdf from '@stdlib/stats-base-dists-gamma-logpdf';
import poissonLogpmf from '@stdlib/stats-base-dists-poisson-logpmf';
import { describe, expect, it } from 'vitest';
import { binomial, quasibinomial } from './binomial.js';
import type { Family, FamilyName } from './family.js';
import { familyByName } from './family-by-name.js';
import { Gamma } from './gamma-family.js';
import { gaussian } from './gaussian-family.js';
import { inverseGaussian } from './inverse-gaussian.js';
import type { LinkName } from './links.js';
import { poisson, quasipoisson } from './poisson.js';
import { type QuasiVarianceName, quasi } from './quasi.js';
import { centralDiff, expectAllClose, expectClose, readFixture } from './testing/expect-close.js';

interface FamilyCase {
  family: FamilyName;
  link: LinkName;
  y: number[];
  mu: number[];
  wt: number[];
  n: number[];
  devResids: number[];
  deviance: number;
  aic: number;
  variance: number[];
}
interface QuasiCase {
  variance: QuasiVarianceName;
  link: LinkName;
  y: number[];
  mu: number[];
  wt: number[];
  devResids: number[];
  varfun: number[];
}
interface Fixture {
  cases: FamilyCase[];
  quasiCases: QuasiCase[];
}
/** R 4.2.2 family objects evaluated by fixtures/glm-family.R (full precision). */
const fixture = readFixture<Fixture>('glm-family.json');

/** Every family (quasi with each named variance), with (y, mu) points inside its support. */
const everyFamily: { label: string; family: Family; points: [number, number][] }[] = [
  {
    label: 'binomial',
    family: binomial(),
    points: [
      [0, 0.3],
      [1, 0.8],
      [0.25, 0.6],
      [0.5, 0.1],
    ],
  },
  {
    label: 'quasibinomial',
    family: quasibinomial(),
    points: [
      [0, 0.3],
      [0.7, 0.4],
    ],
  },
  {
    label: 'poisson',
    family: poisson(),
    points: [
      [0, 0.5],
      [3, 2.2],
      [10, 14],
    ],
  },
  {
    label: 'quasipoisson',
    family: quasipoisson(),
    points: [
      [0, 1.5],
      [4, 2.5],
    ],
  },
  {
    label: 'gaussian',
    family: gaussian(),
    points: [
      [-1, 0.5],
      [3, 2.2],
    ],
  },
  {
    label: 'Gamma',
    family: Gamma(),
    points: [
      [0.5, 1.5],
      [3, 2.2],
    ],
  },
  {
    label: 'inverse.gaussian',
    family: inverseGaussian(),
    points: [
      [0.5, 1.5],
      [3, 2.2],
    ],
  },
  {
    label: 'quasi constant',
    family: quasi(),
    points: [
      [-1, 0.5],
      [3, 2.2],
    ],
  },
  {
    label: 'quasi mu(1-mu)',
    family: quasi({ variance: 'mu(1-mu)' }),
    points: [
      [0, 0.3],
      [0.4, 0.7],
    ],
  },
  {
    label: 'quasi mu',
    family: quasi({ variance: 'mu' }),
    points: [
      [0, 0.5],
      [3, 2.2],
    ],
  },
  {
    label: 'quasi mu^2',
    family: quasi({ variance: 'mu^2' }),
    points: [
      [0.5, 1.5],
      [3, 2.2],
    ],
  },
  {
    label: 'quasi mu^3',
    family: quasi({ variance: 'mu^3' }),
    points: [
      [0.5, 1.5],
      [3, 2.2],
    ],
  },
];

/** Saturated-minus-fitted log-likelihood 2(ℓ(y; y) − ℓ(y; mu)) at unit dispersion, from stdlib. */
const logLik: Partial<Record<FamilyName, (y: number, mu: number, wt: number) => number>> = {
  // binomial with wt trials: log dbinom(wt·y; wt, mu)
  binomial: (y, mu, wt) => binomialLogpmf(Math.round(wt * y), wt, mu),
  poisson: (y, mu, wt) => wt * poissonLogpmf(y, mu),
  gaussian: (y, mu, wt) => wt * (-0.5 * (y - mu) ** 2 - 0.5 * Math.log(2 * Math.PI)),
  // Gamma with shape 1 (dispersion 1) and mean mu: rate 1/mu
  Gamma: (y, mu, wt) => wt * gammaLogpdf(y, 1, 1 / mu),
  // inverse Gaussian IG(mu, λ = 1): ½log(1/(2πy³)) − (y − mu)²/(2 mu² y)
  'inverse.gaussian': (y, mu, wt) =>
    wt * (0.5 * Math.log(1 / (2 * Math.PI * y ** 3)) - (y - mu) ** 2 / (2 * mu ** 2 * y)),
};

describe('GLM families: one property test over every family', () => {
  for (const { label, family, points } of everyFamily) {
    it(`${label}: d devResid/d mu = −2·wt·(y − mu)/V(mu) (the score of the quasi-likelihood)`, () => {
      for (const [y, mu] of points) {
        for (const wt of [1, 2.5]) {
          const numeric = centralDiff((m) => family.devResid(y, m, wt), mu);
          // central differences (h = 1e-6·max(|mu|, 1)) are good to ~1e-8 here; 1e-6 relative
          // with an absolute floor of 1e-6 for points where the derivative is near 0.
          expectClose(numeric, (-2 * wt * (y - mu)) / family.variance(mu), 1e-6, 1e-6);
        }
        expect(family.devResid(y, y === 0 && family.validMu([0]) ? 0 : y, 1)).toBeCloseTo(0, 12);
      }
    });
    const ll = logLik[family.family];
    if (ll) {
      it(`${label}: devResid = 2·(ℓ(y; y) − ℓ(y; mu)) of the ${family.family} log-likelihood`, () => {
        for (const [y, mu] of points) {
          const wt = family.family === 'binomial' ? 4 : 1.5;
          const ySat = family.family === 'binomial' && (y === 0 || y === 1) ? y : y;
          // stdlib's log-densities vs the closed-form residual: 1e-12 relative, floor 1e-12.
          expectClose(
            family.devResid(y, mu, wt),
            2 * (ll(y, ySat, wt) - ll(y, mu, wt)),
            1e-12,
            1e-12,
          );
        }
      });
    }
  }

  for (const c of fixture.cases) {
    it(`${c.family}(${c.link}): variance, dev.resids, aic equal R's`, () => {
      const family = familyByName(c.family, c.link);
      expect(family.family).toBe(c.family);
      expect(family.link).toBe(c.link);
      const v = family.varianceInto(c.mu, new Float64Array(c.mu.length));
      // Same formulas as R: 1e-15 relative (a few ulp)
      expectAllClose(v, c.variance, 1e-15, 1e-300);
      const dr = family.devResids(c.y, c.mu, c.wt);
      expectAllClose(dr, c.devResids, 1e-14, 1e-300);
      // R's sum() accumulates in long double and dbinom/dpois/dgamma use Loader's saddle point,
      // stdlib uses lgamma-based formulas: both are accurate to ~1e-14 relative, so 1e-12.
      const dev = dr.reduce((a, b) => a + b, 0);
      expectClose(dev, c.deviance, 1e-13);
      const aic = family.aic(c.y, c.n, c.mu, c.wt, dev);
      expect(aic).not.toBeNull();
      expectClose(aic!, c.aic, 1e-12);
    });
  }

  for (const c of fixture.quasiCases) {
    it(`quasi(${c.link}, "${c.variance}"): variance and dev.resids equal R's, y = 0 included`, () => {
      const family = quasi({ link: c.link, variance: c.variance });
      expect(family.link).toBe(c.link);
      // the same formulas as R's quasi(): 1e-14 relative
      expectAllClose(
        family.varianceInto(c.mu, new Float64Array(c.mu.length)),
        c.varfun,
        1e-14,
        1e-300,
      );
      expectAllClose(family.devResids(c.y, c.mu, c.wt), c.devResids, 1e-14, 1e-300);
    });
  }

  it('the quasi families have no AIC (R: NA) and estimate the dispersion', () => {
    for (const f of [quasibinomial(), quasipoisson(), quasi({ variance: 'mu' })]) {
      expect(f.aic([1], [1], [1], [1], 0.5)).toBeNull();
      expect(f.dispersionFixed).toBe(false);
    }
    expect(binomial().dispersionFixed).toBe(true);
    expect(poisson().dispersionFixed).toBe(true);
    expect(quasi({ variance: 'mu^2', link: 'log' }).varianceName).toBe('mu^2');
  });

  it('binomial and poisson deviance residuals at the boundary y ∈ {0, 1}, y = 0', () => {
    // R: binomial()$dev.resids(c(0, 1), c(0.2, 0.7), 1) = -2 log(1 - mu), -2 log(mu)
    expect(binomial().devResid(0, 0.2, 1)).toBe(2 * (0 + 1 * Math.log(1 / 0.8)));
    expect(binomial().devResid(1, 0.7, 1)).toBe(2 * (1 * Math.log(1 / 0.7) + 0));
    // R: poisson()$dev.resids(0, 0.5, 3) = 2 * 0.5 * 3
    expect(poisson().devResid(0, 0.5, 3)).toBe(3);
    // Gamma at y = 0: log(1) − (0 − mu)/mu = 1 → −2
    expect(Gamma().devResid(0, 2, 1)).toBe(-2);
  });

  it("validMu is R's validmu", () => {
    expect(binomial().validMu([0.1, 0.9])).toBe(true);
    expect(binomial().validMu([0.1, 1])).toBe(false);
    expect(binomial().validMu([0.1, Number.NaN])).toBe(false);
    expect(poisson().validMu([0.1, 3])).toBe(true);
    expect(poisson().validMu([0, 3])).toBe(false);
    expect(Gamma().validMu([Number.POSITIVE_INFINITY])).toBe(false);
    expect(gaussian().validMu([-1e300])).toBe(true);
    expect(inverseGaussian().validMu([-1])).toBe(true);
  });
});
