import { describe, expect, it } from 'vitest';
import { collapsedMultinomialModel } from './collapsed-multinomial.js';
import { runEM } from './em.js';
import { EMCapabilityError, EMInputError } from './errors.js';
import { formatEMTrace } from './format-trace.js';
import { mothCounts, mothsReference as ref, mothsSpec } from './moths.fixture.js';
import { expectAbs, expectClose } from './test-helpers.js';
import type { EMModel } from './types.js';

const start = Float64Array.of(0.3, 0.3);

describe('runEM: peppered moths by gene counting', () => {
  const model = collapsedMultinomialModel(mothsSpec, mothCounts);
  const fit = runEM(model, start, { criterion: 'params', tol: 1e-15, maxIter: 10_000 });

  it('reproduces R em_moth (moths.json mle_em): same iterations, par to 1e-13', () => {
    expect(fit.converged).toBe(true);
    // Same stopping rule as R's em_moth (max abs change <= 1e-15) and the same arithmetic,
    // so the iteration count must match exactly.
    expect(fit.iterations).toBe(ref.iterationsEM);
    // Both runs stop within 1e-15 of each other's fixed point; 1e-13 leaves room for
    // summation-order rounding in the E-step.
    expectAbs(fit.params[0]!, ref.mleEM[0]!, 1e-13);
    expectAbs(fit.params[1]!, ref.mleEM[1]!, 1e-13);
  });

  it('agrees with BFGS (moths.json mle) to 1e-10 and with its objective to 1e-13', () => {
    // The criterion: EM and BFGS agree to 1e-10 (R's runs differ by 4.8e-12).
    expectAbs(fit.params[0]!, ref.mleBFGS[0]!, 1e-10);
    expectAbs(fit.params[1]!, ref.mleBFGS[1]!, 1e-10);
    // l is flat at the MLE: 1e-13 relative is ~ 100 ulp of a 600-sized sum of three terms.
    expectClose(-fit.logLik, ref.value, 1e-13);
  });

  it('records a monotone trace that starts at l(theta_0) and ends at l(theta_hat)', () => {
    expect(fit.trace.length).toBe(fit.iterations + 1);
    expect(fit.trace[0]).toBe(model.logLik(start));
    expect(fit.trace[fit.trace.length - 1]).toBe(fit.logLik);
    for (let t = 1; t < fit.trace.length; t++) {
      // EM never decreases l; allow 1e-12 relative rounding at the flat end.
      expect(fit.trace[t]!).toBeGreaterThanOrEqual(fit.trace[t - 1]! - 1e-12 * 600);
    }
    expect(fit.warnings).toEqual([]);
  });

  it('E-step gives the expected genotype counts at the MLE (moths.json)', () => {
    const n = model.eStep(fit.params);
    // Counts of size <= 341 from an MLE accurate to 1e-13: 1e-10 relative.
    ref.expectedCounts.forEach((e, k) => {
      expectClose(n[k]!, e, 1e-10);
    });
  });

  it('formats the trace with one line per step', () => {
    const s = formatEMTrace(fit);
    expect(s.split('\n').length).toBe(fit.trace.length + 2);
    expect(s).toContain('number of iterations= 20');
  });

  it('stops on the relative log-likelihood change by default', () => {
    const f = runEM(model, start, { tol: 1e-12 });
    expect(f.converged).toBe(true);
    expect(f.lastLogLikChange).toBeLessThanOrEqual(1e-12);
    // |dl|/|l| <= 1e-12 puts par within sqrt(1e-12 * 600 / 18000)-ish = 2e-7 of the MLE.
    expectAbs(f.params[0]!, ref.mleEM[0]!, 1e-6);
  });
});

