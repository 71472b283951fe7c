import { poisson, quasipoisson } from '@likelihood/expfam';
import { describe, expect, it } from 'vitest';
import { anovaGlmModels } from './anova-glm.js';
import { formatAnovaGlmModels } from './format-anova.js';
import { glmFit } from './glm-fit.js';
import { designFromColumns, readCsvFixture, treatmentColumns } from './test-data.js';

// Expected text: R 4.2.2, print(anova(glm(count ~ 1, f, InsectSprays),
// glm(count ~ spray, f, InsectSprays), test = ...)), copied verbatim.
const R_CHISQ = `Analysis of Deviance Table

Model 1: count ~ 1
Model 2: count ~ spray
  Resid. Df Resid. Dev Df Deviance  Pr(>Chi)    
1        71     409.04                          
2        66      98.33  5   310.71 < 2.2e-16 ***
---
Signif. codes:  0 ‘***’ 0.001 ‘**’ 0.01 ‘*’ 0.05 ‘.’ 0.1 ‘ ’ 1
`;
const R_F = `Analysis of Deviance Table

Model 1: count ~ 1
Model 2: count ~ spray
  Resid. Df Resid. Dev Df Deviance      F    Pr(>F)    
1        71     409.04                                 
2        66      98.33  5   310.71 41.216 < 2.2e-16 ***
---
Signif. codes:  0 ‘***’ 0.001 ‘**’ 0.01 ‘*’ 0.05 ‘.’ 0.1 ‘ ’ 1
`;

describe('formatAnovaGlmModels reproduces print(anova(m0, m1))', () => {
  const d = readCsvFixture('InsectSprays.csv');
  const spray = d.spray as string[];
  const ones = spray.map(() => 1);
  const X0 = designFromColumns([ones]);
  const X1 = designFromColumns([ones, ...treatmentColumns(spray, ['A', 'B', 'C', 'D', 'E', 'F'])]);
  const y = d.count as number[];
  const formulas = ['count ~ 1', 'count ~ spray'];
  it('poisson, test = "Chisq"', () => {
    const rows = anovaGlmModels([glmFit(X0, y, poisson()), glmFit(X1, y, poisson())], {
      test: 'Chisq',
    });
    expect(formatAnovaGlmModels(rows, formulas, { test: 'Chisq' })).toBe(R_CHISQ);
  });
  it('quasipoisson, test = "F"', () => {
    const fam = quasipoisson();
    const rows = anovaGlmModels([glmFit(X0, y, fam), glmFit(X1, y, fam)], { test: 'F' });
    expect(formatAnovaGlmModels(rows, formulas, { test: 'F' })).toBe(R_F);
  });
});
