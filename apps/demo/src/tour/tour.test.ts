import { describe, expect, it } from 'vitest';
import { expectClose, lines } from './expect-close.js';
import { tour } from './index.js';

// The whole tour runs once here (the NELS fits take seconds, so NELS is checked only here).
// Figures: seed 000 §6.2 (moths, options(digits = 4)), R's full-precision results
// (/work/shared/reference/moths.json) and seed 001 (NELS, Hoff's STA 610 printouts).
describe('tour', async () => {
  const { text, json } = await tour();
  const out = lines(text);

  it('runs the examples in the order of the source texts, each with one line saying what it shows', () => {
    expect(Object.keys(json)).toEqual([
      'moths',
      'vegetables',
      'ceb',
      'machinesBonds',
      'wheat',
      'nels',
      'mixture',
      'linalg',
    ]);
    const headers = out.filter((l) => l.startsWith('== '));
    expect(headers).toHaveLength(8);
    for (const h of headers) {
      const shows = out[out.indexOf(h) + 1]!;
      expect(shows.length).toBeGreaterThan(20);
    }
  });

  it('moths: R optim path, the start error and the predicted genotype counts', () => {
    expect(text).toContain(
      '$par\n[1] 0.07085 0.18872\n$value\n[1] 600.5\n$counts\nfunction gradient \n      71       NA ',
    );
    expect(text).toContain('function cannot be evaluated at initial parameters');
    expect(text).toContain('[1]   3.122  16.630  65.248  22.155 173.845 341.000');
    const moths = json.moths as {
      nelderMead: { par: number[]; value: number; counts: { function: number } };
      mle: { par: number[]; value: number };
      em: { par: number[]; iterations: number; se: number[] };
    };
    expect(moths.nelderMead.counts.function).toBe(71);
    // R: 0.07084643392857301, 0.18871899651849319 (optim's Nelder–Mead), 1e-10 absolute
    expect(Math.abs(moths.nelderMead.par[0]! - 0.07084643392857301)).toBeLessThan(1e-10);
    expect(Math.abs(moths.nelderMead.par[1]! - 0.18871899651849319)).toBeLessThan(1e-10);
    // exact MLE (0.0708369080, 0.1887365181): BFGS stops within ~4e-8 (reltol 1e-14 on f)
    expect(Math.abs(moths.mle.par[0]! - 0.070836908)).toBeLessThan(1e-7);
    expect(Math.abs(moths.mle.par[1]! - 0.1887365181)).toBeLessThan(1e-7);
    // DESIGN.md's CLI contract: moths.em { par, iterations, se }
    expect(moths.em.iterations).toBe(20);
    expect(moths.em.se).toHaveLength(2);
  });

  it("NELS: Hoff's brute-force ML over 684 schools and the lmer fits", () => {
    for (const line of [
      '[1] 50.93914 73.70881 23.63382',
      '[1] 46956.63',
      '      27       27 ',
      ' 93919.3  93941.7 -46956.6  93913.3    12971 ',
      '-3.8112 -0.6534  0.0093  0.6732  4.6999 ',
      ' school   (Intercept) 23.63    4.861   ',
      ' Residual             73.71    8.585   ',
      'Number of obs: 12974, groups:  school, 684',
      '(Intercept)  50.9391     0.2026   251.4',
      ' 92397.7  92457.5 -46190.9  92381.7    12966 ',
      '-3.9797 -0.6399  0.0180  0.6681  4.5053 ',
      '          ses          1.600   1.265    0.05',
      'flp    -0.815              ',
      'ses    -0.202  0.212  0.007',
    ]) {
      expect(out).toContain(line);
    }
    const nels = json.nels as {
      optim: { par: number[]; value: number; se: number[] };
      oneway: { logLik: number; sigma: number };
      randomSlope: { logLik: number; fixef: { estimate: number }[] };
    };
    // seed: 50.9391407, 73.708808, 23.6338229 (printed 9 digits). L-BFGS-B stops where R's
    // does (27 evaluations) but the objective's rounding differs: 1e-6 relative.
    expectClose(nels.optim.par[0]!, 50.9391407, 1e-6, 'mu');
    expectClose(nels.optim.par[1]!, 73.708808, 1e-6, 'sigma2');
    expectClose(nels.optim.par[2]!, 23.6338229, 1e-6, 'tau2');
    // the SE of mu (seed 0.2026422) is stable; the variance SEs come from a finite-difference
    // Hessian of a 47000-sized objective (noise ~1e-5 relative in R's and ours): 1e-4
    expectClose(nels.optim.se[0]!, 0.2026422, 5e-7, 'se mu');
    expectClose(nels.optim.se[1]!, 0.9411003, 1e-4, 'se sigma2');
    expectClose(nels.optim.se[2]!, 1.5430536, 1e-4, 'se tau2');
    // brute force and profiled ML agree: 1e-9 relative on the log-likelihood
    expectClose(-nels.oneway.logLik, nels.optim.value, 1e-9, 'ML two ways');
    // lme4 (R 4.2.2, lme4 1.1-31): logLik -46190.8610880246; ours is the same optimum (lme4 stops
    // ~1e-5 early in theta, so we are higher by ~5e-8): 1e-11 relative, never lower than R
    expectClose(nels.randomSlope.logLik, -46190.8610880246, 1e-11, 'random-slope logLik');
    expect(nels.randomSlope.logLik).toBeGreaterThanOrEqual(-46190.8610880246);
  });
});
