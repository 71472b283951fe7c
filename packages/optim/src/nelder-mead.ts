import { evaluateStart, toParameters } from './checks.js';
import { type ScaleOptions, scaleProblem, unscaleResult } from './scaling.js';
import type { CommonOptions, Objective, OptimResult, TraceEntry } from './types.js';

/** Options of {@link nelderMead}; defaults are R's `optim(method = "Nelder-Mead")`. */
export interface NelderMeadOptions extends CommonOptions, ScaleOptions {
  /** Relative tolerance: stop when f(high) <= f(low) + reltol·(|f(x0)| + reltol). Default √ε. */
  reltol?: number;
  /** Stop when f(low) <= abstol. Default -Infinity. */
  abstol?: number;
  /** Reflection factor, default 1. */
  alpha?: number;
  /** Contraction factor, default 0.5. */
  beta?: number;
  /** Expansion factor, default 2. */
  gamma?: number;
  /** Maximum number of function evaluations, default 500. */
  maxit?: number;
}

/** R replaces a non-finite value inside the search by this number (C `big`). */
const BIG = 1.0e35;

/**
 * Nelder–Mead simplex minimization with exactly R's `nmmin` semantics: initial simplex
 * x0 + step·e_j with step = max(0.1·max|x0_i|, 0.1 when that is 0); reflection
 * x_r = (1+α)c − α x_h; expansion x_e = γ x_r + (1−γ)c when f(x_r) < f(low); contraction
 * (1−β) x_h + β c otherwise; shrink toward the best vertex by β when contraction fails and
 * f(x_r) ≥ f(high). Stops when f(high) <= f(low) + reltol·(|f(x0)| + reltol), f(low) <= abstol,
 * or after more than `maxit` evaluations. `+Infinity`/NaN values inside the search count as 1e35.
 */
export function nelderMead(
  fn: Objective,
  par: ArrayLike<number>,
  options: NelderMeadOptions = {},
): OptimResult {
  const problem = scaleProblem(fn, undefined, toParameters(par), options);
  const result = nelderMeadCore(problem.fn, problem.par, options);
  if (problem.par.length === 1) {
    result.warnings = [
      'one-dimensional optimization by Nelder-Mead is unreliable: use brent() (R: "Brent" or optimize()) directly',
    ];
  }
  return unscaleResult(result, problem, fn, undefined, options);
}

function nelderMeadCore(fn: Objective, x0: Float64Array, options: NelderMeadOptions): OptimResult {
  const n = x0.length;
  const reltol = options.reltol ?? Math.sqrt(Number.EPSILON);
  const abstol = options.abstol ?? Number.NEGATIVE_INFINITY;
  const alpha = options.alpha ?? 1;
  const beta = options.beta ?? 0.5;
  const gamma = options.gamma ?? 2;
  const maxit = options.maxit ?? 500;
  const trace: TraceEntry[] | undefined = options.trace ? [] : undefined;

  if (maxit <= 0) {
    const value = fn(x0);
    return finish(x0, value, 0, 0, trace);
  }
  const b = Float64Array.from(x0);
  let f = evaluateStart(fn, b);
  let funcount = 1;
  const convtol = reltol * (Math.abs(f) + reltol);
  const n1 = n + 1;
  // P holds the simplex: vertex j in P[j*n .. j*n+n-1], its value in V[j]; slot n1 is the centroid.
  const P = new Float64Array((n + 2) * n);
  const V = new Float64Array(n + 2);
  const C = n1;
  V[0] = f;
  P.set(b, 0);
  let L = 0;
  let size = 0;
  let step = 0;
  for (let i = 0; i < n; i++) if (0.1 * Math.abs(b[i]) > step) step = 0.1 * Math.abs(b[i]);
  if (step === 0) step = 0.1;
  for (let j = 1; j < n1; j++) {
    P.set(b, j * n);
    let trystep = step;
    const k = j - 1;
    while (P[j * n + k] === b[k]) {
      P[j * n + k] = b[k] + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  let oldsize = size;
  let calcvert = true;
  let fail = 0;
  let action = 'BUILD';
  const evaluate = (): number => {
    const v = fn(b);
    funcount++;
    return Number.isFinite(v) ? v : BIG;
  };
  do {
    if (calcvert) {
      for (let j = 0; j < n1; j++) {
        if (j !== L) {
          for (let i = 0; i < n; i++) b[i] = P[j * n + i];
          V[j] = evaluate();
        }
      }
      calcvert = false;
    }
    let VL = V[L];
    let VH = VL;
    let H = L;
    for (let j = 0; j < n1; j++) {
      if (j !== L) {
        const fj = V[j];
        if (fj < VL) {
          L = j;
          VL = fj;
        }
        if (fj > VH) {
          H = j;
          VH = fj;
        }
      }
    }
    if (VH <= VL + convtol || VL <= abstol) break;
    trace?.push({ iteration: funcount, value: VL, action });

    for (let i = 0; i < n; i++) {
      let temp = -P[H * n + i];
      for (let j = 0; j < n1; j++) temp += P[j * n + i];
      P[C * n + i] = temp / n;
    }
    for (let i = 0; i < n; i++) b[i] = (1 + alpha) * P[C * n + i] - alpha * P[H * n + i];
    f = evaluate();
    action = 'REFLECTION';
    const VR = f;
    if (VR < VL) {
      V[C] = f;
      for (let i = 0; i < n; i++) {
        const e = gamma * b[i] + (1 - gamma) * P[C * n + i];
        P[C * n + i] = b[i];
        b[i] = e;
      }
      f = evaluate();
      if (f < VR) {
        for (let i = 0; i < n; i++) P[H * n + i] = b[i];
        V[H] = f;
        action = 'EXTENSION';
      } else {
        for (let i = 0; i < n; i++) P[H * n + i] = P[C * n + i];
        V[H] = VR;
      }
    } else {
      action = 'HI-REDUCTION';
      if (VR < VH) {
        for (let i = 0; i < n; i++) P[H * n + i] = b[i];
        V[H] = VR;
        action = 'LO-REDUCTION';
      }
      for (let i = 0; i < n; i++) b[i] = (1 - beta) * P[H * n + i] + beta * P[C * n + i];
      f = evaluate();
      if (f < V[H]) {
        for (let i = 0; i < n; i++) P[H * n + i] = b[i];
        V[H] = f;
      } else if (VR >= VH) {
        action = 'SHRINK';
        calcvert = true;
        size = 0;
        for (let j = 0; j < n1; j++) {
          if (j !== L) {
            for (let i = 0; i < n; i++) {
              P[j * n + i] = beta * (P[j * n + i] - P[L * n + i]) + P[L * n + i];
              size += Math.abs(P[j * n + i] - P[L * n + i]);
            }
          }
        }
        if (size < oldsize) {
          oldsize = size;
        } else {
          fail = 10;
          break;
        }
      }
    }
  } while (funcount <= maxit);

  const xbest = P.slice(L * n, L * n + n);
  if (funcount > maxit) fail = 1;
  return finish(xbest, V[L], funcount, fail, trace);
}

function finish(
  par: Float64Array,
  value: number,
  funcount: number,
  convergence: number,
  trace: TraceEntry[] | undefined,
): OptimResult {
  const result: OptimResult = {
    par,
    value,
    counts: { function: funcount, gradient: null },
    convergence,
    message:
      convergence === 10
        ? 'degenerate simplex: polytope size not decreased in shrink'
        : convergence === 1
          ? 'maximum number of function evaluations reached'
          : null,
  };
  if (trace) result.trace = trace;
  return result;
}
