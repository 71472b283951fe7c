import { describe, expect, it } from 'vitest';
import { aggregatedFTest, onewayAnova, randomBlockFTest } from './classical.js';
import { design, expectClose, factor, num, ones, readCsv } from './csv.test-helper.js';
import { LmmInputError } from './errors.js';
import { gls, mixedModelEquations } from './gls.js';
import { lmmFromMatrices } from './lmm-from-matrices.js';
import { lambdaBlockInto } from './re-terms.js';

const w = readCsv('wheat.csv');
const wy = num(w.y!);
const g = factor('g', w.g!);

describe('balanced one-way ANOVA estimators (wheat, seed 001)', () => {
  const a = onewayAnova(wy, g);
  it('ANOVA table: SSB 33.368 (9 df), SSW 71.488 (40 df, MS 1.7872) as in the slides', () => {
    // printed to 3 decimals in SOURCES.md/Hoff's slides
    expectClose(a.ssBetween, 33.368, 5e-4 / 33.368);
    expect(a.dfBetween).toBe(9);
    expect(a.dfWithin).toBe(40);
    expectClose(a.ssWithin, 71.488, 5e-4 / 71.488);
    expectClose(a.msWithin, 1.7872, 5e-5 / 1.7872);
    expectClose(a.F, a.msBetween / a.msWithin, 1e-15);
  });
  it('moment estimator equals the REML fit; closed-form MLE equals the ML fit', () => {
    const input = {
      X: design([ones(wy.length)]),
      colnames: ['(Intercept)'],
      y: wy,
      reTerms: [{ group: g, Zcols: [ones(wy.length)], termNames: ['(Intercept)'] }],
    };
    const reml = lmmFromMatrices(input);
    const ml = lmmFromMatrices(input, { reml: false });
    // balanced data: the estimators coincide exactly; the fits are optimizer-accurate (θ ~1e-7)
    expectClose(a.anova.tau2, reml.varCorr[0]!.variances[0]!, 1e-6);
    expectClose(a.anova.sigma2, reml.sigma ** 2, 1e-6);
    expectClose(a.ml.tau2, ml.varCorr[0]!.variances[0]!, 1e-6);
    expectClose(a.ml.sigma2, ml.sigma ** 2, 1e-6);
    expectClose(a.ml.mu, ml.fixef['(Intercept)']!, 1e-12);
    // Hoff's figures: sigma2 1.7872063, tau2 0.3099255 come from optim (7 decimals, its own
    // stop ~3e-7 from the closed form MSE = 1.787206), so 1e-6 absolute
    expectClose(a.ml.sigma2, 1.7872063, 1e-6 / 1.7872063);
    expectClose(a.ml.tau2, 0.3099255, 1e-6 / 0.3099255);
    expectClose(Math.sqrt(a.anova.tau2), 0.6197, 5e-5 / 0.6197);
  });
  it('boundary: a negative moment estimate is set to 0 and the MLE pools the variance', () => {
    // groups with identical means: SSB = 0
    const y = [1, 2, 3, 1, 2, 3, 1, 2, 3];
    const gg = factor('g', ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c']);
    const b = onewayAnova(y, gg);
    expect(b.anova.tau2).toBe(0);
    expect(b.anova.boundary).toBe(true);
    expect(b.ml.tau2).toBe(0);
    expectClose(b.ml.sigma2, 6 / 9, 1e-15);
  });
  it('unbalanced data is an error naming the level', () => {
    expect(() => onewayAnova([1, 2, 3], factor('g', ['a', 'a', 'b']))).toThrow(LmmInputError);
    expect(() => onewayAnova([1, 2, 3], factor('g', ['a', 'a', 'b']))).toThrow(/level 'b' has 1/);
  });
});

describe('GLS and Henderson mixed model equations reproduce the fit (sleepstudy)', () => {
  const d = readCsv('sleepstudy.csv');
  const y = num(d.Reaction!);
  const days = num(d.Days!);
  const n = y.length;
  const subj = factor('Subject', d.Subject!);
  const fit = lmmFromMatrices({
    X: design([ones(n), days]),
    colnames: ['(Intercept)', 'Days'],
    y,
    reTerms: [{ group: subj, Zcols: [ones(n), days], termNames: ['(Intercept)', 'Days'] }],
  });
  const t = fit.system.terms[0]!;
  const q = t.q;
  const Z = { rows: n, cols: q, data: new Float64Array(n * q) };
  for (let i = 0; i < n; i++) {
    Z.data[i + subj.codes[i]! * 2 * n] = 1;
    Z.data[i + (subj.codes[i]! * 2 + 1) * n] = days[i]!;
  }
  const lam = new Float64Array(4);
  lambdaBlockInto(t, fit.theta, lam);
  const s2 = fit.sigma ** 2;
  const Sigma = [0, 1].map((r) =>
    [0, 1].map((c) => s2 * (lam[r]! * lam[c]! + (r === 1 && c === 1 ? lam[3]! ** 2 : 0))),
  );
  Sigma[0]![1] = s2 * lam[0]! * lam[1]!;
  Sigma[1]![0] = Sigma[0]![1]!;
  const G = { rows: q, cols: q, data: new Float64Array(q * q) };
  for (let l = 0; l < t.nlevels; l++)
    for (let r = 0; r < 2; r++)
      for (let c = 0; c < 2; c++) G.data[l * 2 + r + (l * 2 + c) * q] = Sigma[r]![c]!;
  it('mixed model equations: BLUE = fixef, BLUP = conditional modes (1e-8 relative)', () => {
    const mme = mixedModelEquations(design([ones(n), days]), Z, y, G, s2);
    expectClose(mme.beta[0]!, fit.beta[0]!, 1e-8);
    expectClose(mme.beta[1]!, fit.beta[1]!, 1e-8);
    for (let l = 0; l < t.nlevels; l++) {
      expectClose(mme.b[2 * l]!, fit.ranef[0]!.values[0]![l]!, 1e-7, 1);
      expectClose(mme.b[2 * l + 1]!, fit.ranef[0]!.values[1]![l]!, 1e-7, 1);
    }
  });
  it('GLS with V = ZGZᵀ + σ²I: beta = fixef and (XᵀV⁻¹X)⁻¹ = vcov (1e-8 relative)', () => {
    const V = { rows: n, cols: n, data: new Float64Array(n * n) };
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (subj.codes[i] !== subj.codes[j]) continue;
        const zi = [1, days[i]!];
        const zj = [1, days[j]!];
        let s = 0;
        for (let r = 0; r < 2; r++)
          for (let c = 0; c < 2; c++) s += zi[r]! * Sigma[r]![c]! * zj[c]!;
        V.data[i + j * n] = s + (i === j ? s2 : 0);
      }
    const r = gls(design([ones(n), days]), y, V);
    expectClose(r.beta[0]!, fit.beta[0]!, 1e-8);
    expectClose(r.beta[1]!, fit.beta[1]!, 1e-8);
    for (let a = 0; a < 2; a++)
      for (let b = 0; b < 2; b++) expectClose(r.covBeta.get(a, b), fit.vcov.get(a, b), 1e-8);
  });
});

