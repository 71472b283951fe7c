import { describe, expect, it } from 'vitest';
import { CountError, DomainError, LengthError } from './errors.js';
import { log1pExp, logSumExp } from './expfam-discrete.js';
import {
  logMultinomialCoefficient,
  logisticLogLik,
  logisticProbability,
  multinomialLogLik,
  multinomialProbabilities,
  multinomialTheta,
  plusMinusLogLik,
  plusMinusProbability,
  tabulate,
} from './multinomial.js';
import { expectAllClose, expectClose } from './testing/expect-close.js';

describe('multinomial models (seed 000 §6.2)', () => {
  it('tabulates observations into the sufficient statistic N', () => {
    expect(Array.from(tabulate([2, 1, 3, 3, 2, 3], 4))).toEqual([1, 2, 3, 0]);
    expect(() => tabulate([1, 5], 4)).toThrow(DomainError);
    expect(() => tabulate([1, 5], 4)).toThrow(/y\[1\] = 5 is not a category in 1..4/);
    expect(() => tabulate([1.5], 4)).toThrow(DomainError);
  });

  it('symmetric and reference parametrizations give p_y = e^{θ_y}/φ(θ) and invert', () => {
    const thetaSym = [0.4, -1.2, 2.0, 0.0];
    const p = multinomialProbabilities(thetaSym, 'symmetric');
    const phi = thetaSym.reduce((a, t) => a + Math.exp(t), 0);
    // direct formula on moderate θ: 1e-15
    expectAllClose(
      p,
      thetaSym.map((t) => Math.exp(t) / phi),
      1e-15,
    );
    // the reference parametrization with θ_K = 0 is the symmetric one at (θ, 0)
    const pRef = multinomialProbabilities([0.4, -1.2, 2.0], 'reference');
    expectAllClose(pRef, p, 1e-15);
    expectAllClose(multinomialTheta(pRef, 'reference'), [0.4, -1.2, 2.0], 1e-14);
    // adding a constant to the symmetric θ changes nothing (non-identifiability)
    expectAllClose(
      multinomialProbabilities(
        thetaSym.map((t) => t + 7),
        'symmetric',
      ),
      p,
      1e-14,
    );
    expectAllClose(
      multinomialProbabilities(multinomialTheta(p, 'symmetric'), 'symmetric'),
      p,
      1e-15,
    );
  });

  it('log-likelihood θᵀN − N log φ(θ) equals Σ N_k log p_k and stays finite for huge θ', () => {
    const N = [3, 0, 5, 2];
    for (const par of ['symmetric', 'reference'] as const) {
      const theta = par === 'symmetric' ? [0.4, -1.2, 2.0, 0.3] : [0.4, -1.2, 2.0];
      const p = multinomialProbabilities(theta, par);
      const direct = N.reduce((a, n, k) => a + (n === 0 ? 0 : n * Math.log(p[k]!)), 0);
      // two formulas of the same quantity: 1e-14
      expectClose(multinomialLogLik(theta, N, par), direct, 1e-14);
    }
    // log-sum-exp keeps ℓ finite where e^θ overflows: θ = (800, 0) reference, N = (1, 1)
    expectClose(multinomialLogLik([800], [1, 1], 'reference'), 800 - 2 * 800, 1e-15);
    expect(() => multinomialLogLik([1, 2], [1, 1, 1], 'symmetric')).toThrow(LengthError);
    expect(() => multinomialLogLik([1, 2], [1, -1, 1])).toThrow(CountError);
    expect(() => multinomialLogLik([1, 2], [1, 0.5, 1])).toThrow(
      /N\[1\] = 0.5 is not a non-negative integer/,
    );
  });

  it('K = 2: the logistic (0/1) and ±1 parametrizations', () => {
    const theta = 0.7;
    expectClose(logisticProbability(theta), Math.exp(theta) / (1 + Math.exp(theta)), 1e-15);
    // the ±1 form with parameter θ is the logistic one with parameter 2θ
    expectClose(plusMinusProbability(theta, 1), logisticProbability(2 * theta), 1e-15);
    expectClose(plusMinusProbability(theta, 1) + plusMinusProbability(theta, -1), 1, 1e-15);
    expectClose(
      plusMinusProbability(theta, 1),
      Math.exp(theta) / (Math.exp(theta) + Math.exp(-theta)),
      1e-15,
    );
    // logistic ℓ = reference multinomial ℓ with category 1 ↦ "1" and K ↦ "0"
    expectClose(logisticLogLik(theta, 4, 6), multinomialLogLik([theta], [6, 4]), 1e-15);
    const pm = plusMinusLogLik(theta, 4, 6);
    expectClose(
      pm,
      6 * Math.log(plusMinusProbability(theta, 1)) + 4 * Math.log(plusMinusProbability(theta, -1)),
      1e-14,
    );
    // stable at large |θ|
    expectClose(plusMinusLogLik(400, 0, 3), 3 * 400 - 3 * 400, 1e-15, 1e-300 + 1);
    expect(logisticProbability(-800)).toBe(0);
    expect(logisticProbability(800)).toBe(1);
  });

  it('log-sum-exp and log(1 + e^θ) neither overflow nor lose small terms', () => {
    expect(logSumExp([1000, 1000])).toBe(1000 + Math.LN2);
    expectClose(logSumExp([-1000, -1000 + Math.log(3)]), -1000 + Math.log(4), 1e-15);
    // with the implicit e^0 of the reference parametrization: log(1 + e^−30) to 2e-16 absolute
    expect(Math.abs(logSumExp([-30], true) - Math.exp(-30))).toBeLessThan(2e-16);
    expect(logSumExp([])).toBe(Number.NEGATIVE_INFINITY);
    expect(log1pExp(800)).toBe(800);
    // log(1 + e^−40) = e^−40 to double precision (a naive log(1 + e^θ) returns 0)
    expectClose(log1pExp(-40), Math.exp(-40), 1e-15, 1e-300);
  });

  it('the multinomial coefficient log(n!/Π N_k!)', () => {
    // 6!/(1!·2!·3!) = 60
    expectClose(logMultinomialCoefficient([1, 2, 3]), Math.log(60), 1e-15);
    expect(() => logMultinomialCoefficient([1, -2])).toThrow(CountError);
  });
});
