import { type DenseMatrix, fromRows } from '@likelihood/linalg';
import {
  InvalidWeightsError,
  MixtureDimensionError,
  MixtureInputError,
  NonFiniteDataError,
  TooManyComponentsError,
} from './errors.js';
import type { GaussianMixture1d, UnivariateModelName } from './types.js';

/** Copies univariate data to a Float64Array, throwing `NonFiniteDataError` at the first bad entry. */
export function checkData1d(y: ArrayLike<number>, argument = 'y'): Float64Array {
  const out = Float64Array.from(y);
  if (out.length === 0) throw new MixtureInputError(argument, 'has no observations');
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i]!)) throw new NonFiniteDataError(argument, i, 0, out[i]!);
  }
  return out;
}

/** Data as an n x d column-major matrix (from rows or a `DenseMatrix`), all finite. */
export function checkDataMv(
  X: DenseMatrix | ReadonlyArray<ArrayLike<number>>,
  argument = 'X',
): DenseMatrix {
  let M: DenseMatrix;
  if ('data' in X && 'rows' in X && 'cols' in X) M = X as DenseMatrix;
  else {
    const rows = X as ReadonlyArray<ArrayLike<number>>;
    const d = rows.length > 0 ? rows[0]!.length : 0;
    rows.forEach((r, i) => {
      if (r.length !== d)
        throw new MixtureDimensionError(
          argument,
          `row ${i} has ${r.length} columns, expected ${d}`,
        );
    });
    M = fromRows(rows);
  }
  if (M.rows === 0 || M.cols === 0) throw new MixtureInputError(argument, 'is empty');
  const { rows: n, data } = M;
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k]!))
      throw new NonFiniteDataError(argument, k % n, Math.floor(k / n), data[k]!);
  }
  return M;
}

/** K must be a positive integer not larger than the number of distinct observations. */
export function checkK(K: number, distinct: number): void {
  if (!Number.isInteger(K) || K < 1)
    throw new MixtureInputError('K', `must be a positive integer, got ${K}`);
  if (K > distinct) {
    throw new TooManyComponentsError(
      'K',
      `K = ${K} exceeds the number of distinct data points (${distinct})`,
    );
  }
}

/**
 * Number of distinct rows of an n x d column-major matrix, counting stops at `cap` (the scan
 * ends as soon as `cap` distinct rows were seen, so checking K costs O(K) for typical data).
 */
export function countDistinctRows(X: DenseMatrix, cap = Number.POSITIVE_INFINITY): number {
  const { rows: n, cols: d, data } = X;
  const seen = new Set<string>();
  const key: number[] = new Array(d);
  for (let i = 0; i < n && seen.size < cap; i++) {
    for (let j = 0; j < d; j++) key[j] = data[i + j * n]!;
    seen.add(key.join(','));
  }
  return seen.size;
}

/** Number of distinct values, counting stops at `cap`. */
export function countDistinct(y: Float64Array, cap = Number.POSITIVE_INFINITY): number {
  const seen = new Set<number>();
  for (let i = 0; i < y.length && seen.size < cap; i++) seen.add(y[i]!);
  return seen.size;
}

/** Weights must have length K, be positive and sum to 1 within 1e-8. */
export function checkWeights(w: ArrayLike<number>, K: number, argument: string): Float64Array {
  if (w.length !== K)
    throw new MixtureDimensionError(argument, `has length ${w.length}, expected K = ${K}`);
  let s = 0;
  for (let k = 0; k < K; k++) {
    if (!(w[k]! > 0) || !Number.isFinite(w[k]!))
      throw new InvalidWeightsError(
        argument,
        `weight ${k} is ${w[k]}, expected a number in (0, 1]`,
      );
    s += w[k]!;
  }
  if (Math.abs(s - 1) > 1e-8)
    throw new InvalidWeightsError(argument, `weights sum to ${s}, expected 1 (within 1e-8)`);
  return Float64Array.from(w);
}

/** A length-K vector of positive finite numbers. */
export function checkPositive(v: ArrayLike<number>, K: number, argument: string): Float64Array {
  if (v.length !== K)
    throw new MixtureDimensionError(argument, `has length ${v.length}, expected K = ${K}`);
  for (let k = 0; k < K; k++) {
    if (!(v[k]! > 0) || !Number.isFinite(v[k]!))
      throw new MixtureInputError(argument, `entry ${k} is ${v[k]}, expected a positive number`);
  }
  return Float64Array.from(v);
}

/** A length-K vector of finite numbers. */
export function checkFinite(v: ArrayLike<number>, K: number, argument: string): Float64Array {
  if (v.length !== K)
    throw new MixtureDimensionError(argument, `has length ${v.length}, expected K = ${K}`);
  for (let k = 0; k < K; k++) {
    if (!Number.isFinite(v[k]!))
      throw new MixtureInputError(argument, `entry ${k} is ${v[k]}, expected a finite number`);
  }
  return Float64Array.from(v);
}

/** A univariate model name, "V" (unequal variances) by default. */
export function checkModel1d(model: UnivariateModelName | undefined): UnivariateModelName {
  const m = model ?? 'V';
  if (m !== 'E' && m !== 'V')
    throw new MixtureInputError('model', `must be 'E' or 'V', got '${m as string}'`);
  return m;
}

/** A univariate start: weights summing to 1, finite means, positive variances (each length K). */
export function checkStart1d(
  start: { weights: ArrayLike<number>; means: ArrayLike<number>; variances: ArrayLike<number> },
  K: number,
): GaussianMixture1d {
  return {
    weights: checkWeights(start.weights, K, 'start.weights'),
    means: checkFinite(start.means, K, 'start.means'),
    variances: checkPositive(start.variances, K, 'start.variances'),
  };
}
