import { describe, expect, it } from 'vitest';
import { expectClose, readCsv } from './csv.test-helper.js';
import {
  LmmInputError,
  MissingGroupingValueError,
  NonNumericResponseError,
  SingleLevelGroupingError,
  TooManyRandomEffectsError,
} from './errors.js';
import { checkAgainstLme4, readReference } from './lmer-reference.test-helper.js';
import { lmm } from './lmm.js';

/** CSV columns: numbers where every value parses as a number, strings otherwise. */
function frame(name: string): Record<string, number[] | string[]> {
  const raw = readCsv(name);
  const out: Record<string, number[] | string[]> = {};
  for (const [k, v] of Object.entries(raw)) {
    const nums = v.map(Number);
    out[k] = nums.every(Number.isFinite) ? nums : v;
  }
  return out;
}
const sleep = frame('sleepstudy.csv');
sleep.Subject = readCsv('sleepstudy.csv').Subject!; // ids are a factor, as in lme4

describe('lmm(formula, data) vs lme4', () => {
  it('Reaction ~ Days + (Days | Subject), REML and ML', () => {
    checkAgainstLme4(
      lmm('Reaction ~ Days + (Days | Subject)', sleep),
      readReference('lmer_sleepstudy_corr_REML'),
    );
    checkAgainstLme4(
      lmm('Reaction ~ Days + (Days | Subject)', sleep, { reml: false }),
      readReference('lmer_sleepstudy_corr_ML'),
    );
  });
  it('crossed: diameter ~ 1 + (1 | plate) + (1 | sample)', () => {
    checkAgainstLme4(
      lmm('diameter ~ 1 + (1 | plate) + (1 | sample)', frame('Penicillin.csv')),
      readReference('lmer_penicillin_REML'),
    );
  });
  it('(Days || Subject) equals (1 | Subject) + (0 + Days | Subject): ML logLik -876.0016275723003', () => {
    const a = lmm('Reaction ~ Days + (Days || Subject)', sleep, { reml: false });
    const b = lmm('Reaction ~ Days + (1 | Subject) + (0 + Days | Subject)', sleep, { reml: false });
    // fm_uncorr of fixtures/lmer_sleepstudy_anova_ML.json (1e-6 relative)
    expectClose(a.logLik, -876.0016275723003, 1e-6);
    expectClose(b.logLik, a.logLik, 1e-12);
    expect(a.varCorr.map((g) => g.group)).toEqual(['Subject', 'Subject.1']);
    expect(a.thetaNames).toEqual(['Subject.(Intercept)', 'Subject.Days']);
  });
  it('nested (1 | batch/cask) equals (1 | batch) + (1 | cask:batch); Pastes REML', () => {
    const pastes = frame('Pastes.csv');
    const a = lmm('strength ~ 1 + (1 | batch/cask)', pastes);
    const b = lmm('strength ~ 1 + (1 | batch) + (1 | cask:batch)', pastes);
    // R: lmer(strength ~ 1 + (1|batch/cask), Pastes), tight BOBYQA refit: REML criterion
    // 246.99074585348603, theta (cask:batch, batch) 3.5269018394648497 1.5634604048925458,
    // fixef 60.053333333334997, SE 0.67687008465446885, sigma 0.82340754736011024
    expectClose(a.objective, 246.99074585348603, 1e-6);
    expectClose(b.objective, a.objective, 1e-10);
    expect(a.thetaNames).toEqual(['cask:batch.(Intercept)', 'batch.(Intercept)']);
    expect(a.ngroups).toEqual({ 'cask:batch': 30, batch: 10 });
    expectClose(a.theta[0]!, 3.5269018394648497, 1e-4);
    expectClose(a.theta[1]!, 1.5634604048925458, 1e-4);
    expectClose(a.fixef['(Intercept)']!, 60.053333333334997, 1e-5);
    expectClose(a.coefficients[0]!.stdError, 0.67687008465446885, 1e-5);
    expectClose(a.sigma, 0.82340754736011024, 1e-4);
    // conditional modes of cask:batch, levels in lme4's order (first factor slowest)
    const r = a.ranef[0]!;
    expect(r.levels.slice(0, 3)).toEqual(['a:A', 'a:B', 'a:C']);
    const modes = [
      1.7746869279271908, 0.8836556783287105, -2.5722087538088894, -3.0528088044279009,
    ];
    modes.forEach((m, l) => {
      expectClose(r.values[0]![l]!, m, 1e-4, 3);
    });
  });
});

