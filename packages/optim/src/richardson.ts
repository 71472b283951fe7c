import { toParameters } from './checks.js';
import { InvalidArgumentError, NonFiniteValueError } from './errors.js';
import type { Objective } from './types.js';

/** Richardson-extrapolation settings, numDeriv's `method.args`. */
export interface RichardsonOptions {
  /** Relative step: h0_i = |d·x_i| + eps·[|x_i| < zeroTol]. Default 1e-4 (gradient), 0.1 (Hessian). */
  d?: number;
  /** Absolute step used where |x_i| < zeroTol. Default 1e-4. */
  eps?: number;
  /** Default sqrt(ε/7e-7). */
  zeroTol?: number;
  /** Number of step halvings (Richardson terms), default 4. */
  r?: number;
  /** Step reduction factor, default 2 (numDeriv supports only 2 for Hessians). */
  v?: number;
  /**
   * Initial steps h0_i, one per coordinate (each finite and > 0), replacing
   * |d·x_i| + eps·[|x_i| < zeroTol]; not a numDeriv option.
   */
  step?: ArrayLike<number>;
}

/** Options of {@link numericGradient}. */
export interface NumericGradientOptions extends RichardsonOptions {
  /**
   * One-sided differences per coordinate (numDeriv `side`): +1 forward, −1 backward,
   * 0/undefined central. Use at a bound.
   */
  side?: ArrayLike<number>;
}

const ZERO_TOL = Math.sqrt(Number.EPSILON / 7e-7);

/** `side` (numDeriv's) checked to have length n. */
export function checkSide(
  side: ArrayLike<number> | undefined,
  n: number,
): ArrayLike<number> | undefined {
  if (side !== undefined && side.length !== n) {
    throw new InvalidArgumentError('side', `has length ${side.length}, expected ${n}`);
  }
  return side;
}

/**
 * Initial steps h0_i = |d·x_i| + eps·[|x_i| < zeroTol] (numDeriv), or `options.step` checked
 * (length n, finite, > 0); `defaultD` is numDeriv's default d of the calling function.
 */
export function initialSteps(
  x: Float64Array,
  options: RichardsonOptions,
  defaultD: number,
): Float64Array {
  const n = x.length;
  const h = new Float64Array(n);
  const step = options.step;
  if (step !== undefined) {
    if (step.length !== n) {
      throw new InvalidArgumentError('step', `has length ${step.length}, expected ${n}`);
    }
    for (let i = 0; i < n; i++) {
      if (!(step[i] > 0) || !Number.isFinite(step[i])) {
        throw new InvalidArgumentError('step', `element ${i} is ${step[i]}, not a finite step > 0`);
      }
      h[i] = step[i];
    }
    return h;
  }
  const d = options.d ?? defaultD;
  const eps = options.eps ?? 1e-4;
  const zeroTol = options.zeroTol ?? ZERO_TOL;
  for (let i = 0; i < n; i++) {
    h[i] = Math.abs(d * x[i]) + (Math.abs(x[i]) < zeroTol ? eps : 0);
  }
  return h;
}

/** In place: A[k] ← (4^m A[k+1] − A[k]) / (4^m − 1), m = 1..r−1; returns A[0]. */
export function extrapolate(A: Float64Array, r: number): number {
  for (let m = 1; m < r; m++) {
    const p = 4 ** m;
    for (let k = 0; k < r - m; k++) A[k] = (A[k + 1] * p - A[k]) / (p - 1);
  }
  return A[0];
}

/**
 * Gradient by Richardson extrapolation (numDeriv `grad(method = "Richardson")`): central
 * differences a_k = (f(x + h_k e_i) − f(x − h_k e_i)) / (2 h_k), h_k = h0/v^(k−1), k = 1..r,
 * combined as a ← (4^m a_{k+1} − a_k)/(4^m − 1). Error O(h^(2r)). A coordinate whose previous
 * difference is below 1e-20 in magnitude is set to 0, as numDeriv does.
 */
