import { describe, expect, it } from 'vitest';
import { cebSection } from './ceb.js';
import { expectClose, lines } from './expect-close.js';

// Every expected string below is printed in seed 004 §3 (R's default options(digits = 7));
// JSON figures are checked against the same printouts at half a unit in their last digit.
describe('CEB (seed 004 §3)', () => {
  const s = cebSection();
  const out = lines(s.text);
  const j = s.json as {
    irlsByHand: { beta: number[] };
    dispersion: { pearson: number; fletcherSeed: number; fletcherPublished: number; sBar: number };
    waldByHand: number[][];
    profileDur1014: number[];
    devianceTest: { byHand: { D: number; Ybar: number }; glm: { D: number; Ybar: number } };
    shapiro: { deviance: { W: number; pValue: number }; pearson: { W: number; pValue: number } };
    cooks: { byHand17: number; glm: number[] };
  };

  it("the IRLS by hand prints the text's beta", () => {
    for (const line of [
      '(Intercept)  0.05695417',
      'dur10-14     1.37053208',
      'resSuva     -0.15121728',
      'educupper   -0.12474575',
    ]) {
      expect(out).toContain(line);
    }
    // printed with 8 decimals: 5e-9 absolute
    expectClose(j.irlsByHand.beta[4]!, 1.97679469, 0, 'dur25-29', 5e-9);
  });

  it("glm's summary prints the text's table", () => {
    for (const line of [
      '-2.2960  -0.6641   0.0725   0.6336   3.6782  ',
      '(Intercept)  0.05754    0.04803   1.198    0.231    ',
      'dur10-14     1.36940    0.05107  26.815  < 2e-16 ***',
      'resSuva     -0.15166    0.02833  -5.353 8.63e-08 ***',
      'educupper   -0.12425    0.03000  -4.142 3.44e-05 ***',
      '    Null deviance: 3731.852  on 69  degrees of freedom',
      'Residual deviance:   70.665  on 59  degrees of freedom',
      'AIC: 522.14',
      'Number of Fisher Scoring iterations: 4',
    ]) {
      expect(out).toContain(line);
    }
  });

  it('dispersion: the text prints Pearson 1.211949 and Fletcher 1.194283', () => {
    expect(s.text).toContain('> Pearson.phi\n[1] 1.211949');
    expect(s.text).toContain('[1] 1.194283');
    // 7 significant digits printed: half a unit in the last digit
    expectClose(j.dispersion.pearson, 1.211949, 0, 'Pearson', 5e-7);
    expectClose(j.dispersion.fletcherSeed, 1.194283, 0, 'Fletcher (1 - s.bar)', 5e-7);
    // the published (1 + s.bar) form is the other side of phi_P: identity, 1e-14 relative
    expectClose(
      j.dispersion.fletcherPublished,
      j.dispersion.pearson / (1 + j.dispersion.sBar),
      1e-14,
      'Fletcher 2012',
    );
    expect(j.dispersion.fletcherPublished).toBeGreaterThan(j.dispersion.pearson);
  });

  it('Wald and profile intervals, the deviance test', () => {
    for (const block of [
      '[1] -0.03721264  0.15112097',
      '[1] 1.270425 1.470639',
      '(beta[2]/sqrt(inv.Hessian[2,2]))))\n[1] 0',
      '[1] 1.513870 1.714592',
      '[1] 1.685091 1.885886',
      'Waiting for profiling to be done...\n   2.5 %   97.5 % \n1.270141 1.470370 ',
      '[1] 3.960497\n[1] 3660.872\n[1] 0',
      '[1] 3.960403\n[1] 3661.186\n[1] 0',
    ]) {
      expect(s.text).toContain(block);
    }
    expectClose(j.profileDur1014[0]!, 1.270141, 0, 'profile lower', 5e-7);
    expectClose(j.profileDur1014[1]!, 1.47037, 0, 'profile upper', 5e-7);
    expectClose(j.devianceTest.glm.D, 3661.186, 0, 'D (glm)', 5e-4);
  });

  it('anova(my.glm, test = "Chisq") as R prints it', () => {
    // R 4.2.2 on /work/shared/data/ceb.dat (Rscript: anova(my.glm, test = "Chisq"))
    for (const line of [
      '     Df Deviance Resid. Df Resid. Dev  Pr(>Chi)    ',
      'NULL                    69     3731.9              ',
      'dur   5   3565.8        64      166.1 < 2.2e-16 ***',
      'res   2     45.4        62      120.7 1.391e-10 ***',
      'educ  3     50.0        59       70.7 7.930e-11 ***',
    ]) {
      expect(out).toContain(line);
    }
    const a = (s.json as { anova: { deviance: number | null; pValue: number | null }[] }).anova;
    // R: 3565.7799042149954, 45.3913610951955, 50.0150526099987; p 1.39120514506326e-10 —
    // differences of deviances that match R to 1e-10: 1e-9 relative
    expectClose(a[1]!.deviance!, 3565.7799042149954, 1e-9, 'dur');
    expectClose(a[2]!.deviance!, 45.3913610951955, 1e-9, 'res');
    expectClose(a[3]!.deviance!, 50.0150526099987, 1e-9, 'educ');
    expectClose(a[2]!.pValue!, 1.39120514506326e-10, 1e-7, 'p res');
  });

  it('residual normality and Cook distances', () => {
    expect(out).toContain('W = 0.96065, p-value = 0.02719');
    expect(out).toContain('W = 0.94988, p-value = 0.007147');
    expect(s.text).toContain('[1] 0.0912897');
    expect(s.text).toContain('        17 \n0.09123744 ');
    expect(s.text).toContain(
      [
        '          44           12           16           43           58           26 ',
        '0.0001578983 0.0002173653 0.0003181272 0.0004391595 0.0004872775 0.0008276467 ',
      ].join('\n'),
    );
    expect(s.text).toContain(
      [
        '          21           65           30           57 ',
        '0.1058278940 0.1102296604 0.1184297114 0.2448544534 ',
      ].join('\n'),
    );
    // printed to 10 decimals: half a unit in the 10th decimal
    expectClose(j.cooks.glm[16]!, 0.0912374357, 0, 'cd[17]', 5e-11);
    expectClose(j.shapiro.deviance.W, 0.96065, 0, 'W', 5e-6);
  });
});
