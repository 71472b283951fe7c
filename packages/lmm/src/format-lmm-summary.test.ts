import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { abbreviate, formatReal, formatRealNsmall, zapsmall } from '@likelihood/glm';
import { describe, expect, it } from 'vitest';
import { design, factor, num, ones, readCsv } from './csv.test-helper.js';
import { formatLmm, formatLmmSummary } from './format-lmm-summary.js';
import {
  type LmmMatrixInput,
  lmmFromMatrices,
  lmmSystemFromMatrices,
} from './lmm-from-matrices.js';
import { lmmFit } from './lmm-fit.js';
import { bobyqaTheta } from './default-optimizer.js';
import { lmmDeviance } from './profiled-deviance.js';

/**
 * The fit evaluated at lme4's (default-stop) θ, so that the printed digits are those of R's
 * printout: lme4's θ is ~1e-5 from the exact optimum, enough to change a 5th printed digit.
 */
function fitAtTheta(input: LmmMatrixInput, theta: number[], reml: boolean) {
  const sys = lmmSystemFromMatrices(input);
  const dev = lmmDeviance(sys, reml);
  const value = dev.objective(theta);
  return lmmFit(
    sys,
    dev.factor,
    {
      theta: Float64Array.from(theta),
      value,
      singular: false,
      optimizer: {
        name: 'bobyqa',
        evaluations: 1,
        converged: true,
        message: 'converged',
        warnings: [],
      },
    },
    reml,
    {
      colnames: input.colnames,
      responseName: 'y',
      formula: input.formula ?? null,
      optimizer: bobyqaTheta,
    },
  );
}

// fixtures/summaries/*.txt: capture.output(print(summary(fit))) from R 4.2.2 / lme4 1.1-31 for
// the fits named in each test (see the R calls in the test names).
function expected(name: string): string {
  const p = fileURLToPath(new URL(`./fixtures/summaries/${name}.txt`, import.meta.url));
  return readFileSync(p, 'utf8').replace('optimizer (nloptwrap)', 'optimizer (bobyqa)');
}

const ss = readCsv('sleepstudy.csv');
const y = num(ss.Reaction!);
const days = num(ss.Days!);
const n = y.length;
const subject = factor('Subject', ss.Subject!);

// glm's R formatting helpers on the values of lme4's printouts (the lmm uses of them)
describe('R number formatting (@likelihood/glm) on lme4 printout values', () => {
  it('formatReal, formatRealNsmall, zapsmall and abbreviate as R', () => {
    expect(formatReal([612.1001580247688, 35.07171445093885, 654.9400082599608], 4)).toEqual([
      '612.10',
      ' 35.07',
      '654.94',
    ]);
    expect(formatReal([0, 13.806], 4)).toEqual([' 0.00', '13.81']);
    // R: format(c(1, -0.138), nsmall = 3); format(c(1, 0.5), nsmall = 2); format(c(1e-10, 1), nsmall = 2)
    expect(formatRealNsmall([1, -0.138], 7, 3)).toEqual([' 1.000', '-0.138']);
    expect(formatRealNsmall([1, 0.5], 7, 2)).toEqual(['1.00', '0.50']);
    expect(formatRealNsmall([1e-10, 1], 7, 2)).toEqual(['1e-10', '1e+00']);
    expect(Array.from(zapsmall([-2.080312, 0.0641234, 2.97933], 5))).toEqual([
      -2.08031, 0.06412, 2.97933,
    ]);
    expect(abbreviate('(Intercept)', 6)).toBe('(Intr)');
    expect(abbreviate('Days', 6)).toBe('Days');
  });
});

describe('formatLmmSummary reproduces print(summary(lmer(...))) line for line', () => {
  it('lmer(Reaction ~ Days + (Days | Subject), sleepstudy)', () => {
    // lme4 theta: fixtures/lmer_sleepstudy_corr_REML.json
    const fit = fitAtTheta(
      {
        X: design([ones(n), days]),
        colnames: ['(Intercept)', 'Days'],
        y,
        reTerms: [{ group: subject, Zcols: [ones(n), days], termNames: ['(Intercept)', 'Days'] }],
        formula: 'Reaction ~ Days + (Days | Subject)',
      },
      [0.9667417739674123, 0.015169058896036137, 0.23090995320779453],
      true,
    );
    expect(formatLmmSummary(fit, { dataName: 'sleepstudy' })).toBe(expected('sleep_reml'));
    expect(formatLmm(fit, { dataName: 'sleepstudy' })).toBe(expected('print_sleep_reml'));
  });
  it('lmer(Reaction ~ Days + (1 | Subject) + (0 + Days | Subject), sleepstudy, REML = FALSE)', () => {
    // lme4 theta: getME(fit, "theta") = 0.94582374325826013, 0.22692668171054448
    const fit = fitAtTheta(
      {
        X: design([ones(n), days]),
        colnames: ['(Intercept)', 'Days'],
        y,
        reTerms: [
          { group: subject, Zcols: [ones(n)], termNames: ['(Intercept)'] },
          { group: subject, Zcols: [days], termNames: ['Days'] },
        ],
        formula: 'Reaction ~ Days + (1 | Subject) + (0 + Days | Subject)',
      },
      [0.94582374325826013, 0.22692668171054448],
      false,
    );
    expect(formatLmmSummary(fit, { dataName: 'sleepstudy' })).toBe(expected('uncorr_ml'));
    expect(formatLmm(fit, { dataName: 'sleepstudy' })).toBe(expected('print_uncorr_ml'));
  });
  it('lmer(diameter ~ 1 + (1 | plate) + (1 | sample), Penicillin, REML = FALSE)', () => {
    const d = readCsv('Penicillin.csv');
    const yp = num(d.diameter!);
    const np = yp.length;
    const fit = lmmFromMatrices(
      {
        X: design([ones(np)]),
        colnames: ['(Intercept)'],
        y: yp,
        reTerms: [
          { group: factor('plate', d.plate!), Zcols: [ones(np)], termNames: ['(Intercept)'] },
          { group: factor('sample', d.sample!), Zcols: [ones(np)], termNames: ['(Intercept)'] },
        ],
        formula: 'diameter ~ 1 + (1 | plate) + (1 | sample)',
      },
      { reml: false },
    );
    expect(formatLmmSummary(fit, { dataName: 'Penicillin' })).toBe(expected('pen_ml'));
    expect(formatLmm(fit, { dataName: 'Penicillin' })).toBe(expected('print_pen_ml'));
  });
  it('lmer(Yield ~ 1 + (1|Batch), Dyestuff2): singular footer', () => {
    const d = readCsv('Dyestuff2.csv');
    const yd = num(d.Yield!);
    const nd = yd.length;
    const fit = lmmFromMatrices({
      X: design([ones(nd)]),
      colnames: ['(Intercept)'],
      y: yd,
      reTerms: [
        { group: factor('Batch', d.Batch!), Zcols: [ones(nd)], termNames: ['(Intercept)'] },
      ],
      formula: 'Yield ~ 1 + (1 | Batch)',
    });
    expect(formatLmmSummary(fit, { dataName: 'Dyestuff2' })).toBe(expected('dye2_reml'));
    expect(formatLmm(fit, { dataName: 'Dyestuff2' })).toBe(expected('print_dye2_reml'));
  });
});
