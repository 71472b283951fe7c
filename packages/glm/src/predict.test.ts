import { poisson, quasipoisson } from '@likelihood/expfam';
import { describe, expect, it } from 'vitest';
import { glm } from './glm-model.js';
import { predictGlm } from './predict.js';
import { readCsvFixture, readJsonFixture } from './test-data.js';
import { expectAllClose, expectClose } from './test-helpers.js';
import { waldRegion } from './wald-region.js';

// Expected values: /tmp/pred.R in R 4.2.2 (fixtures/r-predict.json).
const ref = readJsonFixture<Record<string, number[] & number>>('r-predict.json');
const ceb = readCsvFixture('ceb.csv');

// predict() follows R's computation (same coefficients and (X'WX)^{-1}): 1e-9 relative.
describe('predict (R predict.glm with se.fit = TRUE)', () => {
  const m = glm('count ~ spray', readCsvFixture('InsectSprays.csv'), { family: poisson() });
  const nd = { spray: ['A', 'C', 'F'] };
  it('link scale', () => {
    const p = predictGlm(m, nd);
    expectAllClose(p.fit, ref.ins_link_fit, 1e-9, 1e-6, 'fit');
    expectAllClose(p.seFit, ref.ins_link_se, 1e-9, 0, 'se');
    // z interval (dispersion known): fit -/+ 1.959964 se.
    expectClose(p.upper[0]! - p.fit[0]!, 1.959963984540054 * p.seFit[0]!, 1e-12, 0, 'halfwidth');
  });
  it('response scale (delta method)', () => {
    const p = predictGlm(m, nd, { type: 'response' });
    expectAllClose(p.fit, ref.ins_resp_fit, 1e-9, 0, 'fit');
    expectAllClose(p.seFit, ref.ins_resp_se, 1e-8, 0, 'se');
  });
  it('quasipoisson with offset on new rows: residual scale and t intervals', () => {
    const q = glm('y ~ dur + res + educ', ceb, {
      family: quasipoisson(),
      offset: (ceb.n as number[]).map(Math.log),
    });
    const rows = [0, 16, 39];
    const nd2 = Object.fromEntries(
      Object.entries(ceb).map(([k, v]) => [k, rows.map((r) => (v as (string | number)[])[r]!)]),
    ) as Record<string, string[] | number[]>;
    const p = predictGlm(q, nd2, {
      type: 'response',
      offset: rows.map((r) => Math.log((ceb.n as number[])[r]!)),
    });
    expectAllClose(p.fit, ref.ceb_resp_fit, 1e-9, 0, 'fit');
    expectAllClose(p.seFit, ref.ceb_resp_se, 1e-8, 0, 'se');
    expectClose(p.residualScale, ref.ceb_residual_scale as number, 1e-9, 0, 'residual.scale');
  });
  it('an unseen factor level is an error naming it', () => {
    expect(() => predictGlm(m, { spray: ['Z'] })).toThrow(/Z/);
  });
});

describe('Wald simultaneous region', () => {
  it('F form with estimated dispersion (CEB quasipoisson, beta[2:4])', () => {
    const q = glm('y ~ dur + res + educ', ceb, {
      family: quasipoisson(),
      offset: (ceb.n as number[]).map(Math.log),
    });
    const w = waldRegion(q, [1.3, 1.6, 1.8], { which: [1, 2, 3] });
    expect(w.reference).toBe('F');
    expectClose(w.statistic, ref.wald_W as number, 1e-8, 0, 'W');
    expectClose(w.pValue, ref.wald_F_p as number, 1e-8, 0, 'p');
    expectClose(w.critical, ref.wald_F_crit as number, 1e-10, 0, 'qf');
    expect(w.inside).toBe(true);
    expect(waldRegion(q, [0, 0, 0], { which: [1, 2, 3] }).inside).toBe(false);
  });
});
