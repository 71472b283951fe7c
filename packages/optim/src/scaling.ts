import { expand, gradientInto } from './checks.js';
import { InvalidArgumentError } from './errors.js';
import { optimHess } from './finite-difference.js';
import type { Gradient, Objective, OptimResult } from './types.js';

/** R's `fnscale`/`parscale` controls. */
export interface ScaleOptions {
  /**
   * Objective scale: the optimizer minimizes f/fnscale (R's `fnscale`); −1 maximizes.
   * `value` is reported on the original scale. Default 1.
   */
  fnscale?: number;
  /** Parameter scales: the optimizer works on par/parscale (R's `parscale`). Default 1. */
  parscale?: number | ArrayLike<number>;
  hessian?: boolean;
  ndeps?: number | ArrayLike<number>;
}

/** An objective, gradient and start expressed on R's scaled parameters p = par/parscale. */
export interface ScaledProblem {
  fn: Objective;
  gr: Gradient | undefined;
  par: Float64Array;
  parscale: Float64Array;
  fnscale: number;
}

/**
 * Wrap fn and gr as R's `fminfn`/`fmingr` do: f_s(p) = fn(p·parscale)/fnscale,
 * g_s(p) = gr(p·parscale)·parscale/fnscale. Returns the inputs unchanged when both scales are 1.
 */
export function scaleProblem(
  fn: Objective,
  gr: Gradient | undefined,
  par: Float64Array,
  options: ScaleOptions,
): ScaledProblem {
  const n = par.length;
  const fnscale = options.fnscale ?? 1;
  if (!Number.isFinite(fnscale) || fnscale === 0) {
    throw new InvalidArgumentError('fnscale', `must be finite and non-zero, got ${fnscale}`);
  }
  const parscale = expand(options.parscale, 1, n, 'parscale');
  let identity = fnscale === 1;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(parscale[i]) && parscale[i] !== 0)) {
      throw new InvalidArgumentError(
        'parscale',
        `parscale[${i}] = ${parscale[i]} must be finite and non-zero`,
      );
    }
    if (parscale[i] !== 1) identity = false;
  }
  if (identity) return { fn, gr, par, parscale, fnscale };
  const xs = new Float64Array(n);
  const raw = new Float64Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = par[i] / parscale[i];
  const fs: Objective = (q) => {
    for (let i = 0; i < n; i++) xs[i] = q[i] * parscale[i];
    return fn(xs) / fnscale;
  };
  const gs: Gradient | undefined =
    gr === undefined
      ? undefined
      : (q, out) => {
          for (let i = 0; i < n; i++) xs[i] = q[i] * parscale[i];
          gradientInto(gr, xs, raw);
          for (let i = 0; i < n; i++) out[i] = (raw[i] * parscale[i]) / fnscale;
          return out;
        };
  return { fn: fs, gr: gs, par: p, parscale, fnscale };
}

/**
 * Map a result found on the scaled problem back (par·parscale, value·fnscale) and add R's
 * `optimhess` Hessian of the original objective when `options.hessian` is set. Mutates `result`.
 */
export function unscaleResult(
  result: OptimResult,
  problem: ScaledProblem,
  fn: Objective,
  gr: Gradient | undefined,
  options: ScaleOptions,
): OptimResult {
  const { parscale, fnscale } = problem;
  if (problem.fn !== fn) {
    for (let i = 0; i < result.par.length; i++) result.par[i] *= parscale[i];
    result.value *= fnscale;
  }
  if (options.hessian) {
    result.hessian = optimHess(fn, result.par, gr, {
      ndeps: options.ndeps,
      fnscale,
      parscale,
    });
  }
  return result;
}
