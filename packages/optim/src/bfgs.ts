import { variableMetricWorkspace } from '@likelihood/linalg';
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
  b0: Float64Array,
  gr: Gradient | undefined,
  options: BfgsOptions,
): OptimResult {
  const n = b0.length;
  const reltol = options.reltol ?? Math.sqrt(Number.EPSILON);
  const abstol = options.abstol ?? Number.NEGATIVE_INFINITY;
  const maxit = options.maxit ?? 100;
  const ndeps = gr === undefined ? expand(options.ndeps, 1e-3, n, 'ndeps') : undefined;
  const trace: TraceEntry[] | undefined = options.trace ? [] : undefined;

  if (maxit <= 0) {
    return finish(b0, fn(b0), 0, 0, 0, trace);
  }
  // B, the point b, the gradient g and R's work vectors live in linalg's variable-metric
  // workspace, whose kernels do R's arithmetic in R's order (WebAssembly SIMD where available).
  const ws = variableMetricWorkspace(n);
  try {
    const b = ws.x;
    const g = ws.g;
    b.set(b0);
    let f = evaluateStart(fn, b);
    let Fmin = f;
    let funcount = 1;
    let gradcount = 1;
    if (ndeps !== undefined) fdGradientInPlace(fn, b, ndeps, g);
    else gradientInto(gr!, b, g);
    let iter = 1;
    let ilast = gradcount;
    let count = 0;
    do {
      if (ilast === gradcount) ws.resetInverseHessian();
      // X = b, c = g, t = −B g; gradproj = tᵀg
      const gradproj = ws.direction();
      if (gradproj < 0) {
        let steplength = 1;
        let accpoint = false;
        do {
          // b = X + step·t; count = coordinates the step no longer changes
          count = ws.trial(steplength);
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
          if (ndeps !== undefined) fdGradientInPlace(fn, b, ndeps, g);
          else gradientInto(gr!, b, g);
          gradcount++;
          iter++;
          // s = step·t, y = g_new − g_old, D1 = sᵀy; B updated when D1 > 0, else a reset
          if (!(ws.update(steplength) > 0)) ilast = gradcount;
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
    return finish(Float64Array.from(b), Fmin, funcount, gradcount, convergence, trace);
  } finally {
    ws.release();
  }
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
