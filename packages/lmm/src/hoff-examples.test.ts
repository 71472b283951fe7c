import { describe, expect, it } from 'vitest';
import { design, expectAbs, expectClose, factor, num, ones, readCsv } from './csv.test-helper.js';
import { lmmFromMatrices, lmmSystemFromMatrices } from './lmm-from-matrices.js';
import { marginalLogLik } from './marginal-loglik.js';
import { plsSolution } from './pls-solution.js';
import { factorSummary, lmmDeviance } from './profiled-deviance.js';

// Wheat one-way data (seed 001, Hoff STA 610; fixtures/wheat.csv copied from /work/shared/data).
const w = readCsv('wheat.csv');
const wy = num(w.y!);
const wn = wy.length;
const wheat = {
  X: design([ones(wn)]),
  colnames: ['(Intercept)'],
  y: wy,
  reTerms: [{ group: factor('g', w.g!), Zcols: [ones(wn)], termNames: ['(Intercept)'] }],
};

describe('wheat (Hoff, seed 001)', () => {
  it('REML: SDs 0.6197 / 1.3369, REML criterion 177.9876 (printed to 4 decimals)', () => {
    const f = lmmFromMatrices(wheat);
    // printed figures: half a unit in the last printed digit
    expectAbs(f.varCorr[0]!.sds[0]!, 0.6197, 5e-5);
    expectAbs(f.sigma, 1.3369, 5e-5);
    expectAbs(f.remlCriterion!, 177.9876, 5e-5);
  });
  it('ML: mu 16.3064, sigma2 1.7872063, tau2 0.3099255, -logLik 88.5851', () => {
    const f = lmmFromMatrices(wheat, { reml: false });
    // balanced one-way ML: mu-hat is the grand mean 16.3064 exactly; Hoff's optim gave 16.3063995
    expectClose(f.fixef['(Intercept)']!, 16.3064, 1e-12);
    expectAbs(f.fixef['(Intercept)']!, 16.3063995, 1e-6);
    // Hoff's optim figures are printed to 7 decimals; 1e-6 absolute allows for optim's own stop
    expectAbs(f.sigma * f.sigma, 1.7872063, 1e-6);
    expectAbs(f.varCorr[0]!.variances[0]!, 0.3099255, 1e-6);
    expectAbs(-f.logLik, 88.5851, 5e-5);
  });
  it('brute-force marginal likelihood (mll.oneway) equals the profiled deviance at every theta', () => {
    const sys = lmmSystemFromMatrices(wheat);
    const dev = lmmDeviance(sys, false);
    for (const t of [0, 0.05, 0.2, 0.4165, 0.8, 1.5, 3]) {
      const value = dev.objective([t]);
      const sol = plsSolution(sys, dev.factor);
      const sigma2 = factorSummary(sys, dev.factor).pwrss / wn;
      const ll = marginalLogLik(wheat.X, wy, wheat.reTerms[0]!, sol.beta, [sigma2 * t * t], sigma2);
      // two exact computations of the same number: 1e-12 relative
      expectClose(-2 * ll, value, 1e-12);
    }
  });
});

describe('sleepstudy vector random effects: brute-force oracle at arbitrary theta', () => {
  it('agrees with the profiled ML deviance', () => {
    const d = readCsv('sleepstudy.csv');
    const y = num(d.Reaction!);
    const days = num(d.Days!);
    const n = y.length;
    const term = {
      group: factor('Subject', d.Subject!),
      Zcols: [ones(n), days],
      termNames: ['(Intercept)', 'Days'],
    };
    const input = {
      X: design([ones(n), days]),
      colnames: ['(Intercept)', 'Days'],
      y,
      reTerms: [term],
    };
    const sys = lmmSystemFromMatrices(input);
    const dev = lmmDeviance(sys, false);
    for (const th of [
      [1, 0, 1],
      [0.9, -0.3, 0.2],
      [0.2, 0.5, 0],
    ]) {
      const value = dev.objective(th);
      const sol = plsSolution(sys, dev.factor);
      const s2 = factorSummary(sys, dev.factor).pwrss / n;
      const [l11, l21, l22] = th as [number, number, number];
      const Sigma = [l11 * l11, l11 * l21, l11 * l21, l21 * l21 + l22 * l22].map((v) => v * s2);
      expectClose(-2 * marginalLogLik(input.X, y, term, sol.beta, Sigma, s2), value, 1e-12);
    }
  });
});

