import { binomial, poisson } from '@likelihood/expfam';
import { dense } from '@likelihood/linalg';
import { describe, expect, it } from 'vitest';
import { glmFit } from './glm-fit.js';
import { expectAllClose, expectClose } from './test-helpers.js';
import { readCsvFixture, readJsonFixture, treatmentColumns } from './test-data.js';

/** Column-major design from column arrays. */
function design(cols: number[][]) {
  const n = cols[0]!.length;
  const d = dense(n, cols.length);
  for (let j = 0; j < cols.length; j++) d.data.set(cols[j]!, j * n);
  return d;
}

interface GlmRef {
  coef_names: string[];
  coefficients: Record<string, number>;
  deviance: number;
  null_deviance: number;
  aic: number;
  fisher_scoring_iterations: number;
  fitted_values: number[];
  working_weights: number[];
  residuals_working: number[];
  tight_refit: { coefficients: Record<string, number>; deviance: number };
}

describe('glmFit (R glm.fit)', () => {
  it('vegetables sale ~ log(normalSale), Poisson: the figures of seed 000 §6.3', () => {
    const v = readCsvFixture('vegetables.csv');
    const x = (v.normalSale as number[]).map(Math.log);
    const fit = glmFit(design([x.map(() => 1), x]), v.sale as number[], poisson(), {
      columnNames: ['(Intercept)', 'log(normalSale)'],
    });
    // Printed figures of the issue (7–8 significant digits): tolerance half a unit in the last digit.
    expectClose(fit.coefficients[0]!, 1.4614403, 5e-8 / 1.46, 0);
    expectClose(fit.coefficients[1]!, 0.9215699, 5e-8 / 0.92, 0);
    expectClose(fit.nullDeviance, 51177.31, 0.005 / 51177.31, 0);
    expectClose(fit.deviance, 17501.99, 0.005 / 17501.99, 0);
    expectClose(fit.aic!, 22823.15, 0.005 / 22823.15, 0);
    expect(fit.dfNull).toBe(1065);
    expect(fit.dfResidual).toBe(1064);
    expect(fit.iter).toBe(5);
    expect(fit.converged).toBe(true);
  });

  for (const [name, file] of [
    ['InsectSprays count ~ spray (poisson)', 'glm_insectsprays_poisson.json'],
    ['cbpp cbind(incidence, size - incidence) ~ period (binomial)', 'glm_cbpp_binomial.json'],
  ] as const) {
    it(`${name}: R's glm.fit fields`, () => {
      const ref = readJsonFixture<GlmRef>(file);
      let X: ReturnType<typeof design>;
      let fit: ReturnType<typeof glmFit>;
      if (file === 'glm_insectsprays_poisson.json') {
        const d = readCsvFixture('InsectSprays.csv');
        const spray = d.spray as string[];
        X = design([
          spray.map(() => 1),
          ...treatmentColumns(spray, ['A', 'B', 'C', 'D', 'E', 'F']),
        ]);
        fit = glmFit(X, d.count as number[], poisson(), { columnNames: ref.coef_names });
      } else {
        const d = readCsvFixture('cbpp.csv');
        const period = d.period as string[];
        const inc = d.incidence as number[];
        const size = d.size as number[];
        X = design([period.map(() => 1), ...treatmentColumns(period, ['1', '2', '3', '4'])]);
        fit = glmFit(X, { successes: inc, failures: inc.map((s, i) => size[i]! - s) }, binomial(), {
          columnNames: ref.coef_names,
        });
      }
      // Same IRLS path and stopping rule as R: estimates agree with R's (not the tight refit)
      // to ~1e-12; 1e-9 relative leaves room for QR rounding differences (our norms vs BLAS
      // dnrm2) that the 5 IRLS steps can amplify.
      expectAllClose(
        fit.coefficients,
        ref.coef_names.map((k) => ref.coefficients[k]!),
        1e-9,
        1e-3,
        'coef',
      );
      // Against the exact MLE (tight_refit), the contract: 1e-6 relative.
      expectAllClose(
        fit.coefficients,
        ref.coef_names.map((k) => ref.tight_refit.coefficients[k]!),
        1e-6,
        1e-3,
        'coef vs tight',
      );
      expectClose(fit.deviance, ref.deviance, 1e-10, 0, 'deviance');
      expectClose(fit.nullDeviance, ref.null_deviance, 1e-12, 0, 'null deviance');
      expectClose(fit.aic!, ref.aic, 1e-12, 0, 'aic');
      expect(fit.iter).toBe(ref.fisher_scoring_iterations);
      expectAllClose(fit.fittedValues, ref.fitted_values, 1e-9, 0, 'fitted');
      expectAllClose(fit.weights, ref.working_weights, 1e-9, 0, 'working weights');
      expectAllClose(fit.residuals, ref.residuals_working, 1e-8, 1e-3, 'working residuals');
    });
  }

  it('reports aliased columns as NaN in R pivot order', () => {
    const d = readCsvFixture('InsectSprays.csv');
    const spray = d.spray as string[];
    const ind = treatmentColumns(spray, ['A', 'B', 'C', 'D', 'E', 'F']);
    const sumBC = ind[0]!.map((b, i) => b + ind[1]![i]!);
    const fit = glmFit(
      design([spray.map(() => 1), ind[0]!, sumBC, ind[1]!]),
      d.count as number[],
      poisson(),
    );
    expect(fit.rank).toBe(3);
    expect(Number.isNaN(fit.coefficients[3]!)).toBe(true);
    // Saturated in the groups {A, D, E, F}, {B}, {C}: a Poisson log-linear fit reproduces each
    // group's mean count (up to IRLS convergence; 1e-8 relative).
    const counts = d.count as number[];
    const base = counts.filter((_, i) => 'ADEF'.includes(spray[i]!));
    const mean = base.reduce((a, b) => a + b, 0) / base.length;
    expectClose(fit.fittedValues[0]!, mean, 1e-8, 0, 'mean of A, D, E, F');
  });

  it('warns on separation (fitted probabilities 0 or 1)', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = [0, 0, 0, 0, 1, 1, 1, 1];
    const fit = glmFit(design([x.map(() => 1), x]), y, binomial());
    expect(fit.warnings).toContain('glm.fit: fitted probabilities numerically 0 or 1 occurred');
  });

  it('warns when maxit is reached', () => {
    const v = readCsvFixture('vegetables.csv');
    const x = (v.normalSale as number[]).map(Math.log);
    const fit = glmFit(design([x.map(() => 1), x]), v.sale as number[], poisson(), {
      control: { maxit: 2 },
    });
    expect(fit.converged).toBe(false);
    expect(fit.iter).toBe(2);
    expect(fit.warnings).toContain('glm.fit: algorithm did not converge');
  });

  it('rejects bad input with typed errors', () => {
    const X = design([
      [1, 1, 1],
      [1, 2, 3],
    ]);
    expect(() => glmFit(X, [1, 2, 3], poisson(), { weights: [1, 1] })).toThrow(
      /weights has length 2, expected 3/,
    );
    expect(() => glmFit(X, [1, 2], poisson())).toThrow(/y has length 2/);
    expect(() =>
      glmFit(
        design([
          [1, 1, 1],
          [1, Number.NaN, 3],
        ]),
        [1, 2, 3],
        poisson(),
      ),
    ).toThrow(/row 1/);
    expect(() => glmFit(X, [1, -2, 3], poisson())).toThrow(/negative|y\[1\]/);
    expect(() => glmFit(X, [0.2, 1.5, 0.3], binomial())).toThrow();
  });
});

describe('step-halving (R: "step size truncated: out of bounds")', () => {
  it('Poisson identity link from start = c(1, 1): same path, warnings and estimates as R', () => {
    // Expected: fixtures/r/halving.R (R 4.2.2).
    const ref = readJsonFixture<{
      coefficients: number[];
      deviance: number;
      iter: number;
      boundary: boolean;
      converged: boolean;
      warnings: string[];
    }>('r-halving.json');
    const x = [1, 2, 3, 4, 5, 6, 3.5, 1.5];
    const y = [0, 0, 1, 5, 10, 20, 2, 0];
    const fit = glmFit(design([x.map(() => 1), x]), y, poisson('identity'), { start: [1, 1] });
    expect(fit.iter).toBe(ref.iter);
    expect(fit.boundary).toBe(ref.boundary);
    expect(fit.converged).toBe(ref.converged);
    expect(fit.warnings).toEqual(ref.warnings);
    // Same halving sequence as R; 1e-9 relative.
    expectAllClose(fit.coefficients, ref.coefficients, 1e-9, 1e-6, 'coef');
    expectClose(fit.deviance, ref.deviance, 1e-9, 0, 'deviance');
  });
});
