import {
  Gamma,
  binomial,
  gaussian,
  inverseGaussian,
  poisson,
  quasibinomial,
} from '@likelihood/expfam';
import { describe, expect, it } from 'vitest';
import type { GlmFamily } from './family-types.js';
import { glm } from './glm-model.js';
import { summaryGlm } from './glm-summary.js';
import { readCsvFixture, readJsonFixture } from './test-data.js';
import { expectAllClose, expectClose } from './test-helpers.js';

// Expected values: fixtures/r/families.R in R 4.2.2 (fixtures/r-families.json).
interface FamRef {
  coefficients: number[];
  se: number[];
  deviance: number;
  null_deviance: number;
  aic: number | null;
  iter: number;
  dispersion: number;
}
const ref = readJsonFixture<Record<string, FamRef>>('r-families.json');
const m = readCsvFixture('Machines.csv');
const machines = { ...m, Worker: (m.Worker as string[]).map(String) };
const workerLevels = { Worker: { levels: ['6', '2', '4', '1', '3', '5'] } };
const cbpp = readCsvFixture('cbpp.csv');
const sprays = readCsvFixture('InsectSprays.csv');

const cases: [string, string, Record<string, unknown>, GlmFamily, boolean][] = [
  ['gaussian_identity', 'score ~ Machine + Worker', machines, gaussian(), true],
  ['gaussian_log', 'score ~ Machine + Worker', machines, gaussian('log'), true],
  ['Gamma_inverse', 'score ~ Machine + Worker', machines, Gamma(), true],
  ['Gamma_log', 'score ~ Machine + Worker', machines, Gamma('log'), true],
  ['inverse.gaussian_1/mu^2', 'score ~ Machine + Worker', machines, inverseGaussian(), true],
  [
    'binomial_probit',
    'cbind(incidence, size - incidence) ~ period',
    cbpp,
    binomial('probit'),
    false,
  ],
  [
    'binomial_cloglog',
    'cbind(incidence, size - incidence) ~ period',
    cbpp,
    binomial('cloglog'),
    false,
  ],
  [
    'binomial_cauchit',
    'cbind(incidence, size - incidence) ~ period',
    cbpp,
    binomial('cauchit'),
    false,
  ],
  ['poisson_sqrt', 'count ~ spray', sprays, poisson('sqrt'), false],
  ['poisson_identity', 'count ~ spray', sprays, poisson('identity'), false],
  [
    'quasibinomial_logit',
    'cbind(incidence, size - incidence) ~ period',
    cbpp,
    quasibinomial(),
    false,
  ],
];

// Same IRLS path as R: estimates, SEs, deviances to 1e-8 relative (floor 1e-6 for estimates
// near 0), AIC to 1e-10, and the same number of Fisher scoring iterations.
describe('every family and link of @likelihood/expfam vs R glm', () => {
  for (const [id, formula, data, family, machinesData] of cases) {
    it(id, () => {
      const r = ref[id]!;
      const fit = glm(formula, data as Record<string, number[]>, {
        family,
        ...(machinesData ? { factors: workerLevels } : {}),
      });
      expectAllClose(fit.coefficients, r.coefficients, 1e-8, 1e-6, 'coef');
      const s = summaryGlm(fit);
      expectAllClose(
        s.coefficients.map((c) => c.stdError),
        r.se,
        1e-8,
        0,
        'se',
      );
      expectClose(fit.deviance, r.deviance, 1e-8, 0, 'deviance');
      expectClose(fit.nullDeviance, r.null_deviance, 1e-10, 0, 'null deviance');
      if (r.aic === null) expect(fit.aic).toBeNull();
      else expectClose(fit.aic!, r.aic, 1e-10, 0, 'aic');
      expectClose(s.dispersion, r.dispersion, 1e-8, 0, 'dispersion');
      expect(fit.iter).toBe(r.iter);
    });
  }
});
