import { nelderMeadBounded } from '@likelihood/optim';
import type { ThetaOptimizer } from './optimize-theta.js';

/**
 * The default θ optimizer: bounded Nelder–Mead of @likelihood/optim (lme4's `Nelder_Mead`
 * semantics, projected onto the box), stopped at a relative simplex diameter of 1e-8 (lme4's
 * xtol) and verified by restarts from the best point, which puts θ within ~1e-6 of the exact
 * optimum on the reference problems (lme4's default BOBYQA stop is ~1e-4 away).
 */
export const nelderMeadTheta: ThetaOptimizer = (fn, par0, lower, upper) => {
  const r = nelderMeadBounded(fn, par0, { lower, upper, xtolRel: 1e-8, maxfun: 20000 });
  return {
    par: r.par,
    value: r.value,
    evaluations: r.counts.function,
    convergence: r.convergence,
    message: r.message ?? (r.convergence === 0 ? 'converged' : `convergence code ${r.convergence}`),
  };
};
