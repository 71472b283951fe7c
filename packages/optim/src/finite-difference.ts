import { gradientInto, toParameters, expand } from './checks.js';
import { NonFiniteValueError } from './errors.js';
import type { Gradient, Objective } from './types.js';

/**
 * R's `optim` finite-difference gradient (C `fmingr` without a user gradient), into `out`:
 * g_i = (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i). With bounds the two points are clamped to
 * `[lower_i, upper_i]` and the divisor is the distance actually used, as R does for L-BFGS-B.
 * Mutates `out` (and restores `x`).
 */
export function fdGradientInPlace(
  fn: Objective,
  x: Float64Array,
  ndeps: Float64Array,
  out: Float64Array,
  lower?: Float64Array,
  upper?: Float64Array,
): Float64Array {
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    let hPlus = ndeps[i];
    let hMinus = ndeps[i];
    let up = xi + hPlus;
    let down = xi - hMinus;
    if (lower !== undefined && upper !== undefined) {
      if (up > upper[i]) {
        up = upper[i];
        hPlus = up - xi;
      }
      if (down < lower[i]) {
        down = lower[i];
        hMinus = xi - down;
      }
    }
    x[i] = up;
    const f1 = fn(x);
    x[i] = down;
    const f2 = fn(x);
    x[i] = xi;
    const d = (f1 - f2) / (hPlus + hMinus);
    if (!Number.isFinite(d)) {
      throw new NonFiniteValueError('fn', `non-finite finite-difference value [${i + 1}]`);
    }
    out[i] = d;
  }
  return out;
}

/** Options of {@link optimHess}. */
export interface OptimHessOptions {
  /** Finite-difference steps (R's `ndeps`), default 1e-3. */
  ndeps?: number | ArrayLike<number>;
}

/**
 * R's `optimHess(par, fn, gr)`: H[i, ] = (g(x + h_i e_i) - g(x - h_i e_i)) / (2 h_i), then
 * symmetrized as (H + Hᵀ)/2. Without `gr`, g is the central-difference gradient with the same
 * steps (so f is differenced twice). Returns the row-major n×n matrix.
 */
export function optimHess(
  fn: Objective,
  par: ArrayLike<number>,
  gr?: Gradient,
  options: OptimHessOptions = {},
): Float64Array {
  const x = toParameters(par);
  const n = x.length;
  const ndeps = expand(options.ndeps, 1e-3, n, 'ndeps');
  const g1 = new Float64Array(n);
  const g2 = new Float64Array(n);
  const grad = (point: Float64Array, out: Float64Array): Float64Array =>
    gr === undefined ? fdGradientInPlace(fn, point, ndeps, out) : gradientInto(gr, point, out);
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    // R steps +h, then -2h, then +h back (the same floating-point path as C `optimhess`).
    const h = ndeps[i];
    x[i] += h;
    grad(x, g1);
    x[i] -= 2 * h;
    grad(x, g2);
    x[i] += h;
    for (let j = 0; j < n; j++) H[i * n + j] = (g1[j] - g2[j]) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const s = 0.5 * (H[i * n + j] + H[j * n + i]);
      H[i * n + j] = s;
      H[j * n + i] = s;
    }
  }
  return H;
}
