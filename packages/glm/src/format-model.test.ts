import { Gamma } from '@likelihood/expfam';
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
