import { describe, expect, it } from 'vitest';
import { CountError, DomainError, LengthError } from './errors.js';
import {
  gammaExpfam,
  gaussianCanonical,
  gaussianExpfam,
  gaussianMeanVariance,
  vonMises,
  vonMisesCanonical,
  vonMisesPolar,
} from './expfam-continuous.js';
import {
  bernoulliExpfam,
  binomialExpfam,
  multinomialExpfam,
  poissonExpfam,
} from './expfam-discrete.js';
import {
  type ExponentialFamily,
  expfamNegLogLik,
  sufficientStatistics,
} from './exponential-family.js';
import { expectClose } from './testing/expect-close.js';

/** Every family with canonical parameters inside Θ at which to check κ, ∇κ, ∇²κ. */
const families: { family: ExponentialFamily; thetas: number[][] }[] = [
  { family: poissonExpfam(), thetas: [[-2], [0], [1.7], [5]] },
  { family: bernoulliExpfam(), thetas: [[-30], [-2], [0], [0.8], [25]] },
  { family: binomialExpfam(7), thetas: [[-1.2], [0], [2.3]] },
  {
    family: multinomialExpfam(4),
    thetas: [
      [0, 0, 0],
      [1.2, -0.5, 3],
      [-40, 2, 0.1],
    ],
  },
  {
    family: multinomialExpfam(3, 'symmetric'),
    thetas: [
      [0.3, -1, 2],
      [100, 101, 99],
    ],
  },
  {
    family: gaussianExpfam(),
    thetas: [
      [0.4, 0.5],
      [-3, 2],
      [10, 0.05],
    ],
  },
  {
    family: vonMises(),
    thetas: [
      [0, 0],
      [1e-9, -2e-9],
      [0.3, -0.2],
      [2, 1],
      [-40, 25],
      [900, 300],
    ],
  },
  {
    family: gammaExpfam(),
    thetas: [
      [0.5, 1],
      [2.75, 1.93],
      [30, 0.2],
    ],
  },
];

/** (f(x + h e_j) − f(x − h e_j))/(2h) with a relative step. */
function partial(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  j: number,
  h0 = 1e-5,
): number {
  const h = h0 * Math.max(Math.abs(x[j]!), 1);
  const xp = Float64Array.from(x);
  const xm = Float64Array.from(x);
  xp[j] += h;
  xm[j] -= h;
  return (f(xp) - f(xm)) / (2 * h);
}

