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
  const ndeps = gr === undefined ? expand(options.ndeps, 1e-3, n, 'ndeps') : undefined;
  const trace: TraceEntry[] | undefined = options.trace ? [] : undefined;

  if (maxit <= 0) {
    return finish(b, fn(b), 0, 0, 0, trace);
  }
  // Work arrays, allocated once per call (no allocation inside the iterations).
  const g = new Float64Array(n);
  const t = new Float64Array(n);
  const X = new Float64Array(n);
  const c = new Float64Array(n);
  // B, the inverse-Hessian approximation, stored in full (row-major, both triangles): the
  // update computes the lower triangle in R's arithmetic and mirrors it, so B[i*n + j] is
  // exactly R's B[max(i,j)][min(i,j)] and the products B g, B y read contiguous rows.
  const B = new Float64Array(n * n);
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
    if (ilast === gradcount) {
      B.fill(0);
      for (let i = 0; i < n; i++) B[i * n + i] = 1;
    }
    // t = -B g (summed over j = 0..n-1 in R's order), gradproj = tᵀg.
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      X[i] = b[i];
      c[i] = g[i];
    }
    negSymMatVecInto(B, n, g, t);
    for (let i = 0; i < n; i++) gradproj += t[i] * g[i];
    if (gradproj < 0) {
      let steplength = 1;
      let accpoint = false;
      do {
        count = 0;
        for (let i = 0; i < n; i++) {
          const xi = X[i];
          const bi = xi + steplength * t[i];
          b[i] = bi;
          if (REL_TEST + xi === REL_TEST + bi) count++;
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
        if (ndeps !== undefined) fdGradientInPlace(fn, b, ndeps, g);
        else gradientInto(gr!, b, g);
        gradcount++;
        iter++;
        // s = step·t (kept in t), y = g_new − g_old (kept in c), D1 = sᵀy.
        let D1 = 0;
        for (let i = 0; i < n; i++) {
          const ti = steplength * t[i];
          const ci = g[i] - c[i];
          t[i] = ti;
          c[i] = ci;
          D1 += ti * ci;
        }
        if (D1 > 0) {
          // X = B y, D2 = 1 + yᵀB y / D1.
          let D2 = 0;
          symMatVecInto(B, n, c, X);
          for (let i = 0; i < n; i++) D2 += X[i] * c[i];
          D2 = 1 + D2 / D1;
          // B_ij += (D2 t_i t_j − X_i t_j − t_i X_j) / D1 on j <= i (R's order), mirrored.
          for (let i = 0, row = 0; i < n; i++, row += n) {
            const ti = t[i];
            const Xi = X[i];
            const D2ti = D2 * ti;
            for (let j = 0; j <= i; j++) {
              const tj = t[j];
              const v = B[row + j] + (D2ti * tj - Xi * tj - ti * X[j]) / D1;
              B[row + j] = v;
              B[j * n + i] = v;
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

/**
 * out_i = Σ_j B_ij v_j, each sum taken in order j = 0, 1, …, n − 1 (so bit-identical to the
 * plain loop), four rows at a time: the four running sums are independent chains the CPU
 * overlaps, where one row at a time waits on the latency of every addition. Mutates `out`.
 */
function symMatVecInto(B: Float64Array, n: number, v: Float64Array, out: Float64Array): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < n; j++) {
      const vj = v[j];
      s0 += B[r0 + j] * vj;
      s1 += B[r1 + j] * vj;
      s2 += B[r2 + j] * vj;
      s3 += B[r3 + j] * vj;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  if (i + 1 < n) {
    const r0 = i * n;
    const r1 = r0 + n;
    let s0 = 0;
    let s1 = 0;
    for (let j = 0; j < n; j++) {
      const vj = v[j];
      s0 += B[r0 + j] * vj;
      s1 += B[r1 + j] * vj;
    }
    out[i] = s0;
    out[i + 1] = s1;
    i += 2;
  }
  if (i < n) {
    const r = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += B[r + j] * v[j];
    out[i] = s;
  }
}

/** out_i = 0 − Σ_j B_ij v_j accumulated by subtraction in order j = 0..n−1 (R's `s -= …`). */
function negSymMatVecInto(B: Float64Array, n: number, v: Float64Array, out: Float64Array): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < n; j++) {
      const vj = v[j];
      s0 -= B[r0 + j] * vj;
      s1 -= B[r1 + j] * vj;
      s2 -= B[r2 + j] * vj;
      s3 -= B[r3 + j] * vj;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  if (i + 1 < n) {
    const r0 = i * n;
    const r1 = r0 + n;
    let s0 = 0;
    let s1 = 0;
    for (let j = 0; j < n; j++) {
      const vj = v[j];
      s0 -= B[r0 + j] * vj;
      s1 -= B[r1 + j] * vj;
    }
    out[i] = s0;
    out[i + 1] = s1;
    i += 2;
  }
  if (i < n) {
    const r = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s -= B[r + j] * v[j];
    out[i] = s;
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
