import type { Bounds } from './bounds.js';
import { evaluateStart } from './checks.js';
import { optimHess } from './finite-difference.js';
import type { CommonOptions, Objective, OptimResult } from './types.js';

/** A problem with the coordinates fixed by lower_i = upper_i removed. */
export interface ReducedProblem {
  /** Indices of the free coordinates. */
  free: Int32Array;
  fn: Objective;
  x0: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** Full parameter vector from a reduced one (fixed coordinates at their bound). */
  expand(z: ArrayLike<number>): Float64Array;
}

/** Options of the reduced problem: its bounds, and no Hessian (the caller adds the full one). */
export interface ReducedBox {
  lower: Float64Array;
  upper: Float64Array;
  hessian: false;
}

/**
 * Drop coordinates with lower_i = upper_i (fixed parameters) so derivative-free methods never
 * build degenerate simplices or interpolation sets. Returns null when every coordinate is free.
 */
export function reduceFixed(
  fn: Objective,
  x0: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
): ReducedProblem | null {
  const n = x0.length;
  const freeList: number[] = [];
  for (let i = 0; i < n; i++) if (!(lower[i] === upper[i])) freeList.push(i);
  if (freeList.length === n) return null;
  const free = Int32Array.from(freeList);
  const full = Float64Array.from(x0);
  for (let i = 0; i < n; i++) if (lower[i] === upper[i]) full[i] = lower[i];
  const expand = (z: ArrayLike<number>): Float64Array => {
    const x = Float64Array.from(full);
    for (let k = 0; k < free.length; k++) x[free[k]] = z[k];
    return x;
  };
  const work = Float64Array.from(full);
  const reducedFn: Objective = (z) => {
    for (let k = 0; k < free.length; k++) work[free[k]] = z[k];
    return fn(work);
  };
  const pick = (v: Float64Array): Float64Array => Float64Array.from(freeList, (i) => v[i]);
  return { free, fn: reducedFn, x0: pick(x0), lower: pick(lower), upper: pick(upper), expand };
}

/**
 * Run a bounded derivative-free method over the free coordinates only when some lower_i =
 * upper_i: `solveReduced` minimizes the reduced problem with `box` (its bounds, and
 * `hessian: false`) in its options; its `par` is expanded back with the fixed coordinates at
 * their bound, and with `options.hessian` the Hessian of the full `fn` is added (R's optimHess,
 * `ndeps` steps). With no free coordinate left the result is f at the start (one evaluation,
 * convergence 0). Returns null when every coordinate is free (the caller then solves the full
 * problem).
 */
export function solveWithFixed(
  fn: Objective,
  x0: Float64Array,
  bounds: Bounds,
  options: CommonOptions,
  solveReduced: (reduced: ReducedProblem, box: ReducedBox) => OptimResult,
): OptimResult | null {
  const reduced = reduceFixed(fn, x0, bounds.lower, bounds.upper);
  if (reduced === null) return null;
  // fixed parameters (lower = upper) are held at their bound; search over the rest
  const full = reduced.expand(reduced.x0);
  if (reduced.free.length === 0) {
    return {
      par: full,
      value: evaluateStart(fn, full),
      counts: { function: 1, gradient: null },
      convergence: 0,
      message: null,
    };
  }
  const sub = solveReduced(reduced, {
    lower: reduced.lower,
    upper: reduced.upper,
    hessian: false,
  });
  const result: OptimResult = { ...sub, par: reduced.expand(sub.par) };
  if (options.hessian) {
    result.hessian = optimHess(fn, result.par, undefined, { ndeps: options.ndeps });
  }
  return result;
}
