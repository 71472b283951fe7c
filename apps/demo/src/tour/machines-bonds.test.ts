import { describe, expect, it } from 'vitest';
import { expectClose, lines } from './expect-close.js';
import { machinesBondsSection } from './machines-bonds.js';

// Seed 004 §4.1 prints the Machines tables; R 4.2.2 (nlme's Machines, Rscript: anova(m2),
// anova(m0), anova(m1), anova(m1, m0)) prints the same figures with aligned columns, which is
// what these lines are. Bonds: R 4.2.2 on /work/shared/data/bonds.csv (ingot and metal as
// factors): anova(lm(pressure ~ metal + ingot)) and lmer(pressure ~ metal + (1 | ingot)).
describe('Machines and Bonds (seed 004 §4.1)', () => {
  const s = machinesBondsSection();
  const out = lines(s.text);
  const j = s.json as {
    machines: {
      full: { term: string; sumSq: number; fValue: number | null }[];
      aggregated: { sumSq: number }[];
      comparison: { statistic: number | null; df: number | null; resDf: number }[];
      aggregatedF: number;
    };
    bonds: {
      blockF: { statistic: number; pValue: number };
      lmm: { sigma: number; theta: number[]; remlCriterion: number; fixef: { estimate: number }[] };
    };
  };

  it('prints the ANOVA tables of the text', () => {
    for (const line of [
      'Machine    2 585.09 292.544 20.5761 0.0002855 ***',
      'Residuals 10 142.18  14.218                      ',
      '               Df  Sum Sq Mean Sq F value    Pr(>F)    ',
      'Machine         2 1755.26  877.63  949.17 < 2.2e-16 ***',
      'Machine:Worker 10  426.53   42.65   46.13 < 2.2e-16 ***',
      'Residuals      36   33.29    0.92                      ',
      'Machine    2 1755.26  877.63  87.798 < 2.2e-16 ***',
      'Residuals 46  459.82   10.00                      ',
      'Model 1: score ~ Machine + Worker',
      'Model 2: score ~ Machine * Worker',
      '1     46 459.82                                 ',
      '2     36  33.29 10    426.53 46.13 < 2.2e-16 ***',
    ]) {
      expect(out).toContain(line);
    }
    // Worker's Sum Sq sits on a print tie (see below): R's exact lines, to the last digit
    expect(s.text).toContain('\nWorker     5 1241.89  248.38  24.848 4.867e-12 ***\n');
    expect(s.text).toContain('\nWorker     5 413.97  82.793  5.8232 0.0089495 ** \n');
    expect(s.text).toContain('> (142.18*3/10)/(33.29/36)\n[1] 46.12628');
    expect(s.text).toContain(', 10, 36)\n[1] 0');
  });

  it('Worker sums of squares equal R bit for bit', () => {
    // R: sprintf("%.17g") of anova()'s Sum Sq: 1241.8949999999995 (full) and
    // 413.96500000000043 (aggregated means) — both on a print tie (1241.895, 413.965), so
    // only R's exact doubles print R's digits: R's contr.poly recipe, dqrdc2's operation
    // order, and R's long-double sum() and mean() make them equal, not merely close.
    expect(j.machines.full[1]!.sumSq).toBe(1241.8949999999995);
    expect(j.machines.aggregated[1]!.sumSq).toBe(413.96500000000043);
  });

  it('the interaction F equals the aggregated-means F: 46.13 on 10 and 36 df', () => {
    const cmp = j.machines.comparison[1]!;
    expect([cmp.df, j.machines.comparison[0]!.resDf, cmp.resDf]).toEqual([10, 46, 36]);
    // the same ratio computed two ways (partial F and 3 MSE_agg / MSE_full): 1e-12 relative
    expectClose(j.machines.aggregatedF, cmp.statistic!, 1e-12, 'F two ways');
    expectClose(cmp.statistic!, 46.13, 0, 'F printed', 5e-3);
  });

  it('Bonds: block F test and REML variance components as R', () => {
    expect(out).toContain('ingot      6 268.29  44.715  4.3113 0.01509 *');
    expect(out).toContain(' ingot    (Intercept) 11.45    3.383   ');
    expect(out).toContain(' Residual             10.37    3.220   ');
    expect(out).toContain('REML criterion at convergence: 107.8');
    // R: F = 4.31129000168348, p = 0.0150868697915018 (closed forms): 1e-12 relative
    expectClose(j.bonds.blockF.statistic, 4.31129000168348, 1e-12, 'block F');
    expectClose(j.bonds.blockF.pValue, 0.0150868697915018, 1e-10, 'block p');
    // lme4: theta 1.0506015860091, sigma 3.22049475063031, REML 107.790202014486.
    // lme4 stops theta ~1e-6 from the optimum; the criterion is flat there: 1e-5 on theta,
    // 1e-9 relative on the criterion.
    expectClose(j.bonds.lmm.theta[0]!, 1.0506015860091, 0, 'theta', 1e-5);
    expectClose(j.bonds.lmm.sigma, 3.22049475063031, 1e-5, 'sigma');
    expectClose(j.bonds.lmm.remlCriterion, 107.790202014486, 1e-9, 'REML criterion');
    // balanced design: fixed effects are cell-mean contrasts, 1e-10 relative
    expectClose(j.bonds.lmm.fixef[1]!.estimate, 5.714285714285603, 1e-10, 'metali');
  });
});
