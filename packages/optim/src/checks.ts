import {
  DimensionMismatchError,
  GradientLengthError,
  InvalidArgumentError,
  NonFiniteStartError,
} from './errors.js';
import type { Gradient, Objective } from './types.js';

/** Copy `par` to a fresh Float64Array, checking it is non-empty and finite. */
export function toParameters(par: ArrayLike<number>, argument = 'par'): Float64Array {
  if (par == null || typeof par.length !== 'number' || par.length === 0) {
    throw new InvalidArgumentError(argument, 'must be a non-empty array of numbers');
  }
  const x = Float64Array.from(par);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new InvalidArgumentError(argument, `element ${i} is ${x[i]}, not a finite number`);
    }
  }
  return x;
}

/** Expand a scalar or vector option to length n, checking the length. */
export function expand(
  value: number | ArrayLike<number> | undefined,
  fallback: number,
  n: number,
  argument: string,
): Float64Array {
  const out = new Float64Array(n);
  if (value === undefined) {
    out.fill(fallback);
  } else if (typeof value === 'number') {
    out.fill(value);
  } else {
    if (value.length === 1) out.fill(value[0]);
    else if (value.length === n) out.set(Array.from(value));
    else throw new DimensionMismatchError(argument, value.length, n);
  }
  return out;
}

/** Evaluate f at the start; throw NonFiniteStartError unless the value is finite. */
export function evaluateStart(fn: Objective, x: Float64Array): number {
  const f = fn(x);
  if (typeof f !== 'number' || !Number.isFinite(f)) throw new NonFiniteStartError('par', f);
  return f;
}

/** Evaluate a user gradient into `out`, checking its length. Mutates `out`. */
export function gradientInto(gr: Gradient, x: Float64Array, out: Float64Array): Float64Array {
  const g = gr(x, out);
  if (g === out) return out;
  if (g == null || g.length !== out.length) {
    throw new GradientLengthError(g == null ? 0 : g.length, out.length);
  }
  for (let i = 0; i < out.length; i++) out[i] = g[i];
  return out;
}

/** Check `lower <= upper` elementwise and that both have length n. */
export function checkBounds(lower: Float64Array, upper: Float64Array): void {
  for (let i = 0; i < lower.length; i++) {
    if (!(lower[i] <= upper[i])) {
      throw new InvalidArgumentError(
        'lower',
        `lower[${i}] = ${lower[i]} exceeds upper[${i}] = ${upper[i]}`,
      );
    }
  }
}
