import { describe, expect, it } from 'vitest';
import { expectClose, lines } from './expect-close.js';
import { vegetablesSection } from './vegetables.js';

// Seed 000 §6.3 prints these lines (options(digits = 4)); R 4.2.2 on /work/shared/data/
// vegetables.csv gives the same (Rscript: glm(sale ~ log(normalSale), poisson) and
// summary(glm(sale ~ store + log(normalSale) - 1))$coefficients[c(1:4, 353), ]).
describe('vegetables (seed 000 §6.3)', () => {
  const s = vegetablesSection();
  const out = lines(s.text);

  it('prints the summary lines of the text', () => {
    for (const line of [
      'glm(formula = sale ~ log(normalSale), family = poisson, data = vegetables)',
      '                Estimate Std. Error z value Pr(>|z|)    ',
      '(Intercept)        1.461      0.015    97.2   <2e-16 ***',
      'log(normalSale)    0.922      0.005   184.4   <2e-16 ***',
      '    Null deviance: 51177  on 1065  degrees of freedom',
      'Residual deviance: 17502  on 1064  degrees of freedom',
      'AIC: 22823',
      'Number of Fisher Scoring iterations: 5',
    ]) {
      expect(out).toContain(line);
    }
    expect(s.text).not.toContain('Deviance Residuals');
  });

  it('prints the head of the store model coefficients', () => {
    expect(s.text).toContain(
      [
        '                Estimate Std. Error z value   Pr(>|z|)',
        'store1            2.7182    0.12756  21.309 9.416e-101',
        'store10           4.2954    0.12043  35.668 1.254e-278',
        'store100          3.4866    0.12426  28.060 3.055e-173',
        'store101          3.3007    0.11791  27.993 1.989e-172',
        'log(normalSale)   0.2025    0.03127   6.474  9.536e-11',
      ].join('\n'),
    );
  });

  it('JSON numbers match R', () => {
    const j = s.json as {
      common: { coefficients: { estimate: number; stdError: number }[]; deviance: number };
      byStore: {
        coefficientsShown: { estimate: number; stdError: number }[];
        nCoefficients: number;
      };
    };
    // R 4.2.2 (print(coef(m), digits = 15)): IRLS stops ~1e-9 from the MLE as R does: 1e-8
    expectClose(j.common.coefficients[0]!.estimate, 1.46144033957585, 1e-8, 'intercept');
    expectClose(j.common.coefficients[1]!.estimate, 0.921569886390087, 1e-8, 'slope');
    expectClose(j.common.deviance, 17501.989159945, 1e-9, 'deviance');
    expect(j.byStore.nCoefficients).toBe(353);
    // seed's printed figures (4–5 significant digits): half a unit in the last printed digit
    expectClose(j.byStore.coefficientsShown[4]!.estimate, 0.2025, 0, 'log(normalSale)', 5e-5);
    expectClose(j.byStore.coefficientsShown[0]!.stdError, 0.12756, 0, 'se store1', 5e-6);
  });
});
