import { nelderMeadBounded } from '@likelihood/optim';
import { describe, expect, it } from 'vitest';
import { sleepstudyInput } from './csv.test-helper.js';
import { formatLmmSummary } from './format-lmm-summary.js';
import { lmmFromMatrices } from './lmm-from-matrices.js';
import type { ThetaOptimizer } from './optimize-theta.js';

describe('optimizer non-convergence is a warning on the result, not a throw', () => {
  it('an evaluation limit of 5 gives converged = false and a warning', () => {
    const limited: ThetaOptimizer = (fn, par0, lower, upper) => {
      const r = nelderMeadBounded(fn, par0, { lower, upper, maxfun: 5 });
      return {
        par: r.par,
        value: r.value,
        evaluations: r.counts.function,
        convergence: r.convergence,
        message: r.message ?? 'maximum number of function evaluations reached',
      };
    };
    const fit = lmmFromMatrices(sleepstudyInput(), {
      optimizer: limited,
      optimizerName: 'limited',
    });
    expect(fit.optimizer.converged).toBe(false);
    expect(fit.warnings.some((w) => w.includes('did not converge'))).toBe(true);
    expect(Number.isFinite(fit.logLik)).toBe(true);
    expect(formatLmmSummary(fit)).toMatch(/optimizer \(limited\) convergence code: 1/);
  });
});
