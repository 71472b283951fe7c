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
import { readReference } from './lmer-reference.test-helper.js';
import { lmmFromMatrices } from './lmm-from-matrices.js';
import { confintProfile } from './profile-confint.js';

/**
 * Profile intervals within 1e-3 relative (issue 7; lme4 interpolates its profile by splines,
 * we root-find exactly: observed differences are ≤ 1.7e-4 relative).
 */
function check(
  ci: ReturnType<typeof confintProfile>,
  ref: { rownames: string[]; data: (number | null)[][] },
) {
  expect(ci.names).toEqual(ref.rownames);
  ci.names.forEach((_, k) => {
    expectClose(ci.lower[k]!, ref.data[k]![0]!, 1e-3, 1e-2);
    expectClose(ci.upper[k]!, ref.data[k]![1]!, 1e-3, 1e-2);
  });
}

describe('confintProfile vs lme4 confint(method = "profile")', () => {
  it('Dyestuff (REML fit, profiled on the ML deviance as lme4)', () => {
    const d = readCsv('Dyestuff.csv');
    const y = num(d.Yield!);
    const n = y.length;
    const fit = lmmFromMatrices({
      X: design([ones(n)]),
      colnames: ['(Intercept)'],
      y,
      reTerms: [{ group: factor('Batch', d.Batch!), Zcols: [ones(n)], termNames: ['(Intercept)'] }],
    });
    check(confintProfile(fit), readReference('lmer_dyestuff_REML').confint_profile.ci);
  });
  it('sleepstudy (Days|Subject) ML, including the correlation', () => {
    const fit = lmmFromMatrices(sleepstudyInput(), { reml: false });
    check(confintProfile(fit), readReference('lmer_sleepstudy_corr_ML').confint_profile.ci);
  });
  it('Penicillin crossed (plate, sample) ML', () => {
    const d = readCsv('Penicillin.csv');
    const y = num(d.diameter!);
    const n = y.length;
    const fit = lmmFromMatrices(
      {
        X: design([ones(n)]),
        colnames: ['(Intercept)'],
        y,
        reTerms: [
          { group: factor('plate', d.plate!), Zcols: [ones(n)], termNames: ['(Intercept)'] },
          { group: factor('sample', d.sample!), Zcols: [ones(n)], termNames: ['(Intercept)'] },
        ],
      },
      { reml: false },
    );
    check(confintProfile(fit), readReference('lmer_penicillin_ML').confint_profile.ci);
  });
});
