import { poisson } from '@likelihood/expfam';
import { describe, expect, it } from 'vitest';
import { cooksDistanceGlm, hatValuesGlm, residualsGlm } from './glm-influence.js';
import { glm } from './glm-model.js';
import { bicGlm, summaryGlm } from './glm-summary.js';
import { readCsvFixture, readJsonFixture } from './test-data.js';
import { expectAllClose, expectClose } from './test-helpers.js';

// Expected: fixtures/r/zerow.R (R 4.2.2). Rows with prior weight 0 leave the fit and the
// degrees of freedom; R's hatvalues/cooks.distance omit them (we return 0 there).
const ref = readJsonFixture<Record<string, number[] & number>>('r-zero-weights.json');

describe('prior weights with zeros (R glm weights = rep(c(1, 0, 2, 1.5), 18))', () => {
  const w = Array.from({ length: 72 }, (_, i) => [1, 0, 2, 1.5][i % 4]!);
  const m = glm('count ~ spray', readCsvFixture('InsectSprays.csv'), {
    family: poisson(),
    weights: w,
  });
  it('estimates, SEs, deviances, df, AIC, BIC', () => {
    // Same IRLS as R: 1e-9 relative.
    expectAllClose(m.coefficients, ref.coefficients, 1e-9, 1e-6, 'coef');
    expectAllClose(
      summaryGlm(m).coefficients.map((c) => c.stdError),
      ref.se,
      1e-9,
      0,
      'se',
    );
    expectClose(m.deviance, ref.deviance as number, 1e-10, 0, 'deviance');
    expectClose(m.nullDeviance, ref.null_deviance as number, 1e-10, 0, 'null deviance');
    expect([m.dfResidual, m.dfNull]).toEqual([ref.df_residual, ref.df_null]);
    expectClose(m.aic!, ref.aic as number, 1e-10, 0, 'aic');
    expectClose(bicGlm(m), ref.bic as number, 1e-10, 0, 'bic');
  });
  it('residuals, hat values and Cook distances', () => {
    expectAllClose(residualsGlm(m, 'pearson'), ref.pearson, 1e-9, 1e-6, 'pearson');
    expectAllClose(residualsGlm(m, 'deviance'), ref.deviance_res, 1e-9, 1e-6, 'deviance');
    const keep = (v: Float64Array) => Array.from(v).filter((_, i) => w[i]! > 0);
    expectAllClose(keep(hatValuesGlm(m)), ref.hat, 1e-9, 0, 'hat');
    expectAllClose(keep(cooksDistanceGlm(m)), ref.cooks, 1e-9, 1e-9, 'cooks');
    expect(hatValuesGlm(m)[1]).toBe(0);
  });
});
