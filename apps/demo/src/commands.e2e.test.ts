import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insectSprays, vegetables } from '@likelihood/datasets';
import { poisson } from '@likelihood/expfam';
import { glm, summaryGlm } from '@likelihood/glm';
import { describe, expect, it } from 'vitest';
import { type CliRun, rel, run, runJson } from './run-built-cli.test-helper.js';

// The BUILT CLI as a subprocess (the root `pnpm test` builds first), against the library.
function expectOneLineError(r: CliRun, code: number, re: RegExp) {
  expect(r.code).toBe(code);
  expect(r.stderr).toMatch(re);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

interface GlmJson {
  coefficients: { term: string; estimate: number; stdError: number; pValue: number }[];
  deviance: number;
  nullDeviance: number;
  dfResidual: number;
  aic: number;
  iterations: number;
  converged: boolean;
}

describe('likelihood glm / lm / anova (built CLI)', () => {
  it('glm --dataset vegetables --json equals the library fit and R (seed 000 §6.3)', () => {
    const doc = runJson<GlmJson>([
      'glm',
      '--dataset',
      'vegetables',
      '--formula',
      'sale ~ log(normalSale)',
      '--family',
      'poisson',
      '--json',
    ]);
    const lib = summaryGlm(
      glm('sale ~ log(normalSale)', vegetables.columns, {
        family: poisson(),
        factors: { store: { levels: vegetables.factors.store!.levels } },
      }),
    );
    // same process-independent computation: identical to the last bit
    expect(doc.coefficients.map((c) => c.estimate)).toEqual(
      lib.coefficients.map((c) => c.estimate),
    );
    // R: estimates 1.4614403, 0.9215699; SEs 0.015040617, 0.004998106 (printed precision)
    expect(rel(doc.coefficients[0]!.estimate, 1.4614403)).toBeLessThan(1e-7);
    expect(rel(doc.coefficients[1]!.stdError, 0.004998106)).toBeLessThan(1e-6);
    expect(rel(doc.nullDeviance, 51177.31)).toBeLessThan(1e-6);
    expect(rel(doc.deviance, 17501.99)).toBeLessThan(1e-6);
    expect(rel(doc.aic, 22823.15)).toBeLessThan(1e-6);
    expect(doc.iterations).toBe(5);
    expect(doc.converged).toBe(true);
  });

  it('glm store model: 353 coefficients with the 352-level factor as a sparse block (R values)', () => {
    const doc = runJson<GlmJson>([
      'glm',
      '--dataset',
      'vegetables',
      '--formula',
      'sale ~ store + log(normalSale) - 1',
      '--family',
      'poisson',
      '--json',
    ]);
    expect(doc.coefficients).toHaveLength(353);
    const row = (t: string) => doc.coefficients.find((c) => c.term === t)!;
    // R (issue 5, 7 significant digits): store1 2.718197 (SE 0.12756242), store10 4.295408,
    // log(normalSale) 0.202468 (SE 0.03127339); half a unit in the last printed digit
    expect(Math.abs(row('store1').estimate - 2.718197)).toBeLessThan(5e-7);
    expect(Math.abs(row('store1').stdError - 0.12756242)).toBeLessThan(5e-9);
    expect(Math.abs(row('store10').estimate - 4.295408)).toBeLessThan(5e-7);
    expect(Math.abs(row('log(normalSale)').estimate - 0.202468)).toBeLessThan(5e-7);
    expect(Math.abs(row('log(normalSale)').stdError - 0.03127339)).toBeLessThan(5e-9);
  });

  it('glm on a temporary CSV with --factor reads numeric ids as factors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'likelihood-'));
    const file = join(dir, 'sprays.csv');
    const spray = insectSprays.columns.spray as string[];
    const codes = spray.map((s) => String('ABCDEF'.indexOf(s) + 1));
    const lines = ['count,spray', ...codes.map((c, i) => `${insectSprays.columns.count![i]},${c}`)];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const doc = runJson<GlmJson>([
      'glm',
      '--data',
      file,
      '--factor',
      'spray',
      '--formula',
      'count ~ spray',
      '--family',
      'poisson',
      '--json',
    ]);
    expect(doc.coefficients.map((c) => c.term)).toEqual([
      '(Intercept)',
      'spray2',
      'spray3',
      'spray4',
      'spray5',
      'spray6',
    ]);
    // R (glm_insectsprays_poisson.json): deviance 98.329 on 66 df, 1e-6 relative
    expect(rel(doc.deviance, 98.32866302080191)).toBeLessThan(1e-6);
    expect(doc.dfResidual).toBe(66);
  });

  it('lm --json has the summary and the ANOVA table (Machines, R: F = 87.798 for Machine)', () => {
    const doc = runJson<{
      sigma: number;
      rSquared: number;
      anova: { term: string; df: number; fValue: number | null }[];
    }>(['lm', '--dataset', 'machines', '--formula', 'score ~ Machine + Worker', '--json']);
    expect(doc.anova.map((a) => a.term)).toEqual(['Machine', 'Worker', 'Residuals']);
    expect(doc.anova[0]!.df).toBe(2);
    expect(doc.anova[2]!.fValue).toBeNull();
    // R prints sigma 3.162 and R-squared 0.867: 1e-3 relative at printed precision
    expect(rel(doc.sigma, 3.162)).toBeLessThan(1e-3);
    expect(rel(doc.rSquared, 0.867)).toBeLessThan(1e-3);
  });

  it('anova of nested lm fits: Machines F = 46.13 on 10 and 36 df', () => {
    const rows = runJson<
      {
        resDf: number;
        df: number | null;
        statistic: number | null;
      }[]
    >([
      'anova',
      '--dataset',
      'machines',
      '--formula',
      'score ~ Machine + Worker',
      '--formula',
      'score ~ Machine * Worker',
      '--json',
    ]);
    expect(rows[0]!.df).toBeNull();
    expect(rows[1]!.df).toBe(10);
    expect(rows[1]!.resDf).toBe(36);
    expect(Math.abs(rows[1]!.statistic! - 46.13)).toBeLessThan(0.005);
  });

  it('bad usage exits non-zero with one line naming the problem', () => {
    expectOneLineError(
      run(['glm', '--dataset', 'vegetables', '--formula', 'sale ~ x', '--bogus']),
      2,
      /unknown option '--bogus'/,
    );
    expectOneLineError(
      run(['glm', '--dataset', 'vegetables', '--formula', 'sale ~ nope', '--family', 'poisson']),
      1,
      /unknown column 'nope'/,
    );
    expectOneLineError(
      run([
        'glm',
        '--dataset',
        'vegetables',
        '--formula',
        'sale ~ normalSale',
        '--family',
        'poison',
      ]),
      2,
      /family 'poison'/,
    );
    expectOneLineError(run(['glm', '--formula', 'y ~ x']), 2, /missing required option --data/);
    const dir = mkdtempSync(join(tmpdir(), 'likelihood-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'y,x\n1,2\n3,4,5\n');
    expectOneLineError(run(['lm', '--data', bad, '--formula', 'y ~ x']), 1, /line 3/);
  });
});