describe('runEM: SQUAREM', () => {
  const model = collapsedMultinomialModel(mothsSpec, mothCounts);
  it('reaches the same MLE (1e-10) in fewer E-steps than plain EM', () => {
    const plain = runEM(model, start, { criterion: 'params', tol: 1e-13 });
    const sq = runEM(model, start, { criterion: 'params', tol: 1e-13, acceleration: 'squarem' });
    expect(sq.converged).toBe(true);
    expectAbs(sq.params[0]!, ref.mleBFGS[0]!, 1e-10);
    expectAbs(sq.params[1]!, ref.mleBFGS[1]!, 1e-10);
    expect(sq.eSteps).toBeLessThan(plain.eSteps);
    expect(sq.warnings.filter((w) => w.type === 'non-monotone')).toEqual([]);
  });

  it('falls back to plain EM steps when the extrapolation leaves the parameter space', () => {
    // A model whose parameter space is (0, 1) and whose EM map theta -> 0.5 + 0.9 (theta - 0.5)
    // is linear and slow, so the extrapolated point jumps; declare only [0.4, 1) valid so
    // extrapolations from 0.99 land outside and must fall back.
    const slow: EMModel<number, number> = {
      eStep: (t) => t,
      mStep: (s) => 0.5 + 0.9 * (s - 0.5),
      logLik: (t) => -((t - 0.5) ** 2),
      toVector: (t) => Float64Array.of(t),
      fromVector: (v) => v[0]!,
      inParameterSpace: (v) => v[0]! > 0.6,
    };
    const r = runEM(slow, 0.99, { acceleration: 'squarem', maxIter: 5, tol: 1e-300 });
    expect(r.warnings.some((w) => w.type === 'squarem-fallback')).toBe(true);
    expect(r.warnings.some((w) => w.type === 'non-convergence')).toBe(true);
  });
});

describe('runEM: warnings and errors as data', () => {
  it('reports a decrease of the log-likelihood beyond rounding', () => {
    // A deliberately wrong M-step that overshoots: l decreases at some iteration.
    const bad: EMModel<number, number> = {
      eStep: (t) => t,
      mStep: (s) => -1.5 * s,
      logLik: (t) => -(t * t),
    };
    const r = runEM(bad, 1, { maxIter: 3 });
    expect(r.warnings.filter((w) => w.type === 'non-monotone').length).toBe(3);
    expect(r.converged).toBe(false);
    expect(r.warnings.at(-1)!.type).toBe('non-convergence');
  });

  it('stops at the last finite iterate when l becomes non-finite', () => {
    const m: EMModel<number, number> = {
      eStep: (t) => t,
      mStep: (s) => s + 1,
      logLik: (t) => (t >= 3 ? Number.NaN : t),
    };
    const r = runEM(m, 0, { maxIter: 10 });
    expect(r.params).toBe(2);
    expect(r.logLik).toBe(2);
    expect(r.warnings.map((w) => w.type)).toEqual(['non-finite', 'non-convergence']);
  });

  it('throws typed errors for bad control and missing capabilities', () => {
    const m: EMModel<number, number> = { eStep: (t) => t, mStep: (s) => s, logLik: () => 0 };
    expect(() => runEM(m, 1, { criterion: 'params' })).toThrow(EMCapabilityError);
    expect(() => runEM(m, 1, { tol: -1 })).toThrow(/control.tol/);
    expect(() => runEM(m, 1, { maxIter: 1.5 })).toThrow(EMInputError);
    expect(() => collapsedMultinomialModel(mothsSpec, [1, -2, 3])).toThrow(/count 1/);
    expect(() =>
      collapsedMultinomialModel({ ...mothsSpec, group: [0, 0, 0, 1, 1, 3] }, [1, 2, 3]),
    ).toThrow(/spec.group/);
    // An observed cell that no complete cell collapses into (here cell 1 of 3).
    expect(() =>
      collapsedMultinomialModel({ ...mothsSpec, group: [0, 0, 0, 2, 2, 2] }, [1, 2, 3]),
    ).toThrow(/spec.group: observed cell 1 holds no complete cell/);
  });
});
