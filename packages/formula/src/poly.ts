import { type DenseMatrix, dense } from '@likelihood/linalg';
import { EvaluationError } from './errors.js';

/** R's `attr(poly(x, k), "coefs")`: the recurrence coefficients, to evaluate on new data. */
export interface PolyCoefs {
  readonly alpha: Float64Array;
  /** `norm2[0] = 1`, `norm2[1] = n`, `norm2[j + 1] = sum(P_j(x)^2)`. */
  readonly norm2: Float64Array;
}

/**
 * R's `poly(x, degree)`: the orthonormal polynomials of degree 1..k on the points x, from the
 * three-term recurrence P_0 = 1, P_1 = x - alpha_0,
 * P_{j+1} = (x - alpha_j) P_j - (norm2_{j+1} / norm2_j) P_{j-1}, with
 * alpha_j = sum(x P_j^2) / sum(P_j^2), columns scaled to unit length (P_j / sqrt(norm2_{j+1})).
 * Equals R's QR construction (positive leading coefficients); `coefs` as R stores them.
 */
export function orthoPoly(
  x: ArrayLike<number>,
  degree: number,
): { Z: DenseMatrix; coefs: PolyCoefs } {
  const n = x.length;
  if (!Number.isInteger(degree) || degree < 1)
    throw new EvaluationError(`poly: 'degree' must be a positive integer, got ${degree}`);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (!Number.isFinite(v))
      throw new EvaluationError(`poly: missing or non-finite value at row ${i}`);
    mean += v;
  }
  mean /= n;
  if (new Set(Array.from(x)).size <= degree)
    throw new EvaluationError("poly: 'degree' must be less than number of unique points");
  const xc = new Float64Array(n);
  for (let i = 0; i < n; i++) xc[i] = x[i]! - mean;
  const alpha = new Float64Array(degree);
  const norm2 = new Float64Array(degree + 2);
  norm2[0] = 1;
  norm2[1] = n;
  const P = new Float64Array(n * (degree + 1)); // unscaled P_0..P_k, column-major
  P.fill(1, 0, n);
  for (let j = 0; j < degree; j++) {
    // alpha_j on the centred points, from P_j.
    let sxp = 0;
    for (let i = 0; i < n; i++) {
      const p = P[j * n + i]!;
      sxp += xc[i]! * p * p;
    }
    const a = sxp / norm2[j + 1]!;
    alpha[j] = a + mean;
    const ratio = j === 0 ? 0 : norm2[j + 1]! / norm2[j]!;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const prev = j === 0 ? 0 : P[(j - 1) * n + i]!;
      const v = (xc[i]! - a) * P[j * n + i]! - ratio * prev;
      P[(j + 1) * n + i] = v;
      s += v * v;
    }
    norm2[j + 2] = s;
  }
  const Z = dense(n, degree);
  for (let j = 1; j <= degree; j++) {
    const scale = 1 / Math.sqrt(norm2[j + 1]!);
    for (let i = 0; i < n; i++) Z.data[(j - 1) * n + i] = P[j * n + i]! * scale;
  }
  return { Z, coefs: { alpha, norm2 } };
}

/** R's `predict(poly(x, k), newx)`: the orthonormal polynomials of `coefs` at new points. */
export function predictOrthoPoly(x: ArrayLike<number>, coefs: PolyCoefs): DenseMatrix {
  const n = x.length;
  const degree = coefs.alpha.length;
  const { alpha, norm2 } = coefs;
  const Z = dense(n, degree);
  for (let i = 0; i < n; i++) {
    let pm1 = 1;
    let p = x[i]! - alpha[0]!;
    Z.data[i] = p / Math.sqrt(norm2[2]!);
    for (let j = 1; j < degree; j++) {
      const next = (x[i]! - alpha[j]!) * p - (norm2[j + 1]! / norm2[j]!) * pm1;
      pm1 = p;
      p = next;
      Z.data[j * n + i] = p / Math.sqrt(norm2[j + 2]!);
    }
  }
  return Z;
}

/** R's `poly(x, degree, raw = TRUE)`: the columns x, x^2, …, x^k. */
export function rawPoly(x: ArrayLike<number>, degree: number): DenseMatrix {
  const n = x.length;
  const Z = dense(n, degree);
  for (let j = 0; j < degree; j++) for (let i = 0; i < n; i++) Z.data[j * n + i] = x[i]! ** (j + 1);
  return Z;
}
