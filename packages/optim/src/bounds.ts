import { checkBounds, expand, toParameters } from './checks.js';
import { InvalidArgumentError } from './errors.js';

/** Lower and upper bounds expanded to length n (`-Infinity`/`Infinity` when absent). */
export interface Bounds {
  lower: Float64Array;
  upper: Float64Array;
}

/** Expand and check `lower`/`upper` against a parameter vector of length n. */
export function resolveBounds(
  lower: number | ArrayLike<number> | undefined,
  upper: number | ArrayLike<number> | undefined,
  n: number,
): Bounds {
  const lo = expand(lower, Number.NEGATIVE_INFINITY, n, 'lower');
  const up = expand(upper, Number.POSITIVE_INFINITY, n, 'upper');
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(lo[i])) throw new InvalidArgumentError('lower', `lower[${i}] is NaN`);
    if (Number.isNaN(up[i])) throw new InvalidArgumentError('upper', `upper[${i}] is NaN`);
  }
  checkBounds(lo, up);
  return { lower: lo, upper: up };
}

/** Check that `x` lies inside the box; names the first coordinate outside. */
export function assertInside(x: Float64Array, { lower, upper }: Bounds, argument = 'par'): void {
  for (let i = 0; i < x.length; i++) {
    if (x[i] < lower[i] || x[i] > upper[i]) {
      throw new InvalidArgumentError(
        argument,
        `${argument}[${i}] = ${x[i]} lies outside [${lower[i]}, ${upper[i]}]`,
      );
    }
  }
}

/**
 * The checked start of a box-constrained method: `par` as parameters, `lower`/`upper` resolved
 * to its length, and `par` inside [lower, upper] (else the error names the coordinate).
 */
export function startInBox(
  par: ArrayLike<number>,
  lower: number | ArrayLike<number> | undefined,
  upper: number | ArrayLike<number> | undefined,
): { x0: Float64Array; bounds: Bounds } {
  const x0 = toParameters(par);
  const bounds = resolveBounds(lower, upper, x0.length);
  assertInside(x0, bounds);
  return { x0, bounds };
}
