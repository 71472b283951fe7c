import { NonFiniteStartError, bfgs, nelderMead } from '@likelihood/optim';
import { describe, expect, it } from 'vitest';
import { logMultinomialCoefficient } from './multinomial.js';
import { pepperedMoths, pepperedMothsProb, pepperedMothsSpec } from './peppered-moths.js';
import { expectAllClose, expectClose, readFixture } from './testing/expect-close.js';

interface MothsFixture {
  nelder_mead: { par: { pC: number; pI: number }; value: number; counts: { function: number } };
  mle: {
    par: { pC: number; pI: number };
    value: number;
    counts: { function: number; gradient: number };
    loglik_full: number;
    log_multinomial_constant: number;
  };
  mle_em: { par: { pC: number; pI: number }; iterations: number };
  expected_genotype_counts_at_mle: Record<string, number>;
  observed_information: { hessian_analytic: { data: number[][] } };
}
/** R 4.2.2 reference, copied from /work/shared/reference/moths.json (see its problem_code). */
const ref = readFixture<MothsFixture>('moths.json');
const GENOTYPES = ['CC', 'CI', 'CT', 'II', 'IT', 'TT'];

describe('peppered moths end to end (seed 000 §6.2.1)', () => {
  const model = pepperedMoths();

  it("Nelder–Mead from (0.3, 0.3) retraces R's optim: par, value and 71 evaluations", () => {
    const fit = nelderMead((psi) => model.negLogLik(psi), [0.3, 0.3]);
    expect(fit.convergence).toBe(0);
    expect(fit.counts.function).toBe(ref.nelder_mead.counts.function);
    // the objective mirrors R's operation order and nelderMead mirrors nmmin, so the path is
    // R's; 1e-12 relative leaves room for one-ulp differences of libm's log
    expectClose(fit.par[0]!, ref.nelder_mead.par.pC, 1e-12);
    expectClose(fit.par[1]!, ref.nelder_mead.par.pI, 1e-12);
    expectClose(fit.value, ref.nelder_mead.value, 1e-14);
  });

  it("starting at (0, 0) is R's error: function cannot be evaluated at initial parameters", () => {
    expect(model.negLogLik([0, 0])).toBe(Number.POSITIVE_INFINITY);
    expect(() => nelderMead((psi) => model.negLogLik(psi), [0, 0])).toThrow(NonFiniteStartError);
    expect(() => nelderMead((psi) => model.negLogLik(psi), [0, 0])).toThrow(
      /function cannot be evaluated at initial parameters/,
    );
  });

  it('BFGS with the analytic gradient reaches the exact MLE (0.0708369080, 0.1887365181)', () => {
    const fit = bfgs(
      (psi) => model.negLogLik(psi),
      [0.3, 0.3],
      (psi) => model.negLogLikGradient(psi),
      { reltol: 1e-14, maxit: 1000 },
    );
    expect(fit.convergence).toBe(0);
    // BFGS stops when the decrease is ≤ reltol·|f| = 6e-12, i.e. anywhere within
    // |δ| ≲ sqrt(2·6e-12/λ_min(H) = 6800) ≈ 4e-8 of the optimum: 1e-7 absolute
    expectClose(fit.par[0]!, ref.mle.par.pC, 1e-7);
    expectClose(fit.par[1]!, ref.mle.par.pI, 1e-7);
    expectClose(fit.value, ref.mle.value, 1e-14);
    // the gradient at the stop is H·δ ≤ 18500 · 4e-8 ≈ 7e-4
    const g = model.negLogLikGradient(fit.par);
    expect(Math.abs(g[0]!)).toBeLessThan(1e-3);
    expect(Math.abs(g[1]!)).toBeLessThan(1e-3);
  });

  it('the gene-counting EM fixed point through conditionalExpectation is the MLE', () => {
    let psi = Float64Array.of(0.3, 0.3);
    let iterations = 0;
    for (; iterations < 1000; iterations++) {
      const N = model.conditionalExpectation(psi);
      const n2 = 2 * (N[0]! + N[1]! + N[2]! + N[3]! + N[4]! + N[5]!);
      const next = Float64Array.of(
        (2 * N[0]! + N[1]! + N[2]!) / n2,
        (2 * N[3]! + N[4]! + N[1]!) / n2,
      );
      const diff = Math.max(Math.abs(next[0]! - psi[0]!), Math.abs(next[1]! - psi[1]!));
      psi = next;
      if (diff <= 1e-15) break;
    }
    // R's em_moth stops at the same rule after 20 iterations; one step more or less is rounding
    expect(Math.abs(iterations + 1 - ref.mle_em.iterations)).toBeLessThanOrEqual(1);
    // 1e-12 absolute: the EM fixed point to the stopping rule's 1e-15 plus rounding
    expectClose(psi[0]!, ref.mle_em.par.pC, 1e-12, 1e-300 + 1);
    expectClose(psi[1]!, ref.mle_em.par.pI, 1e-12);
    expectClose(model.negLogLik(psi), ref.mle.value, 1e-14);
    // full log-likelihood = −value + log(n!/(x_C! x_I! x_T!))
    const constant = logMultinomialCoefficient(pepperedMothsSpec.x);
    expectClose(constant, ref.mle.log_multinomial_constant, 1e-14);
    expectClose(model.logLik(psi) + constant, ref.mle.loglik_full, 1e-11);
    // expected genotype counts at the MLE, R's E(N_k | X = x)
    expectAllClose(
      model.conditionalExpectation(psi),
      GENOTYPES.map((g) => ref.expected_genotype_counts_at_mle[g]!),
      1e-10,
    );
  });

  it("expected genotype counts at the seed's parameters: 3.122 16.630 65.248 22.155 173.845 341.000", () => {
    const N = model.conditionalExpectation([0.07084643, 0.188719]);
    // the seed prints 3 decimals: half a unit in the last printed place
    expectAllClose(N, [3.122, 16.63, 65.248, 22.155, 173.845, 341], 0.0005, 1e-300 + 1);
    const total = N.reduce((a, b) => a + b, 0);
    expectClose(total, 622, 1e-14);
  });

  it("the analytic gradient is the derivative of the objective and its Jacobian gives R's Hessian", () => {
    const psi = Float64Array.of(ref.mle.par.pC, ref.mle.par.pI);
    const h = 1e-6;
    const H = [0, 0, 0, 0];
    for (let l = 0; l < 2; l++) {
      const up = Float64Array.from(psi);
      const dn = Float64Array.from(psi);
      up[l] += h;
      dn[l] -= h;
      const gUp = model.negLogLikGradient(up);
      const gDn = model.negLogLikGradient(dn);
      for (let i = 0; i < 2; i++) H[i + 2 * l] = (gUp[i]! - gDn[i]!) / (2 * h);
      // gradient against a central difference of the value (h = 1e-6): 1e-6 relative, floor 1e-3
      const numeric = (model.negLogLik(up) - model.negLogLik(dn)) / (2 * h);
      expectClose(model.negLogLikGradient(psi)[l]!, numeric, 1e-6, 1e3);
    }
    const exact = ref.observed_information.hessian_analytic.data;
    // central differences of the analytic gradient: truncation ~h²·g''' ≈ 1e-7 relative; 1e-6
    expectClose(H[0]!, exact[0]![0]!, 1e-6);
    expectClose(H[2]!, exact[0]![1]!, 1e-6);
    expectClose(H[3]!, exact[1]![1]!, 1e-6);
  });

  it('prob is +∞-coded outside the parameter set, as the seed', () => {
    expect(pepperedMothsProb(Float64Array.of(0.7, 0.5))).toBeNull();
    expect(pepperedMothsProb(Float64Array.of(-0.1, 0.5))).toBeNull();
    expect(model.negLogLik([0.7, 0.5])).toBe(Number.POSITIVE_INFINITY);
  });
});
