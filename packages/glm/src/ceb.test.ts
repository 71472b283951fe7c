import { poisson, quasipoisson } from '@likelihood/expfam';
import { describe, expect, it } from 'vitest';
import { dispersionFletcher } from './dispersion.js';
import { glmFit } from './glm-fit.js';
import { cooksDistanceGlm } from './glm-influence.js';
import { dispersionPearson, summaryGlm } from './glm-summary.js';
import {
  designFromColumns,
  readCsvFixture,
  readJsonFixture,
  treatmentColumns,
} from './test-data.js';
import { expectAllClose, expectClose } from './test-helpers.js';

// Seed 004 §3: Children Ever Born, Poisson with offset log(n). Levels as R sorts them
// (dur: string sort; res and educ: R's locale collation puts rural before Suva).
const ceb = readCsvFixture('ceb.csv');
const extra = readJsonFixture<{
  ceb_poisson: {
    coef_names: string[];
    coefficients: number[];
    std_errors: number[];
    null_deviance: number;
    deviance: number;
    aic: number;
    iter: number;
    cooks_distance: number[];
  };
  ceb_quasipoisson: {
    coefficients: number[];
    dispersion: number;
    pearson_phi: number;
    s_bar: number;
    fletcher_2012: number;
    fletcher_seed004: number;
  };
}>('r-extra.json');
const dur = ceb.dur as string[];
const res = ceb.res as string[];
const educ = ceb.educ as string[];
const X = designFromColumns([
  dur.map(() => 1),
  ...treatmentColumns(dur, ['0-4', '10-14', '15-19', '20-24', '25-29', '5-9']),
  ...treatmentColumns(res, ['rural', 'Suva', 'urban']),
  ...treatmentColumns(educ, ['lower', 'none', 'sec+', 'upper']),
]);
const offset = (ceb.n as number[]).map(Math.log);
/** R's round(): half to even. */
const roundHalfEven = (x: number) => {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
};

describe('CEB (seed 004 §3)', () => {
  const ref = extra.ceb_poisson;
  const fit = glmFit(X, (ceb.y as number[]).map(roundHalfEven), poisson(), {
    offset,
    columnNames: ref.coef_names,
  });

  it('round(y) ~ dur + res + educ, offset log(n): the printed figures', () => {
    // Seed/issue figures (printed to 7–8 significant digits): half a unit in the last digit.
    expectClose(fit.coefficients[0]!, 0.05753588, 5e-9 / 0.0575, 0, 'intercept');
    expectClose(fit.coefficients[1]!, 1.36939542, 5e-9 / 1.369, 0, 'dur10-14');
    expectClose(fit.coefficients[10]!, -0.12424661, 5e-9 / 0.124, 0, 'educupper');
    expectClose(fit.nullDeviance, 3731.852, 5e-4 / 3731.852, 0, 'null deviance');
    expectClose(fit.deviance, 70.6653, 5e-5 / 70.6653, 0, 'deviance');
    expectClose(fit.aic!, 522.1422, 5e-5 / 522.1422, 0, 'AIC');
    expect([fit.dfNull, fit.dfResidual]).toEqual([69, 59]);
    expect(fit.iter).toBe(ref.iter);
  });

  it('matches R to full precision (r-extra.json ceb_poisson)', () => {
    // Same IRLS path as R: 1e-9 relative (QR rounding only).
    expectAllClose(fit.coefficients, ref.coefficients, 1e-9, 1e-6, 'coef');
    const s = summaryGlm(fit);
    expectAllClose(
      s.coefficients.map((r) => r.stdError),
      ref.std_errors,
      1e-9,
      0,
      'se',
    );
    expectClose(fit.nullDeviance, ref.null_deviance, 1e-10, 0, 'null deviance (offset refit)');
    expectClose(fit.deviance, ref.deviance, 1e-10, 0, 'deviance');
    expectClose(fit.aic!, ref.aic, 1e-12, 0, 'aic');
  });

  it("Cook's distance: observation 17 = 0.0912374357 and the seed's sorted values", () => {
    const cd = cooksDistanceGlm(fit);
    // Printed to 10 decimals in the seed: half a unit in the 10th decimal.
    expectClose(cd[16]!, 0.0912374357, 5e-11 / 0.0912, 0, 'cd[17]');
    const sorted = Array.from(cd).sort((a, b) => a - b);
    const seedSmallest = [0.0001578983, 0.0002173653, 0.0003181272];
    const seedLargest = [0.105827894, 0.1102296604, 0.1184297114, 0.2448544534];
    for (const [k, v] of seedSmallest.entries()) {
      expectClose(sorted[k]!, v, 5e-11 / v, 0, `sorted[${k}]`);
    }
    for (const [k, v] of seedLargest.entries()) {
      expectClose(sorted[66 + k]!, v, 5e-11 / v, 0, `sorted[${66 + k}]`);
    }
    expectAllClose(cd, ref.cooks_distance, 1e-9, 1e-6, 'cooks vs R');
  });

  it('quasipoisson on unrounded y: IRLS coefficients, Pearson and Fletcher dispersion', () => {
    const q = glmFit(X, ceb.y as number[], quasipoisson(), { offset });
    const qr = extra.ceb_quasipoisson;
    // Seed's IRLS figures (its looser stopping rule; printed 8 decimals): 5e-7 absolute.
    expectClose(q.coefficients[0]!, 0.05695417, 5e-7, 0, 'intercept');
    expectClose(q.coefficients[1]!, 1.37053208, 5e-7, 1, 'dur10-14');
    expectAllClose(q.coefficients, qr.coefficients, 1e-9, 1e-6, 'coef vs R');
    const phiP = dispersionPearson(q);
    expectClose(phiP, 1.211961, 5e-7 / 1.21, 0, 'Pearson (converged)');
    expectClose(phiP, qr.dispersion, 1e-9, 0, 'Pearson vs summary(q)$dispersion');
    expect(summaryGlm(q).statisticName).toBe('t');
    const f = dispersionFletcher(q);
    // Same closed-form sums at the same converged means as the R code: 1e-10.
    expectClose(f.pearson, qr.pearson_phi, 1e-10, 0, 'X2/(n-p) at final mu');
    expectClose(f.sBar, qr.s_bar, 1e-8, 1e-6, 's_bar');
    expectClose(f.value, qr.fletcher_2012, 1e-9, 0, 'Fletcher 2012');
    const seed = dispersionFletcher(q, { variant: 'seed004' });
    expectClose(seed.value, qr.fletcher_seed004, 1e-9, 0, 'seed 004 variant');
    // The seed prints 1.194283 from its loose-tolerance fit; converged, it is 1.194304.
    expectClose(seed.value, 1.194283, 5e-5, 0, 'seed 004 printed figure');
  });
});
