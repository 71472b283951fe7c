import { type OptimResult, bobyqa, nelderMeadBounded } from '@likelihood/optim';
import type { ThetaOptimizer, ThetaOptimizerResult } from './optimize-theta.js';

/** An optim result as the θ optimizer's: evaluations = function count, a message always. */
function thetaResult(r: OptimResult): ThetaOptimizerResult {
  return {
    par: r.par,
    value: r.value,
    evaluations: r.counts.function,
    convergence: r.convergence,
    message: r.message ?? (r.convergence === 0 ? 'converged' : `convergence code ${r.convergence}`),
  };
}

/**
 * The default θ optimizer, as lme4's: Powell's BOBYQA from @likelihood/optim (bounded,
 * derivative-free, quadratic models), initial radius 0.2 (its default from lme4's start θ),
 * final radius 1e-7 — about 70 deviance evaluations for a 3-parameter θ, with θ within ~1e-7 of
 * the exact optimum on the reference problems (lme4's default stop is ~1e-4 away).
 */
export const bobyqaTheta: ThetaOptimizer = (fn, par0, lower, upper) =>
  thetaResult(bobyqa(fn, par0, { lower, upper, rhoend: 1e-7, maxfun: 20000 }));

/**
 * Alternative θ optimizer: bounded Nelder–Mead of @likelihood/optim (lme4's `Nelder_Mead`
 * semantics, projected onto the box), stopped at a relative simplex diameter of 1e-8 (lme4's
 * xtol) and verified by restarts from the best point (several times more evaluations than
 * BOBYQA, useful as a cross-check).
 */
export const nelderMeadTheta: ThetaOptimizer = (fn, par0, lower, upper) =>
  thetaResult(nelderMeadBounded(fn, par0, { lower, upper, xtolRel: 1e-8, maxfun: 20000 }));
