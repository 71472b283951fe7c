import { describe, expect, it } from 'vitest';
import { rel, run, runJson } from './run-built-cli.test-helper.js';

// The BUILT CLI as a subprocess (the root `pnpm test` builds first).

describe('likelihood lmm / mixture (built CLI)', () => {
  it('lmm sleepstudy (Days | Subject) REML matches lme4 (tight refit)', () => {
    const doc = runJson<{
      fixef: { term: string; estimate: number; stdError: number }[];
      remlCriterion: number;
      varCorr: { group: string; term: string; sd: number }[];
      correlations: { corr: number }[];
      ngroups: Record<string, number>;
      nobs: number;
      ranef: Record<string, { levels: string[]; values: number[][] }>;
    }>([
      'lmm',
      '--dataset',
      'sleepstudy',
      '--formula',
      'Reaction ~ Days + (Days | Subject)',
      '--json',
    ]);
    // lme4 1.1-31 tight refit (reference/lmer_sleepstudy_corr_REML.json): REML criterion
    // 1743.6282719584906 to 1e-6 relative; fixed effects and SEs 1e-5 (issue 7 tolerances)
    expect(rel(doc.remlCriterion, 1743.6282719584906)).toBeLessThan(1e-6);
    expect(rel(doc.fixef[0]!.estimate, 251.405104848484)).toBeLessThan(1e-5);
    expect(rel(doc.fixef[1]!.stdError, 1.5457888928884913)).toBeLessThan(1e-5);
    expect(doc.varCorr.map((v) => `${v.group}/${v.term}`)).toEqual([
      'Subject/(Intercept)',
      'Subject/Days',
      'Residual/',
    ]);
    // sigma 25.591815738629556 (tight refit), 1e-4 for variance components
    expect(rel(doc.varCorr[2]!.sd, 25.591815738629556)).toBeLessThan(1e-4);
    expect(doc.correlations).toHaveLength(1);
    expect(doc.ngroups).toEqual({ Subject: 18 });
    expect(doc.nobs).toBe(180);
    expect(doc.ranef.Subject!.levels).toHaveLength(18);
    expect(doc.ranef.Subject!.values).toHaveLength(2);
  });

  it('mixture faithful eruptions, K = 2, V: the MLE (logLik -276.3600 as mixtools/mclust tight)', () => {
    const doc = runJson<{
      logLik: number;
      weights: number[];
      means: number[];
      variances: number[];
      converged: boolean;
    }>(['mixture', '--dataset', 'faithful', '--columns', 'eruptions', '--k', '2', '--json']);
    // mixtools_faithful_eruptions_k2.json: MLE log-likelihood -276.3600 (printed to 4 decimals)
    expect(Math.abs(doc.logLik - -276.36)).toBeLessThan(5e-5);
    expect(doc.converged).toBe(true);
    expect(doc.weights).toHaveLength(2);
    expect(doc.variances).toHaveLength(2);
  });

  it('bad usage: unknown column, non-integer K, unknown model', () => {
    const a = run(['mixture', '--dataset', 'faithful', '--columns', 'nope', '--k', '2']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/column 'nope'/);
    const b = run(['mixture', '--dataset', 'faithful', '--columns', 'eruptions', '--k', 'two']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--k must be a positive integer/);
    const c = run([
      'mixture',
      '--dataset',
      'faithful',
      '--columns',
      'eruptions',
      '--k',
      '2',
      '--model',
      'VVV',
    ]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/--model for one column is E or V/);
    const d = run(['lmm', '--dataset', 'sleepstudy', '--formula', 'Reaction ~ Days']);
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/no random-effects term/);
  });
});
