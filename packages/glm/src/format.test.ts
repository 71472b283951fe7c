import { binomial, poisson, quasipoisson } from '@likelihood/expfam';
import { describe, expect, it } from 'vitest';
import { anovaGlm } from './anova-glm.js';
import { anovaLm } from './anova-lm.js';
import { formatAnovaGlm, formatAnovaLm } from './format-anova.js';
import { formatPval, formatReal } from './format-r.js';
import { formatSummaryGlm } from './format-summary-glm.js';
import { formatSummaryLm } from './format-summary-lm.js';
import { glmFit } from './glm-fit.js';
import { summaryGlm } from './glm-summary.js';
import { lmFit } from './lm-fit.js';
import { summaryLm } from './lm-summary.js';
import {
  cbppDesign,
  CEB_COLUMN_NAMES,
  designFromColumns,
  insectSpraysDesign,
  readCsvFixture,
  readJsonFixture,
  treatmentColumns,
} from './test-data.js';

// Expected text: capture.output(print(...)) in R 4.2.2 (fixtures/r-extra.json, /tmp/extra.R).
const extra =
  readJsonFixture<Record<string, string[] | { summary_print: string[] }>>('r-extra.json');
const rText = (lines: string[]) => lines.join('\n');

describe('R number formatting', () => {
  it('formatReal chooses a common fixed or scientific layout as R', () => {
    expect(formatReal([409.04119272319747, 98.32866302080191], 5)).toEqual(['409.041', ' 98.329']);
    expect(formatReal([1], 7)).toEqual(['1']);
    expect(formatReal([1.2119613094], 7)).toEqual(['1.211961']);
    expect(formatReal([7.03e-13], 3)).toEqual(['7.03e-13']);
    // R: format(123456789012) is fixed (width 12 = sci width); one more digit goes scientific.
    expect(formatReal([123456789012], 7)).toEqual(['123456789012']);
    expect(formatReal([1234567890123], 7)).toEqual(['1.234568e+12']);
    expect(formatReal([9996], 3)).toEqual(['9996']);
    expect(formatReal([0.00001234], 3)).toEqual(['1.23e-05']);
    expect(formatReal([0.1, 0.123456], 3)).toEqual(['0.100', '0.123']);
  });
  it('format.pval as R', () => {
    expect(formatPval([1e-20, 0.597, 7.03e-13], 3)).toEqual(['< 2e-16', '0.597', '7.03e-13']);
    expect(formatPval([1e-20], 4)).toEqual(['< 2.2e-16']);
    expect(formatPval([0.000152, 0.073164], 3)).toEqual(['0.000152', '0.073164']);
  });
});

describe('printed summaries reproduce R 4.2 line by line', () => {
  it('summary(glm(count ~ spray, poisson, InsectSprays))', () => {
    const { X, y } = insectSpraysDesign();
    const names = ['(Intercept)', 'sprayB', 'sprayC', 'sprayD', 'sprayE', 'sprayF'];
    const fit = glmFit(X, y, poisson(), { columnNames: names });
    const text = formatSummaryGlm(summaryGlm(fit), {
      formula: 'count ~ spray',
      familyCall: 'poisson',
      dataName: 'InsectSprays',
    });
    expect(text).toBe(rText(extra.print_insectsprays as string[]));
  });

  it('summary(glm(cbind(incidence, size - incidence) ~ period, binomial, cbpp)) and its anova', () => {
    const { X, y } = cbppDesign();
    const fit = glmFit(X, y, binomial(), {
      columnNames: ['(Intercept)', 'period2', 'period3', 'period4'],
    });
    const text = formatSummaryGlm(summaryGlm(fit), {
      formula: 'cbind(incidence, size - incidence) ~ period',
      familyCall: 'binomial',
      dataName: 'lme4::cbpp',
    });
    expect(text).toBe(rText(extra.print_cbpp as string[]));
    const a = anovaGlm(fit, { assign: [0, 1, 1, 1], labels: ['period'] }, { test: 'Chisq' });
    const at = formatAnovaGlm(a, {
      family: 'binomial',
      link: 'logit',
      response: 'cbind(incidence, size - incidence)',
      test: 'Chisq',
    });
    expect(at).toBe(`${rText(extra.print_anova_cbpp_chisq as string[])}\n`);
  });

  it('summary of the CEB quasipoisson fit (t tests, estimated dispersion, AIC: NA)', () => {
    const ceb = readCsvFixture('ceb.csv');
    const dur = ceb.dur as string[];
    const X = designFromColumns([
      dur.map(() => 1),
      ...treatmentColumns(dur, ['0-4', '10-14', '15-19', '20-24', '25-29', '5-9']),
      ...treatmentColumns(ceb.res as string[], ['rural', 'Suva', 'urban']),
      ...treatmentColumns(ceb.educ as string[], ['lower', 'none', 'sec+', 'upper']),
    ]);
    const q = glmFit(X, ceb.y as number[], quasipoisson(), {
      offset: (ceb.n as number[]).map(Math.log),
      columnNames: CEB_COLUMN_NAMES,
    });
    const text = formatSummaryGlm(summaryGlm(q), {
      formula: 'y ~ dur + res + educ',
      familyCall: 'quasipoisson(link = "log")',
      dataName: 'ceb',
      extraArgs: ['offset = log(n)'],
    });
    expect(text).toBe(rText((extra.ceb_quasipoisson as { summary_print: string[] }).summary_print));
  });

  it('summary(lm(score ~ Machine * Worker)) and anova', () => {
    const d = readCsvFixture('Machines.csv');
    const machine = d.Machine as string[];
    const worker = (d.Worker as string[]).map(String);
    const cp = readJsonFixture<{ contr_poly_6: { data: number[][] } }>('r-extra.json').contr_poly_6
      .data;
    const lv = ['6', '2', '4', '1', '3', '5'];
    const wi = worker.map((w) => lv.indexOf(w));
    const mCols = treatmentColumns(machine, ['A', 'B', 'C']);
    const wCols = [0, 1, 2, 3, 4].map((k) => wi.map((l) => cp[l]![k]!));
    const wn = ['Worker.L', 'Worker.Q', 'Worker.C', 'Worker^4', 'Worker^5'];
    const cols = [machine.map(() => 1), ...mCols, ...wCols];
    const names = ['(Intercept)', 'MachineB', 'MachineC', ...wn];
    wCols.forEach((w, k) => {
      mCols.forEach((m, j) => {
        cols.push(w.map((v, i) => v * m[i]!));
        names.push(`Machine${'BC'[j]}:${wn[k]}`);
      });
    });
    const fit = lmFit(designFromColumns(cols), d.score as number[], { columnNames: names });
    const text = formatSummaryLm(summaryLm(fit), {
      formula: 'score ~ Machine * Worker',
      dataName: 'Machines',
    });
    expect(text).toBe(rText(extra.print_machines_m1 as string[]));
    const assign = [0, 1, 1, 2, 2, 2, 2, 2, ...Array(10).fill(3)];
    const a = anovaLm(fit, { assign, labels: ['Machine', 'Worker', 'Machine:Worker'] });
    expect(formatAnovaLm(a, 'score')).toBe(`${rText(extra.print_machines_anova as string[])}\n`);
  });
});
