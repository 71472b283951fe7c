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

/** Options of {@link optimHess} (R's `control`: `ndeps`, `fnscale`, `parscale`). */
export interface OptimHessOptions {
  /** Finite-difference steps on the scaled parameters (R's `ndeps`), default 1e-3. */
  ndeps?: number | ArrayLike<number>;
  /** Objective scale (R's `fnscale`), default 1. */
  fnscale?: number;
  /** Parameter scales (R's `parscale`), default 1. */
  parscale?: number | ArrayLike<number>;
}

/**
 * R's `optimHess(par, fn, gr)` (C `optimhess`): on the scaled parameters p = par/parscale,
 * H[i, ] = fnscale·(g(p + e_i h_i) − g(p − e_i h_i)) / (2 h_i·parscale_i·parscale), h_i =
 * ndeps_i/parscale_i, with g the gradient of f(p·parscale)/fnscale; then symmetrized as
 * (H + Hᵀ)/2. Without `gr`, g is the central difference with steps `ndeps` (f is differenced
 * twice). Returns the row-major n×n matrix.
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
  const fnscale = options.fnscale ?? 1;
  const ps = expand(options.parscale, 1, n, 'parscale');
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = x[i] / ps[i];
  const xs = new Float64Array(n);
  const raw = new Float64Array(n);
  const g1 = new Float64Array(n);
  const g2 = new Float64Array(n);
  /** R's fmingr on the scaled problem (no bounds), into `out`. */
  const grad = (point: Float64Array, out: Float64Array): void => {
    if (gr === undefined) {
      for (let i = 0; i < n; i++) xs[i] = point[i] * ps[i];
      for (let i = 0; i < n; i++) {
        const eps = ndeps[i];
        xs[i] = (point[i] + eps) * ps[i];
        const f1 = fn(xs) / fnscale;
        xs[i] = (point[i] - eps) * ps[i];
        const f2 = fn(xs) / fnscale;
        xs[i] = point[i] * ps[i];
        const d = (f1 - f2) / (2 * eps);
        if (!Number.isFinite(d)) {
          throw new NonFiniteValueError('fn', `non-finite finite-difference value [${i + 1}]`);
        }
        out[i] = d;
      }
    } else {
      for (let i = 0; i < n; i++) xs[i] = point[i] * ps[i];
      gradientInto(gr, xs, raw);
      for (let i = 0; i < n; i++) out[i] = (raw[i] * ps[i]) / fnscale;
    }
  };
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    // R steps +h, then -2h, then +h back (the same floating-point path as C `optimhess`).
    const eps = ndeps[i] / ps[i];
    p[i] += eps;
    grad(p, g1);
    p[i] -= 2 * eps;
    grad(p, g2);
    p[i] += eps;
    for (let j = 0; j < n; j++) {
      H[i * n + j] = (fnscale * (g1[j] - g2[j])) / (2 * eps * ps[i] * ps[j]);
    }
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