export function numericGradient(
  fn: Objective,
  x: ArrayLike<number>,
  options: NumericGradientOptions = {},
): Float64Array {
  const x0 = toParameters(x, 'x');
  const n = x0.length;
  const r = options.r ?? 4;
  const v = options.v ?? 2;
  const side = checkSide(options.side, n);
  const h0 = initialSteps(x0, options, 1e-4);
  const A = new Float64Array(r);
  const out = new Float64Array(n);
  const xt = Float64Array.from(x0);
  for (let i = 0; i < n; i++) {
    let h = h0[i];
    const s = side === undefined ? 0 : side[i] || 0;
    for (let k = 0; k < r; k++) {
      if (k > 0 && Math.abs(A[k - 1]) < 1e-20) {
        A[k] = 0;
      } else {
        const ph = s === 1 ? 2 * h : s === -1 ? 0 : h;
        const mh = s === -1 ? 2 * h : s === 1 ? 0 : h;
        xt[i] = x0[i] + ph;
        const f1 = fn(xt);
        xt[i] = x0[i] - mh;
        const f2 = fn(xt);
        xt[i] = x0[i];
        A[k] = (f1 - f2) / (2 * h);
        if (Number.isNaN(A[k])) {
          throw new NonFiniteValueError('fn', `returns NaN at distance ${h} from x[${i}]`);
        }
      }
      h /= v;
    }
    out[i] = extrapolate(A, r);
  }
  return out;
}

/**
 * Hessian by Richardson extrapolation (numDeriv `hessian` via `genD`, defaults d = 0.1,
 * eps = 1e-4, r = 4, v = 2): diagonal from (f(x + h e_i) − 2f(x) + f(x − h e_i))/h²,
 * off-diagonal from (f(x + h e_i + h e_j) − 2f(x) + f(x − h e_i − h e_j) − H_ii h_i² − H_jj h_j²)
 * / (2 h_i h_j), each extrapolated as in {@link numericGradient}. Returns row-major n×n.
 */
export function numericHessian(
  fn: Objective,
  x: ArrayLike<number>,
  options: RichardsonOptions = {},
): Float64Array {
  const x0 = toParameters(x, 'x');
  const n = x0.length;
  const r = options.r ?? 4;
  const v = options.v ?? 2;
  if (v !== 2) throw new InvalidArgumentError('v', 'the Hessian assumes v = 2 (as numDeriv)');
  const h0 = initialSteps(x0, options, 0.1);
  const f0 = fn(x0);
  const A = new Float64Array(r);
  const Hd = new Float64Array(r);
  const diag = new Float64Array(n);
  const H = new Float64Array(n * n);
  const xt = Float64Array.from(x0);
  for (let i = 0; i < n; i++) {
    let h = h0[i];
    for (let k = 0; k < r; k++) {
      xt[i] = x0[i] + h;
      const f1 = fn(xt);
      xt[i] = x0[i] - h;
      const f2 = fn(xt);
      xt[i] = x0[i];
      Hd[k] = (f1 - 2 * f0 + f2) / (h * h);
      h /= v;
    }
    diag[i] = extrapolate(Hd, r);
    H[i * n + i] = diag[i];
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      let hi = h0[i];
      let hj = h0[j];
      for (let k = 0; k < r; k++) {
        xt[i] = x0[i] + hi;
        xt[j] = x0[j] + hj;
        const f1 = fn(xt);
        xt[i] = x0[i] - hi;
        xt[j] = x0[j] - hj;
        const f2 = fn(xt);
        xt[i] = x0[i];
        xt[j] = x0[j];
        A[k] = (f1 - 2 * f0 + f2 - diag[i] * hi * hi - diag[j] * hj * hj) / (2 * hi * hj);
        hi /= v;
        hj /= v;
      }
      const hij = extrapolate(A, r);
      H[i * n + j] = hij;
      H[j * n + i] = hij;
    }
  }
  return H;
}
