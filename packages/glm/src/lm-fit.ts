import type { DenseMatrix, QrPivoted } from '@likelihood/linalg';
import { GlmArgumentError, LengthMismatchError, NonFiniteInputError } from './errors.js';
import { leastSquaresInPlace } from './least-squares.js';

/** Options of `lmFit` (R's `lm.fit` / `lm.wfit`). */
export interface LmFitOptions {
  /** Prior weights (>= 0); rows with weight 0 do not enter the QR (R's `lm.wfit`). */
  readonly weights?: ArrayLike<number>;
  readonly columnNames?: readonly string[];
  /** Whether the model has an intercept (default: X has a column of ones). */
  readonly intercept?: boolean;
  /** QR tolerance (R's default 1e-7). */
  readonly tol?: number;
}

/** A least-squares fit, the fields of R's `lm.fit` value. */
export interface LmFitResult {
  readonly X: DenseMatrix;
  readonly y: Float64Array;
  readonly weights: Float64Array | undefined;
  readonly columnNames: readonly string[];
  /** beta-hat, NaN (R's NA) for aliased columns. */
  readonly coefficients: Float64Array;
  readonly residuals: Float64Array;
  readonly fittedValues: Float64Array;
  /** Q' sqrt(w) y over the rows in the QR (R's `effects`). */
  readonly effects: Float64Array;
  readonly rank: number;
  /** QR of sqrt(w) X over the rows with non-zero weight. */
  readonly qr: QrPivoted;
  /** Rows in the QR (weight > 0). */
  readonly good: Uint8Array;
  readonly dfResidual: number;
  readonly intercept: boolean;
}

function hasOnesColumn(X: DenseMatrix): boolean {
  const { rows: n, cols: p, data } = X;
  for (let j = 0; j < p; j++) {
    let ones = true;
    for (let i = 0; i < n && ones; i++) if (data[j * n + i] !== 1) ones = false;
    if (ones) return true;
  }
  return false;
}

/**
 * Least squares beta-hat = argmin sum_i w_i (y_i - x_i' beta)^2 by R's pivoted Householder QR
 * of sqrt(w) X (`dqrdc2`, tol 1e-7), as R's `lm.fit` / `lm.wfit`: aliased columns get NaN.
 */
export function lmFit(
  X: DenseMatrix,
  y: ArrayLike<number>,
  options: LmFitOptions = {},
): LmFitResult {
  const { rows: n, cols: p } = X;
  if (y.length !== n) throw new LengthMismatchError('y', y.length, n);
  const yy = Float64Array.from(y);
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(yy[i]!)) throw new NonFiniteInputError('y', i, yy[i]!);
  for (let k = 0; k < X.data.length; k++) {
    if (!Number.isFinite(X.data[k]!)) {
      throw new NonFiniteInputError(
        'X',
        k % n,
        X.data[k]!,
        options.columnNames?.[Math.floor(k / n)],
      );
    }
  }
  const columnNames = options.columnNames ?? Array.from({ length: p }, (_, j) => `X${j + 1}`);
  if (columnNames.length !== p) throw new LengthMismatchError('columnNames', columnNames.length, p);
  let w: Float64Array | undefined;
  if (options.weights !== undefined) {
    if (options.weights.length !== n)
      throw new LengthMismatchError('weights', options.weights.length, n);
    w = Float64Array.from(options.weights);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(w[i]!) || w[i]! < 0) {
        throw new GlmArgumentError(
          'weights',
          `weights[${i}] = ${w[i]} is not a finite non-negative number`,
        );
      }
    }
  }
  const good = new Uint8Array(n);
  let ng = 0;
  for (let i = 0; i < n; i++) {
    good[i] = w === undefined || w[i]! > 0 ? 1 : 0;
    ng += good[i]!;
  }
  const xw = new Float64Array(ng * p);
  const yw = new Float64Array(ng);
  for (let i = 0, r = 0; i < n; i++) {
    if (!good[i]) continue;
    const s = w === undefined ? 1 : Math.sqrt(w[i]!);
    yw[r] = yy[i]! * s;
    for (let j = 0; j < p; j++) xw[j * ng + r] = X.data[j * n + i]! * s;
    r++;
  }
  const ls = leastSquaresInPlace({ rows: ng, cols: p, data: xw }, yw, options.tol ?? 1e-7);
  const d = ls.decomposition;
  const coefficients = ls.coefficients;
  for (let j = d.rank; j < p; j++) coefficients[d.pivot[j]!] = Number.NaN;
  const fitted = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const b = coefficients[j]!;
    if (Number.isNaN(b)) continue;
    for (let i = 0; i < n; i++) fitted[i] = fitted[i]! + X.data[j * n + i]! * b;
  }
  const residuals = new Float64Array(n);
  for (let i = 0, r = 0; i < n; i++) {
    if (good[i]) {
      // Residuals from the QR (as R): rsd / sqrt(w).
      const s = w === undefined ? 1 : Math.sqrt(w[i]!);
      residuals[i] = ls.residuals[r]! / s;
      fitted[i] = yy[i]! - residuals[i]!;
      r++;
    } else {
      residuals[i] = yy[i]! - fitted[i]!;
    }
  }
  return {
    X,
    y: yy,
    weights: w,
    columnNames,
    coefficients,
    residuals,
    fittedValues: fitted,
    effects: ls.effects,
    rank: d.rank,
    qr: d,
    good,
    dfResidual: ng - d.rank,
    intercept: options.intercept ?? hasOnesColumn(X),
  };
}
