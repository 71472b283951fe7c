import { describe, expect, it } from 'vitest';
import { binomial, quasibinomial } from './binomial.js';
import { CountError, DomainError, LinkError } from './errors.js';
import { FAMILY_NAMES, familyByName } from './family-by-name.js';
import { Gamma } from './gamma-family.js';
import { gaussian } from './gaussian-family.js';
import { inverseGaussian } from './inverse-gaussian.js';
import type { LinkName } from './links.js';
import { poisson, quasipoisson } from './poisson.js';
import { quasi } from './quasi.js';
import { expectAllClose, readFixture } from './testing/expect-close.js';

interface Fixture {
  initialize: {
    vector: {
      y: number[];
      weights: number[];
      yOut: number[];
      mustart: number[];
      warnings: string[];
    };
    counts: {
      s: number[];
      f: number[];
      weights: number[];
      yOut: number[];
      weightsOut: number[];
      n: number[];
      mustart: number[];
    };
  };
}
/** R 4.2.2 `binomial()$initialize` evaluated by fixtures/glm-family.R (full precision). */
const fixture = readFixture<Fixture>('glm-family.json');

describe('Family.initialize (R: family$initialize)', () => {
  it('binomial proportions: mustart = (w·y + 0.5)/(w + 1), y[w = 0] = 0, non-integer warning', () => {
    const ref = fixture.initialize.vector;
    const start = binomial().initialize(ref.y, ref.weights);
    expectAllClose(start.y, ref.yOut, 0, 0);
    expectAllClose(start.mustart, ref.mustart, 1e-15);
    expect(start.warnings).toEqual(ref.warnings);
    expect(quasibinomial().initialize(ref.y, ref.weights).warnings).toEqual([]);
  });
  it('binomial counts cbind(s, f): y = s/n, weights·n, mustart = (n·y + 0.5)/(n + 1)', () => {
    const ref = fixture.initialize.counts;
    const start = binomial().initialize({ successes: ref.s, failures: ref.f }, ref.weights);
    expectAllClose(start.y, ref.yOut, 1e-15, 1e-300);
    expectAllClose(start.weights, ref.weightsOut, 0, 0);
    expectAllClose(start.n, ref.n, 0, 0);
    expectAllClose(start.mustart, ref.mustart, 1e-15);
    expect(start.warnings).toEqual([]);
    const frac = binomial().initialize({ successes: [1.5], failures: [2] });
    expect(frac.warnings).toEqual(['non-integer counts in a binomial glm!']);
  });
  it("poisson: mustart = y + 0.1 and R's dpois warning for non-integer y", () => {
    const start = poisson().initialize([0, 2.5, 3]);
    expect(Array.from(start.mustart)).toEqual([0.1, 2.6, 3.1]);
    expect(start.warnings).toEqual(['non-integer x = 2.500000']);
    expect(quasipoisson().initialize([2.5]).warnings).toEqual([]);
    // R: the AIC of a poisson fit with a non-integer y is Inf
    expect(poisson().aic([2.5], [1], [2], [1], 0.1)).toBe(Number.POSITIVE_INFINITY);
  });
  it("rejects responses outside the support with R's messages", () => {
    expect(() => poisson().initialize([1, -1])).toThrow(DomainError);
    expect(() => poisson().initialize([1, -1])).toThrow(
      /negative values not allowed for the 'Poisson' family \(y\[1\] = -1\)/,
    );
    expect(() => quasipoisson().initialize([-1])).toThrow(/'quasiPoisson'/);
    expect(() => Gamma().initialize([1, 0])).toThrow(
      /non-positive values not allowed for the 'Gamma'/,
    );
    expect(() => inverseGaussian().initialize([0])).toThrow(/positive values only are allowed/);
    expect(() => binomial().initialize([0, 1.2])).toThrow(/y values must be 0 <= y <= 1/);
    expect(() => gaussian('log').initialize([1, 0])).toThrow(/cannot find valid starting values/);
    expect(gaussian('log').initialize([1, 0], undefined, { userStart: true }).mustart[1]).toBe(0);
    expect(() => gaussian('inverse').initialize([0])).toThrow(DomainError);
  });
  it('rejects negative or non-finite counts, bad weights and counts for non-binomial families', () => {
    expect(() => binomial().initialize({ successes: [1, -2], failures: [1, 1] })).toThrow(
      CountError,
    );
    expect(() => binomial().initialize({ successes: [1, -2], failures: [1, 1] })).toThrow(
      /successes\[1\] = -2/,
    );
    expect(() => binomial().initialize({ successes: [1], failures: [1, 2] })).toThrow(/failures/);
    expect(() => poisson().initialize({ successes: [1], failures: [1] })).toThrow(DomainError);
    expect(() => poisson().initialize([1, 2], [1])).toThrow(/weights has length 1, expected 2/);
    expect(() => poisson().initialize([1], [-1])).toThrow(/weights\[0\] = -1/);
  });
  it('quasi starts as R (mu(1-mu) clamps, mu/mu^2/mu^3 shift zeros)', () => {
    expect(Array.from(quasi({ variance: 'mu(1-mu)' }).initialize([0, 0.5, 1]).mustart)).toEqual([
      0.001, 0.5, 0.999,
    ]);
    expect(Array.from(quasi({ variance: 'mu' }).initialize([0, 2]).mustart)).toEqual([0.1, 2]);
    expect(() => quasi({ variance: 'mu^4' as 'mu' })).toThrow(/'variance' "mu\^4" is invalid/);
  });
  it("familyByName is R's get(name)(link), with default links", () => {
    const defaults: Record<string, string> = {
      binomial: 'logit',
      quasibinomial: 'logit',
      poisson: 'log',
      quasipoisson: 'log',
      gaussian: 'identity',
      Gamma: 'inverse',
      'inverse.gaussian': '1/mu^2',
      quasi: 'identity',
    };
    for (const name of FAMILY_NAMES) {
      const f = familyByName(name);
      expect(f.family).toBe(name);
      expect(f.link).toBe(defaults[name]);
    }
    expect(familyByName('poisson', 'sqrt').link).toBe('sqrt');
    expect(() => familyByName('negbin')).toThrow(/family 'negbin' not recognised/);
    expect(() => familyByName('poisson', 'nope' as LinkName)).toThrow(LinkError);
  });
  it('takes any link by name, as R does for a character link, and rejects unknown ones', () => {
    expect(binomial('probit').link).toBe('probit');
    expect(poisson('identity').linkinv(2)).toBe(2);
    expect(() => binomial('nope' as LinkName)).toThrow(LinkError);
  });
});
