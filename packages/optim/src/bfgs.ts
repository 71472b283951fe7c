import { evaluateStart, expand, gradientInto, toParameters } from './checks.js';
import { fdGradientInPlace } from './finite-difference.js';
import { type ScaleOptions, scaleProblem, unscaleResult } from './scaling.js';
import type { CommonOptions, Gradient, Objective, OptimResult, TraceEntry } from './types.js';

/** Options of {@link bfgs}; defaults are R's `optim(method = "BFGS")`. */
export interface BfgsOptions extends CommonOptions, ScaleOptions {
  /** Stop when |f_new − f_old| <= reltol·(|f_old| + reltol). Default √ε. */
  reltol?: number;
  /** Stop when f <= abstol. Default -Infinity. */
  abstol?: number;
  /** Maximum number of iterations (gradient evaluations), default 100. */
  maxit?: number;
}

const STEP_REDUCTION = 0.2;
const ACCEPT_TOL = 1e-4;
const REL_TEST = 10;

/**
 * Variable-metric (BFGS) minimization with exactly R's `vmmin` semantics: search direction
 * t = −B g with B the inverse-Hessian approximation (reset to I at the start, after an uphill
 * direction, after a non-positive curvature step, and every 2n gradients without a reset);
 * backtracking by 0.2 from step 1 until f <= f_old + 1e-4·step·gᵀt; update
 * B ← B + ((1 + yᵀBy/sᵀy) ssᵀ − B y sᵀ − s yᵀB)/sᵀy. Without `gr`, the gradient is R's central
 * difference with steps `ndeps` (default 1e-3). Stops when the relative decrease is below
 * `reltol`, when no coordinate changes (10 + x == 10 + x_new), or after `maxit` iterations.
 */
export function bfgs(
  fn: Objective,
  par: ArrayLike<number>,
  gr?: Gradient,
  options: BfgsOptions = {},
): OptimResult {
  const problem = scaleProblem(fn, gr, toParameters(par), options);
  const result = bfgsCore(problem.fn, problem.par, problem.gr, options);
  return unscaleResult(result, problem, fn, gr, options);
}

function bfgsCore(
  fn: Objective,
  b: Float64Array,
  gr: Gradient | undefined,
  options: BfgsOptions,
): OptimResult {
  const n = b.length;
  const reltol = options.reltol ?? Math.sqrt(Number.EPSILON);
  const abstol = options.abstol ?? Number.NEGATIVE_INFINITY;
  const maxit = options.maxit ?? 100;
  const ndeps = expand(options.ndeps, 1e-3, n, 'ndeps');
  const trace: TraceEntry[] | undefined = options.trace ? [] : undefined;
  const g = new Float64Array(n);
  const gradient = (x: Float64Array): void => {
    if (gr === undefined) fdGradientInPlace(fn, x, ndeps, g);
    else gradientInto(gr, x, g);
  };

  if (maxit <= 0) {
    return finish(b, fn(b), 0, 0, 0, trace);
  }
  let f = evaluateStart(fn, b);
  let Fmin = f;
  let funcount = 1;
  let gradcount = 1;
  gradient(b);
  let iter = 1;
  let ilast = gradcount;
  const t = new Float64Array(n);
  const X = new Float64Array(n);
  const c = new Float64Array(n);
  // Lower triangle of B, row-major (B[i*n + j], j <= i).
  const B = new Float64Array(n * n);
  let count = 0;
  do {
    if (ilast === gradcount) {
      B.fill(0);
      for (let i = 0; i < n; i++) B[i * n + i] = 1;
    }
    for (let i = 0; i < n; i++) {
      X[i] = b[i];
      c[i] = g[i];
    }
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s -= B[i * n + j] * g[j];
      for (let j = i + 1; j < n; j++) s -= B[j * n + i] * g[j];
      t[i] = s;
      gradproj += s * g[i];
    }
    if (gradproj < 0) {
      let steplength = 1;
      let accpoint = false;
      do {
        count = 0;
        for (let i = 0; i < n; i++) {
          b[i] = X[i] + steplength * t[i];
          if (REL_TEST + X[i] === REL_TEST + b[i]) count++;
        }
        if (count < n) {
          f = fn(b);
          funcount++;
          accpoint = Number.isFinite(f) && f <= Fmin + gradproj * steplength * ACCEPT_TOL;
          if (!accpoint) steplength *= STEP_REDUCTION;
        }
      } while (!(count === n || accpoint));
      const enough = f > abstol && Math.abs(f - Fmin) > reltol * (Math.abs(Fmin) + reltol);
      if (!enough) {
        count = n;
        Fmin = f;
      }
      if (count < n) {
        Fmin = f;
        gradient(b);
        gradcount++;
        iter++;
        let D1 = 0;
        for (let i = 0; i < n; i++) {
          t[i] = steplength * t[i];
          c[i] = g[i] - c[i];
          D1 += t[i] * c[i];
        }
        if (D1 > 0) {
          let D2 = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j <= i; j++) s += B[i * n + j] * c[j];
            for (let j = i + 1; j < n; j++) s += B[j * n + i] * c[j];
            X[i] = s;
            D2 += s * c[i];
          }
          D2 = 1 + D2 / D1;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j <= i; j++) {
              B[i * n + j] += (D2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / D1;
            }
          }
        } else {
          ilast = gradcount;
        }
      } else if (ilast < gradcount) {
        count = 0;
        ilast = gradcount;
      }
    } else {
      count = 0;
      if (ilast === gradcount) count = n;
      else ilast = gradcount;
    }
    trace?.push({ iteration: iter, value: Fmin, action: 'ITERATE' });
    if (iter >= maxit) break;
    if (gradcount - ilast > 2 * n) ilast = gradcount;
  } while (count !== n || ilast !== gradcount);
  const convergence = iter < maxit ? 0 : 1;
  return finish(b, Fmin, funcount, gradcount, convergence, trace);
}

function finish(
  par: Float64Array,
  value: number,
  fcount: number,
  gcount: number,
  convergence: number,
  trace: TraceEntry[] | undefined,
): OptimResult {
  const result: OptimResult = {
    par,
    value,
    counts: { function: fcount, gradient: gcount },
    convergence,
    message: convergence === 1 ? 'maximum number of iterations reached' : null,
  };
  if (trace) result.trace = trace;
  return result;
}
