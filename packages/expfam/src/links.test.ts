import { describe, expect, it } from 'vitest';
import { DomainError, LinkError } from './errors.js';
import { LINK_NAMES, type LinkName, makeLink } from './links.js';
import { centralDiff, expectAllClose, expectClose, readFixture } from './testing/expect-close.js';

interface LinkFixture {
  links: {
    link: LinkName;
    eta: number[];
    linkinv: number[];
    muEta: number[];
    mu: number[];
    linkfun: number[];
  }[];
}
/** R 4.2.2 `make.link(l)$linkinv(eta)` and `$mu.eta(eta)`, from fixtures/glm-family.R. */
const fixture = readFixture<LinkFixture>('glm-family.json');

/**
 * Interior eta values per link: no clamp of R's is active and mu stays at least ~1e-4 away
 * from 0 and 1, so that the round trip and the finite differences are well conditioned.
 */
const interior: Record<LinkName, number[]> = {
  logit: [-8, -3, -0.4, 0, 0.7, 5, 8],
  probit: [-3.5, -2, -0.3, 0, 0.9, 3, 3.5],
  cauchit: [-50, -2, -0.3, 0, 0.9, 3, 200],
  cloglog: [-6, -3, -0.5, 0, 0.5, 1.5, 2.5],
  identity: [-5, -0.3, 0, 2, 1e3],
  log: [-20, -2, 0, 1.5, 30],
  sqrt: [0.01, 0.5, 1, 4, 100],
  '1/mu^2': [0.01, 0.5, 1, 4, 100],
  inverse: [-10, -0.5, 0.2, 1, 40],
};

describe('links: one property test over every link', () => {
  for (const name of LINK_NAMES) {
    describe(name, () => {
      const link = makeLink(name);
      it('linkfun(linkinv(eta)) = eta and linkinv(linkfun(mu)) = mu', () => {
        for (const eta of interior[name]) {
          const mu = link.linkinv(eta);
          // Recovering eta from mu = g⁻¹(eta) near 1 amplifies the rounding of mu by
          // 1/(mu'·eta): at logit(8), 1 − mu ≈ 3e-4, so ~1e-16/3e-4 ≈ 3e-13; 1e-10 is ample.
          expectClose(link.linkfun(mu), eta, 1e-10);
          expectClose(link.linkinv(link.linkfun(mu)), mu, 1e-12, 1e-300);
        }
      });
      it('muEta equals the numerical derivative of linkinv', () => {
        for (const eta of interior[name]) {
          // Central differences with h = 1e-6·max(|eta|, 1): truncation error h²·|g⁻¹'''|/6 and
          // rounding 1e-16·|mu|/h; both are < 1e-7 relative at these points (mu.eta ≥ 3e-4),
          // so 1e-6 can only fail for a wrong derivative.
          expectClose(link.muEta(eta), centralDiff(link.linkinv, eta), 1e-6, 1e-300);
        }
      });
      it("matches R's linkinv and mu.eta, clamps included", () => {
        const ref = fixture.links.find((l) => l.link === name)!;
        expect(ref).toBeDefined();
        const out = new Float64Array(ref.eta.length);
        // Same formulas as R's family.c / make.link (pcauchy, qcauchy, qnorm as R's nmath);
        // pnorm/dnorm come from stdlib, good to a few ulp: 1e-13 relative.
        expectAllClose(link.linkinvInto(ref.eta, out), ref.linkinv, 1e-13, 1e-300);
        expectAllClose(link.muEtaInto(ref.eta, out), ref.muEta, 1e-13, 1e-300);
        // linkfun from mu = 1e-300 to 1 − 1e-12 (tails where naive formulas lose all digits)
        const eta = link.linkfunInto(ref.mu, new Float64Array(ref.mu.length));
        expectAllClose(eta, ref.linkfun, 1e-13, 1e-300);
      });
      it('linkfunInto agrees with the scalar linkfun', () => {
        const mu = interior[name].map((e) => link.linkinv(e));
        const out = link.linkfunInto(mu, new Float64Array(mu.length));
        for (let i = 0; i < mu.length; i++) expect(out[i]).toBe(link.linkfun(mu[i]!));
      });
    });
  }

  it("validEta is R's valideta", () => {
    expect(makeLink('sqrt').validEta([0.1, 2])).toBe(true);
    expect(makeLink('sqrt').validEta([0.1, 0])).toBe(false);
    expect(makeLink('1/mu^2').validEta([1, Number.POSITIVE_INFINITY])).toBe(false);
    expect(makeLink('inverse').validEta([-1, 2])).toBe(true);
    expect(makeLink('inverse').validEta([-1, 0])).toBe(false);
    expect(makeLink('logit').validEta([-1e308, 0])).toBe(true);
  });

  it('logit linkinv and mu.eta use the ±30 thresholds with DBL_EPSILON', () => {
    const logit = makeLink('logit');
    expect(logit.linkinv(-31)).toBe(2.220446049250313e-16 / (1 + 2.220446049250313e-16));
    expect(logit.muEta(31)).toBe(2.220446049250313e-16);
    // R: binomial()$linkinv(800) = 4503599627370496/4503599627370497 = 0.99999999999999978
    expect(logit.linkinv(800)).toBe(0.9999999999999998);
    expect(logit.linkinv(29)).toBe(Math.exp(29) / (1 + Math.exp(29)));
  });

  it('rejects unknown links and logit arguments outside [0, 1]', () => {
    expect(() => makeLink('loglog')).toThrow(LinkError);
    expect(() => makeLink('loglog')).toThrow(/link 'loglog' not recognised/);
    expect(() => makeLink('logit').linkfun(1.5)).toThrow(DomainError);
    expect(() => makeLink('logit').linkfun(1.5)).toThrow(/mu: value 1.5 out of range/);
  });
});