describe('term order as lme4 mkReTrms: rev(order(nlevels)) when levels increase', () => {
  it('(1|sample) + (1|plate) + (1|h) with 6, 24, 6 levels gives plate, h, sample', () => {
    const pen = frame('Penicillin.csv');
    const hv = ['u', 'v', 'w', 'x', 'y', 'z'];
    const h = Array.from({ length: (pen.diameter as number[]).length }, (_, i) => hv[i % 6]!);
    const f = lmm('diameter ~ 1 + (1 | sample) + (1 | plate) + (1 | h)', { ...pen, h });
    // R: Penicillin$h <- factor(rep(c("u","v","w","x","y","z"), 24)); names(getME(fit, "theta")),
    // REMLcrit(fit) = 330.86058899235803
    expect(f.thetaNames).toEqual(['plate.(Intercept)', 'h.(Intercept)', 'sample.(Intercept)']);
    expectClose(f.objective, 330.86058899235803, 1e-6);
  });
});

describe('bad input gives typed errors naming the culprit', () => {
  it('grouping factor with one level', () => {
    const d = { y: [1, 2, 3, 4], g: ['a', 'a', 'a', 'a'] };
    expect(() => lmm('y ~ 1 + (1 | g)', d)).toThrow(SingleLevelGroupingError);
    expect(() => lmm('y ~ 1 + (1 | g)', d)).toThrow(/'g'.*more than one sampled level/);
  });
  it('more random effects than observations', () => {
    const d = { y: [1, 2, 3, 4], x: [1, 2, 3, 5], g: ['a', 'a', 'b', 'b'] };
    expect(() => lmm('y ~ 1 + (x | g)', d)).toThrow(TooManyRandomEffectsError);
    const e = { y: [1, 2, 3, 4], g: ['a', 'b', 'c', 'd'] };
    expect(() => lmm('y ~ 1 + (1 | g)', e)).toThrow(/4 random effects for 4 observations/);
  });
  it('non-numeric response', () => {
    const d = { y: ['a', 'b', 'c', 'd', 'e', 'f'], g: ['a', 'a', 'b', 'b', 'c', 'c'] };
    expect(() => lmm('y ~ 1 + (1 | g)', d)).toThrow(NonNumericResponseError);
    expect(() => lmm('y ~ 1 + (1 | g)', d)).toThrow(/response 'y'/);
  });
  it('missing value in a grouping factor', () => {
    const d = { y: [1, 2, 3, 4, 5, 6], g: ['a', 'a', null, 'b', 'c', 'c'] };
    expect(() => lmm('y ~ 1 + (1 | g)', d)).toThrow(MissingGroupingValueError);
    expect(() => lmm('y ~ 1 + (1 | g)', d)).toThrow(/'g'.*row 2/);
  });
  it('no random term', () => {
    expect(() => lmm('y ~ x', { y: [1, 2], x: [1, 2] })).toThrow(LmmInputError);
  });
});

describe('missing values outside grouping factors', () => {
  it('rows with a missing covariate are dropped (na.omit) and noted', () => {
    const d = {
      y: [1, 2, 3, 4, 5, 7, 2, 3, 4],
      x: [1, 2, null, 4, 5, 6, 7, 8, 9],
      g: ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd', 'd'],
    };
    const f = lmm('y ~ x + (1 | g)', d);
    expect(f.nobs).toBe(8);
    expect(f.notes.some((s) => s.includes('1 rows with missing values dropped'))).toBe(true);
    expect(f.warnings.some((s) => s.includes('dropped'))).toBe(false);
  });
});
