import { describe, expect, it } from 'vitest';
import {
  design,
  expectClose,
  factor,
  num,
  ones,
  readCsv,
  sleepstudyInput,
} from './csv.test-helper.js';
import { checkAgainstLme4, readReference } from './lmer-reference.test-helper.js';
import { lmmFromMatrices } from './lmm-from-matrices.js';

const opts = {};

function dyestuff(file: string) {
  const d = readCsv(file);
  const y = num(d.Yield!);
  const n = y.length;
  return {
    X: design([ones(n)]),
    colnames: ['(Intercept)'],
    y,
    reTerms: [{ group: factor('Batch', d.Batch!), Zcols: [ones(n)], termNames: ['(Intercept)'] }],
  };
}

function penicillin() {
  const d = readCsv('Penicillin.csv');
  const y = num(d.diameter!);
  const n = y.length;
  return {
    X: design([ones(n)]),
    colnames: ['(Intercept)'],
    y,
    reTerms: [
      { group: factor('sample', d.sample!), Zcols: [ones(n)], termNames: ['(Intercept)'] },
      { group: factor('plate', d.plate!), Zcols: [ones(n)], termNames: ['(Intercept)'] },
    ],
  };
}

describe('lmmFromMatrices vs lme4', () => {
  for (const reml of [true, false]) {
    const kind = reml ? 'REML' : 'ML';
    it(`Dyestuff ${kind}`, () => {
      const fit = lmmFromMatrices(dyestuff('Dyestuff.csv'), { ...opts, reml });
      const ref = readReference(`lmer_dyestuff_${kind}`);
      checkAgainstLme4(fit, ref);
      expect(fit.singular).toBe(false);
      // ML deviance at the (REML) estimates, as lme4's deviance(): 1e-6 relative
      expectClose(fit.deviance, ref.deviance_ML_at_estimates, 1e-6);
    });
    it(`sleepstudy (Days|Subject) ${kind}`, () => {
      const fit = lmmFromMatrices(sleepstudyInput(), { ...opts, reml });
      const ref = readReference(`lmer_sleepstudy_corr_${kind}`);
      checkAgainstLme4(fit, ref);
      const c = ref.varcorr.groups[0].correlation.data[0][1];
      expectClose(fit.varCorr[0]!.correlation.get(0, 1), c, 1e-3); // correlation from default-stop lme4 θ
      const V = ref.vcov_fixef.data;
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 2; j++) expectClose(fit.vcov.get(i, j), V[i][j], 1e-4, 1e-2);
    });
    it(`Penicillin crossed ${kind} (terms reordered by number of levels)`, () => {
      const fit = lmmFromMatrices(penicillin(), { ...opts, reml });
      checkAgainstLme4(fit, readReference(`lmer_penicillin_${kind}`));
    });
  }
  it('Dyestuff2 is a singular fit with theta = 0, not an error', () => {
    // R: lmer(Yield ~ 1 + (1|Batch), Dyestuff2, REML = TRUE / FALSE): theta 0, isSingular TRUE,
    // -2 logLik 161.82827781228843 / 162.87303665382575, SE 0.67838803123252411 / 0.66698573964432606
    const r = lmmFromMatrices(dyestuff('Dyestuff2.csv'), opts);
    expect(r.singular).toBe(true);
    expect(r.theta[0]).toBe(0);
    expect(r.warnings.some((w) => w.includes('singular'))).toBe(true);
    expectClose(r.objective, 161.82827781228843, 1e-10);
    expectClose(r.coefficients[0]!.stdError, 0.67838803123252411, 1e-8);
    expectClose(r.sigma, 3.7156842744757266, 1e-10);
    const m = lmmFromMatrices(dyestuff('Dyestuff2.csv'), { ...opts, reml: false });
    expect(m.theta[0]).toBe(0);
    expectClose(m.objective, 162.87303665382575, 1e-10);
    expectClose(m.coefficients[0]!.stdError, 0.66698573964432606, 1e-8);
    expectClose(m.fixef['(Intercept)']!, 5.6656000000000013, 1e-12);
  });
});
