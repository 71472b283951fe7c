import { Gamma, poisson } from '@likelihood/expfam';
import { describe, expect, it } from 'vitest';
import { familyCallText, formatGlmModel, formatLmModel } from './format-model.js';
import { glm } from './glm-model.js';
import { lm } from './lm-model.js';
import { readCsvFixture, readJsonFixture } from './test-data.js';

// Expected text: fixtures/r/alias.R (R 4.2.2), aliased columns printed as NA rows.
const ref = readJsonFixture<{ lm: string[]; glm: string[] }>('r-alias.json');
const d = readCsvFixture('Machines.csv');
const M = { ...d, Worker: (d.Worker as string[]).map(String), M2: d.Machine as string[] };
const factors = { Worker: { levels: ['6', '2', '4', '1', '3', '5'] } };

describe('model printers with aliased coefficients', () => {
  it('lm: "(2 not defined because of singularities)" and NA rows, as R', () => {
    const m = lm('score ~ Machine + Worker + M2', M, { factors });
    expect(formatLmModel(m, { dataName: 'M' })).toBe(ref.lm.join('\n'));
  });
  it('glm Gamma(link = "log") with aliased columns, as R', () => {
    const m = glm('score ~ Machine + Worker + M2', M, { family: Gamma('log'), factors });
    expect(formatGlmModel(m, { dataName: 'M' })).toBe(ref.glm.join('\n'));
  });
  it('family call text', () => {
    expect(familyCallText('poisson', 'log')).toBe('poisson');
    expect(familyCallText('binomial', 'probit')).toBe('binomial(link = "probit")');
  });
});

describe('rows dropped for missing values', () => {
  // Expected text: fixtures/r/na.R (R 4.2.2).
  const na = readJsonFixture<{ glm: string[]; lm: string[] }>('r-na.json');
  const d = { y: [2, 3, 6, 7, 8, 9, 10, 12, 15, 20], x: [1, 2, null, 4, 5, 6, 7, 8, null, 10] };
  it('summary.glm and summary.lm print "(2 observations deleted due to missingness)"', () => {
    expect(formatGlmModel(glm('y ~ x', d, { family: poisson() }), { dataName: 'd' })).toBe(
      na.glm.join('\n'),
    );
    expect(formatLmModel(lm('y ~ x', d), { dataName: 'd' })).toBe(na.lm.join('\n'));
  });
});

describe('the empty model y ~ 0 (R: no iterations, "No Coefficients")', () => {
  it('prints and counts as R', () => {
    // Expected: fixtures/r/empty.R (R 4.2.2).
    const e = readJsonFixture<{ glm: string[]; iter: number; deviance: number }>('r-empty.json');
    const m = glm('y ~ 0', { y: [1, 3, 2, 5], x: [1, 2, 3, 4] }, { family: poisson() });
    expect(m.iter).toBe(e.iter);
    expect(m.deviance).toBeCloseTo(e.deviance, 12);
    expect(formatGlmModel(m, { dataName: 'd' })).toBe(e.glm.join('\n'));
  });
});