describe('exponential families: one property test over every log-partition', () => {
  for (const { family, thetas } of families) {
    const p = family.dim;
    it(`${family.name}: ∇κ and ∇²κ equal numerical derivatives of κ and ∇κ`, () => {
      for (const theta of thetas) {
        expect(family.inDomain(theta)).toBe(true);
        const g = family.gradLogPartition(theta, new Float64Array(p));
        const H = family.hessLogPartition(theta, new Float64Array(p * p));
        for (let j = 0; j < p; j++) {
          // central differences with h = 1e-5·max(|θ_j|, 1): truncation ~h²κ'''/6 and rounding
          // ~1e-16·|κ|/h; 1e-6 relative with an absolute floor 1e-6·max(1, |κ|) covers both.
          const floor = Math.max(1, Math.abs(family.logPartition(theta)));
          expectClose(
            g[j]!,
            partial((x) => family.logPartition(x), theta, j),
            1e-6,
            floor,
          );
          for (let i = 0; i < p; i++) {
            const dg = partial(
              (x) => family.gradLogPartition(x, new Float64Array(p))[i]!,
              theta,
              j,
            );
            expectClose(H[i + j * p]!, dg, 1e-6, Math.max(1, Math.abs(g[i]!)));
            expect(H[i + j * p]).toBe(H[j + i * p]);
          }
        }
      }
    });
  }

  it('κ normalizes the density: Σ_y h(y) e^{θt(y) − κ(θ)} = 1 and the mean equals ∇κ', () => {
    const cases: { family: ExponentialFamily; theta: number[]; support: number[] }[] = [
      { family: poissonExpfam(), theta: [1.3], support: Array.from({ length: 60 }, (_, y) => y) },
      { family: binomialExpfam(7), theta: [-0.4], support: [0, 1, 2, 3, 4, 5, 6, 7] },
      { family: multinomialExpfam(4), theta: [0.2, -1, 0.7], support: [1, 2, 3, 4] },
    ];
    for (const { family, theta, support } of cases) {
      const p = family.dim;
      const kappa = family.logPartition(theta);
      const mean = new Float64Array(p);
      let total = 0;
      for (const y of support) {
        const t = new Float64Array(p);
        family.addStatistic(y, t);
        let dot = 0;
        for (let j = 0; j < p; j++) dot += theta[j]! * t[j]!;
        const f = Math.exp(family.logBase(y) + dot - kappa);
        total += f;
        for (let j = 0; j < p; j++) mean[j] += f * t[j]!;
      }
      // exact sums over the support (Poisson truncated at 59, tail < 1e-40): 1e-13
      expectClose(total, 1, 1e-13);
      const g = family.gradLogPartition(theta, new Float64Array(p));
      for (let j = 0; j < p; j++) expectClose(mean[j]!, g[j]!, 1e-13);
    }
  });

  it('κ normalizes the continuous densities (Simpson quadrature)', () => {
    const simpson = (f: (y: number) => number, a: number, b: number, m = 4000) => {
      const h = (b - a) / m;
      let s = f(a) + f(b);
      for (let i = 1; i < m; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
      return (s * h) / 3;
    };
    const density = (family: ExponentialFamily, theta: number[]) => (y: number) => {
      const t = new Float64Array(family.dim);
      family.addStatistic(y, t);
      let dot = 0;
      for (let j = 0; j < family.dim; j++) dot += theta[j]! * t[j]!;
      return Math.exp(family.logBase(y) + dot - family.logPartition(theta));
    };
    // Simpson with 4000 panels on smooth integrands: error < 1e-10
    expectClose(simpson(density(vonMises(), [3, -4]), -Math.PI, Math.PI), 1, 1e-10);
    expectClose(simpson(density(vonMises(), [0, 0]), -Math.PI, Math.PI), 1, 1e-10);
    const theta = gaussianCanonical(1.5, 0.8);
    expectClose(simpson(density(gaussianExpfam(), Array.from(theta)), -12, 15), 1, 1e-10);
    // shape 4.5: the density vanishes like y^3.5 at 0, smooth enough for Simpson
    expectClose(simpson(density(gammaExpfam(), [4.5, 1.5]), 1e-12, 60, 20000), 1, 1e-10);
  });

  it('the negative log-likelihood is n κ(θ) − θᵀT − Σ log h(y) from statistics computed once', () => {
    const y = [0, 3, 1, 4, 2, 2];
    const family = poissonExpfam();
    const stats = sufficientStatistics(family, y);
    expect(stats.n).toBe(6);
    expect(Array.from(stats.T)).toEqual([12]);
    const obj = expfamNegLogLik(family, stats);
    const theta = 0.4;
    let direct = 0;
    for (const yi of y) direct -= yi * theta - Math.exp(theta) - Math.log([1, 1, 2, 6, 24][yi]!);
    // the same sum in another order: 1e-14
    expectClose(obj.fn([theta]), direct, 1e-14);
    expect(obj.fn([Number.NaN])).toBe(Number.POSITIVE_INFINITY);
    expect(
      expfamNegLogLik(gaussianExpfam(), sufficientStatistics(gaussianExpfam(), y)).fn([0, -1]),
    ).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('closed-form MLEs and their boundary cases', () => {
  it('Poisson: θ̂ = log ȳ; the all-zero sample is reported as boundary, not NaN', () => {
    const fam = poissonExpfam();
    const mle = fam.mle!(sufficientStatistics(fam, [2, 0, 5, 1]));
    expect(mle.boundary).toBe(false);
    expectClose(mle.theta![0]!, Math.log(2), 1e-15);
    const zero = fam.mle!(sufficientStatistics(fam, [0, 0, 0]));
    expect(zero.boundary).toBe(true);
    expect(zero.theta).toBeNull();
    expect(Array.from(zero.meanValue)).toEqual([0]);
    expect(zero.message).toMatch(/every observation is 0/);
  });
  it('Bernoulli, binomial, multinomial: logits of the proportions; degenerate samples on the boundary', () => {
    const b = bernoulliExpfam();
    expectClose(b.mle!(sufficientStatistics(b, [1, 0, 1, 1])).theta![0]!, Math.log(3), 1e-15);
    expect(b.mle!(sufficientStatistics(b, [1, 1])).boundary).toBe(true);
    const bin = binomialExpfam(5);
    expectClose(bin.mle!(sufficientStatistics(bin, [1, 4, 2])).theta![0]!, Math.log(7 / 8), 1e-15);
    const m = multinomialExpfam(3);
    const mm = m.mle!(sufficientStatistics(m, [1, 2, 2, 3, 3, 3]));
    expectClose(mm.theta![0]!, Math.log(1 / 3), 1e-15);
    expectClose(mm.theta![1]!, Math.log(2 / 3), 1e-15);
    const empty = m.mle!(sufficientStatistics(m, [1, 3, 3]));
    expect(empty.boundary).toBe(true);
    expect(empty.message).toMatch(/empty cell\(s\) 2/);
  });
  it('Gaussian: maps to and from (μ, σ²); all-equal data is the boundary', () => {
    const theta = gaussianCanonical(2, 0.25);
    expect(Array.from(theta)).toEqual([8, 2]);
    expect(gaussianMeanVariance(theta)).toEqual({ mu: 2, sigma2: 0.25 });
    const g = gaussianExpfam();
    expect(g.mle!(sufficientStatistics(g, [1.5, 1.5])).boundary).toBe(true);
    expect(() => gaussianCanonical(0, 0)).toThrow(DomainError);
  });
  it('von Mises polar map round-trips', () => {
    const { kappa, mu } = vonMisesPolar(vonMisesCanonical(2.5, -1.1));
    expectClose(kappa, 2.5, 1e-15);
    expectClose(mu, -1.1, 1e-15);
  });
});

describe('bad input', () => {
  it('negative or non-integer counts are CountErrors naming the observation', () => {
    expect(() => sufficientStatistics(poissonExpfam(), [1, -2])).toThrow(CountError);
    expect(() => sufficientStatistics(poissonExpfam(), [1, -2])).toThrow(
      /y\[1\]: -2 is not a non-negative integer/,
    );
    expect(() => sufficientStatistics(poissonExpfam(), [1.5])).toThrow(CountError);
    expect(() => sufficientStatistics(binomialExpfam(3), [4])).toThrow(
      /exceeds the number of trials 3/,
    );
    expect(() => binomialExpfam(0)).toThrow(CountError);
  });
  it('observations outside the sample space are DomainErrors; lengths are checked', () => {
    expect(() => sufficientStatistics(gammaExpfam(), [1, 0])).toThrow(DomainError);
    expect(() => sufficientStatistics(multinomialExpfam(3), [4])).toThrow(
      /y\[0\]: 4 is not a category in 1..3/,
    );
    expect(() => sufficientStatistics(vonMises(), [Number.NaN])).toThrow(DomainError);
    expect(() => sufficientStatistics(poissonExpfam(), [1, 2], [1])).toThrow(LengthError);
    const obj = expfamNegLogLik(poissonExpfam(), sufficientStatistics(poissonExpfam(), [1]));
    expect(() => obj.fn([1, 2])).toThrow(/theta has length 2, expected 1/);
  });
});