describe('NELS (Hoff; fixtures/nels.csv.gz: school, flp, enroll, ses, mscore of /work/shared/data/nels.csv)', () => {
  const d = readCsvGz();
  const y = num(d.mscore!);
  const n = y.length;
  const school = factor('school', d.school!);
  it('mscore ~ 1 + (1|school), ML', () => {
    const f = lmmFromMatrices(
      {
        X: design([ones(n)]),
        colnames: ['(Intercept)'],
        y,
        reTerms: [{ group: school, Zcols: [ones(n)], termNames: ['(Intercept)'] }],
      },
      { reml: false },
    );
    expect(n).toBe(12974);
    expect(f.ngroups.school).toBe(684);
    // lme4 tight refit (R, BOBYQA ftol 1e-15): logLik -46956.633253634522, mu 50.939102215356087,
    // sigma2 73.708444123389697, tau2 23.634108317150371, theta 0.56625361658946261
    expectClose(f.logLik, -46956.633253634522, 1e-6);
    expectClose(f.fixef['(Intercept)']!, 50.939102215356087, 1e-5);
    expectClose(f.sigma ** 2, 73.708444123389697, 1e-4);
    expectClose(f.varCorr[0]!.variances[0]!, 23.634108317150371, 1e-4);
    expectClose(f.theta[0]!, 0.56625361658946261, 1e-4);
    // the printed figures (Hoff's optim stop, ~1e-5 relative from the exact optimum)
    expectClose(f.fixef['(Intercept)']!, 50.93914, 2e-6);
    expectClose(f.sigma ** 2, 73.70881, 1e-5);
    expectClose(f.varCorr[0]!.variances[0]!, 23.63382, 2e-5);
    expectAbs(f.logLik, -46956.6, 0.05);
  });
  it('mscore ~ flp + enroll + ses + (ses|school), ML', () => {
    const flp = num(d.flp!);
    const enroll = num(d.enroll!);
    const ses = num(d.ses!);
    const f = lmmFromMatrices(
      {
        X: design([ones(n), flp, enroll, ses]),
        colnames: ['(Intercept)', 'flp', 'enroll', 'ses'],
        y,
        reTerms: [{ group: school, Zcols: [ones(n), ses], termNames: ['(Intercept)', 'ses'] }],
      },
      { reml: false },
    );
    // lme4 tight refit: logLik -46190.861087968733, theta (0.36587068185402305,
    // 0.0078882698911693708, 0.15404746579915968), fixef / se below
    expectClose(f.logLik, -46190.861087968733, 1e-6);
    const fe = [55.429338971941704, -2.411519533541453, 0.0070951062852251086, 4.1168859932283137];
    const se = [0.4029065345646719, 0.18531048365045302, 0.082023482121480654, 0.12538140604592363];
    f.coefficients.forEach((c, i) => {
      // 1e-5 relative to max(|estimate|, SE): enroll's estimate (0.0071) is a tenth of its SE, so
      // the flat optimum (our deviance is 4e-9 below lme4's tight refit) moves it by ~1e-7
      expectClose(c.estimate, fe[i]!, 1e-5, se[i]!);
      expectClose(c.stdError, se[i]!, 1e-5);
    });
    [0.36587068185402305, 0.0078882698911693708, 0.15404746579915968].forEach((t, i) => {
      expectClose(f.theta[i]!, t, 1e-4, 1);
    });
    // lme4 tight refit VarCorr: 9.00350234542068328, 1.60030464439457010, 67.25990700527658817
    // (variance components: 1e-4 relative)
    expectClose(f.varCorr[0]!.variances[0]!, 9.003502345420683, 1e-4);
    expectClose(f.varCorr[0]!.variances[1]!, 1.6003046443945701, 1e-4);
    expectClose(f.sigma ** 2, 67.25990700527659, 1e-4);
    // issue figures: AIC 92397.7, BIC 92457.5, variances 9.004 / 1.600 / 67.260, corr 0.05 —
    // printed from lme4's default stop (9.0037, 2e-4 from the exact optimum 9.0035): 1e-3 absolute
    expectAbs(f.aic, 92397.7, 0.05);
    expectAbs(f.bic, 92457.5, 0.05);
    expectAbs(f.varCorr[0]!.variances[0]!, 9.004, 1e-3);
    expectAbs(f.varCorr[0]!.variances[1]!, 1.6, 1e-3);
    expectAbs(f.sigma ** 2, 67.26, 1e-3);
    expectAbs(f.varCorr[0]!.correlation.get(0, 1), 0.05, 5e-3);
  });
});

function readCsvGz() {
  return readCsv('nels.csv.gz');
}
