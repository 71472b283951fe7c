import { quasipoisson } from '@likelihood/expfam';
import { describe, it } from 'vitest';
import { confintProfile } from './confint-glm.js';
import { glm } from './glm-model.js';
import { readCsvFixture, readJsonFixture } from './test-data.js';
import { expectAllClose } from './test-helpers.js';

// Expected: fixtures/r/profq.R (R 4.2.2, MASS 7.3-58): profiles in tau with the t-based zmax.
const ref = readJsonFixture<Record<string, number[]>>('r-profile-quasi.json');

describe('profile intervals with estimated dispersion (MASS confint.glm, quasipoisson)', () => {
  it('CEB y ~ dur + res + educ, offset log(n), at 95% and 90%', () => {
    const ceb = readCsvFixture('ceb.csv');
    const q = glm('y ~ dur + res + educ', ceb, {
      family: quasipoisson(),
      offset: (ceb.n as number[]).map(Math.log),
    });
    // Same grid, spline and interpolation as MASS; 1e-7 relative (contract: 1e-4).
    const ci = confintProfile(q);
    expectAllClose(
      ci.map((r) => r.lower),
      ref.lower95!,
      1e-7,
      1e-3,
      'lower 95',
    );
    expectAllClose(
      ci.map((r) => r.upper),
      ref.upper95!,
      1e-7,
      1e-3,
      'upper 95',
    );
    const ci90 = confintProfile(q, 0.9);
    expectAllClose(
      ci90.map((r) => r.lower),
      ref.lower90!,
      1e-7,
      1e-3,
      'lower 90',
    );
    expectAllClose(
      ci90.map((r) => r.upper),
      ref.upper90!,
      1e-7,
      1e-3,
      'upper 90',
    );
  });
});