describe('aggregated-model F test for an interaction variance component (Machines, seed 004)', () => {
  it('F = 46.13 on 10 and 36 df, equal to the partial F test of Machine:Worker', () => {
    const m = readCsv('Machines.csv');
    const r = aggregatedFTest(
      num(m.score!),
      factor('Machine', m.Machine!),
      factor('Worker', m.Worker!),
    );
    expect(r.df1).toBe(10);
    expect(r.df2).toBe(36);
    expect(r.K).toBe(3);
    // R: anova(lm(score ~ Machine + Worker), lm(score ~ Machine * Worker)): F 46.129821750450354,
    // RSS 33.286666666666868 (36 df); aggregated lm RSS 142.17666666666648 (10 df)
    expectClose(r.F, 46.129821750450354, 1e-12);
    expectClose(r.mseFull, 33.286666666666868 / 36, 1e-12);
    expectClose(r.mseAgg, 142.17666666666648 / 10, 1e-12);
    expectClose(r.sigma2ab, 142.17666666666648 / 10 - 33.286666666666868 / 108, 1e-12);
    // R's Pr(>F) = 1.6412497796393123e-17 (upper tail by the incomplete beta: 1e-6 relative)
    expectClose(r.pValue, 1.6412497796393123e-17, 1e-6);
  });
});

describe('random-blocks F test (Bonds, seed 004 §4.1.1)', () => {
  it('F for ingots = anova(lm(pressure ~ metal + ingot)); moment estimate = REML variance', () => {
    const b = readCsv('bonds.csv');
    const r = randomBlockFTest(
      num(b.pressure!),
      factor('metal', b.metal!),
      factor('ingot', b.ingot!),
    );
    // R: F 4.3112900016834725 on 6 and 12 df, p 0.015086869791501872, MS 44.714920634920624 and
    // 10.371587301587306; lmer(pressure ~ metal + (1|ingot)) REML variance 11.447780545071724
    expect([r.df1, r.df2]).toEqual([6, 12]);
    expectClose(r.F, 4.3112900016834725, 1e-12);
    expectClose(r.pValue, 0.015086869791501872, 1e-8);
    expectClose(r.msBlock, 44.714920634920624, 1e-12);
    expectClose(r.mse, 10.371587301587306, 1e-12);
    // lme4's default stop: its variance is ~1e-7 from the closed form
    expectClose(r.sigma2b, 11.447780545071724, 1e-6);
  });
});
