import type { Objective } from './types.js';

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
