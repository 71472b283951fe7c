import {
  type DenseMatrix,
  type QrPivoted,
  qrPivotedInPlace,
  qrQtyInPlace,
  qrQyInPlace,
  qrSolveRInPlace,
} from '@likelihood/linalg';

/** Result of `leastSquaresInPlace`, the fields of R's `Cdqrls`. */
export interface LeastSquaresResult {
  /** R's pivoted QR (`dqrdc2`) of X, stored in X's own array. */
  readonly decomposition: QrPivoted;
  /** Length p, in ORIGINAL column order; aliased columns hold 0 (callers set NaN / R's NA). */
  readonly coefficients: Float64Array;
  /** Q'y (R's `effects`). */
  readonly effects: Float64Array;
  /** y - X b = Q [0; (Q'y)_{rank+1..n}] (dqrsl's `rsd`). */
  readonly residuals: Float64Array;
}

/**
 * Least squares b = argmin ||y - X b|| as R's `Cdqrls`: the pivoted QR of X by linalg's
 * `qrPivotedInPlace` (LINPACK `dqrdc2`), then `dqrsl`'s qty, coefficient and residual steps.
 * Destroys X (its data becomes the compact QR: no n × p copy); `y` is not modified.
 */
export function leastSquaresInPlace(
  X: DenseMatrix,
  y: ArrayLike<number>,
  tol: number,
): LeastSquaresResult {
  const d = qrPivotedInPlace(X, tol);
  const p = X.cols;
  const effects = qrQtyInPlace(d, Float64Array.from(y));
  const bPiv = qrSolveRInPlace(d, effects.slice(0, d.rank));
  const coefficients = new Float64Array(p);
  for (let j = 0; j < d.rank; j++) coefficients[d.pivot[j]!] = bPiv[j]!;
  const residuals = Float64Array.from(effects);
  residuals.fill(0, 0, Math.min(d.rank, residuals.length));
  qrQyInPlace(d, residuals);
  return { decomposition: d, coefficients, effects, residuals };
}
