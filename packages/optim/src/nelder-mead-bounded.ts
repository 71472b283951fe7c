import { evaluateStart, expand } from './checks.js';
import { startInBox } from './bounds.js';
import { optimHess } from './finite-difference.js';
import { solveWithFixed } from './fixed-parameters.js';
import type { CommonOptions, Objective, OptimResult, TraceEntry } from './types.js';

/** Options of {@link nelderMeadBounded}. */
export interface NelderMeadBoundedOptions extends CommonOptions {
  lower?: number | ArrayLike<number>;
  upper?: number | ArrayLike<number>;
  /** Initial simplex step per coordinate; default 0.1·max(|x0_i|, 1), capped by the box width. */
  step?: number | ArrayLike<number>;
  /** Stop when max_j max_i |x_ji − x_li| / max(|x_li|, 1) <= xtolRel. Default 1e-8. */
  xtolRel?: number;
  /** Or when f(high) − f(low) <= ftolAbs. Default 0 (off). */
  ftolAbs?: number;
  /** Maximum number of function evaluations, default 10000. */
  maxfun?: number;
  /**
   * Restarts from the best point with a fresh simplex after each convergence, repeated while a
   * restart improves f by more than 1e-10·(|f| + 1e-10). Default 5 (0 = none).
   */
  restarts?: number;
}

const ALPHA = 1;
const GAMMA = 2;
const BETA = 0.5;

/**
 * Bounded Nelder–Mead (NLopt's `nldrmd`, which lme4's `Nelder_Mead` follows): reflection,
 * expansion and contraction points are projected onto the box [lower, upper]; shrink toward the
 * best vertex when contraction fails. Converges when the simplex diameter (relative) falls below
 * `xtolRel`; each convergence is verified by a restart from the best point with a fresh,
 * full-dimensional simplex (guards against a simplex that collapsed onto a face). Non-finite
 * values count as +Infinity. Returns the common {@link OptimResult}; `convergence` 0 or 1.
 */
export function nelderMeadBounded(
  fn: Objective,
  par: ArrayLike<number>,
  options: NelderMeadBoundedOptions = {},
): OptimResult {
  const { x0, bounds } = startInBox(par, options.lower, options.upper);
  const n = x0.length;
  const fixed = solveWithFixed(fn, x0, bounds, options, (reduced, box) =>
    nelderMeadBounded(reduced.fn, reduced.x0, {
      ...options,
      ...box,
      step:
        options.step === undefined || typeof options.step === 'number'
          ? options.step
          : Array.from(reduced.free, (i) => (options.step as ArrayLike<number>)[i]),
    }),
  );
  if (fixed !== null) return fixed;
  const { lower, upper } = bounds;
  const step = new Float64Array(n);
  const userStep = options.step === undefined ? undefined : expand(options.step, 0.1, n, 'step');
  for (let i = 0; i < n; i++) {
    const s = userStep ? userStep[i] : 0.1 * Math.max(Math.abs(x0[i]), 1);
    step[i] = Math.min(s, 0.5 * (upper[i] - lower[i]));
  }
  const xtolRel = options.xtolRel ?? 1e-8;
  const ftolAbs = options.ftolAbs ?? 0;
  const maxfun = options.maxfun ?? 10000;
  const restarts = options.restarts ?? 5;
  const trace: TraceEntry[] | undefined = options.trace ? [] : undefined;

  const f0 = evaluateStart(fn, x0);
  const state = { count: 1 };
  const safe = (x: Float64Array): number => {
    state.count++;
    const v = fn(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  const best = Float64Array.from(x0);
  let fbest = f0;
  let hitLimit = false;
  for (let run = 0; run <= restarts; run++) {
    const scale = run === 0 ? 1 : 0.1;
    const out = simplexRun(
      safe,
      best,
      fbest,
      step,
      scale,
      lower,
      upper,
      xtolRel,
      ftolAbs,
      maxfun,
      state,
      trace,
    );
    const improvement = fbest - out.value;
    if (out.value <= fbest) {
      best.set(out.par);
      fbest = out.value;
    }
    if (out.hitLimit) {
      hitLimit = true;
      break;
    }
    if (run > 0 && !(improvement > 1e-10 * (Math.abs(fbest) + 1e-10))) break;
  }
  const result: OptimResult = {
    par: best,
    value: fbest,
    counts: { function: state.count, gradient: null },
    convergence: hitLimit ? 1 : 0,
    message: hitLimit ? 'maximum number of function evaluations reached' : null,
  };
  if (options.hessian) result.hessian = optimHess(fn, best, undefined, { ndeps: options.ndeps });
  if (trace) result.trace = trace;
  return result;
}

interface RunResult {
  par: Float64Array;
  value: number;
  hitLimit: boolean;
}

/** Project x onto the box in place. */
function clampInPlace(x: Float64Array, lower: Float64Array, upper: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    if (x[i] < lower[i]) x[i] = lower[i];
    else if (x[i] > upper[i]) x[i] = upper[i];
  }
}

/** One Nelder–Mead run from x0 (value f0) until the simplex is small or evaluations run out. */
function simplexRun(
  fn: Objective,
  x0: Float64Array,
  f0: number,
  step: Float64Array,
  scale: number,
  lower: Float64Array,
  upper: Float64Array,
  xtolRel: number,
  ftolAbs: number,
  maxfun: number,
  state: { count: number },
  trace: TraceEntry[] | undefined,
): RunResult {
  const n = x0.length;
  const n1 = n + 1;
  const P = new Float64Array(n1 * n);
  const V = new Float64Array(n1);
  P.set(x0, 0);
  V[0] = f0;
  const xr = new Float64Array(n);
  const xe = new Float64Array(n);
  const c = new Float64Array(n);
  for (let j = 1; j < n1; j++) {
    const i = j - 1;
    const v = P.subarray(j * n, j * n + n);
    v.set(x0);
    const h = step[i] * scale;
    // Step up unless that leaves the box; then step down; a zero-width coordinate stays put.
    if (x0[i] + h <= upper[i]) v[i] = x0[i] + h;
    else if (x0[i] - h >= lower[i]) v[i] = x0[i] - h;
    else v[i] = upper[i] - x0[i] > x0[i] - lower[i] ? upper[i] : lower[i];
    if (state.count >= maxfun) return { par: Float64Array.from(x0), value: f0, hitLimit: true };
    V[j] = fn(v);
  }
  for (;;) {
    let L = 0;
    let H = 0;
    for (let j = 1; j < n1; j++) {
      if (V[j] < V[L]) L = j;
      if (V[j] >= V[H]) H = j;
    }
    if (H === L) H = L === 0 ? 1 : 0;
    let S = L;
    for (let j = 0; j < n1; j++) if (j !== H && V[j] >= V[S]) S = j;
    let diam = 0;
    for (let j = 0; j < n1; j++) {
      if (j === L) continue;
      for (let i = 0; i < n; i++) {
        const d = Math.abs(P[j * n + i] - P[L * n + i]) / Math.max(Math.abs(P[L * n + i]), 1);
        if (d > diam) diam = d;
      }
    }
    const best = (): RunResult => ({
      par: P.slice(L * n, L * n + n),
      value: V[L],
      hitLimit: false,
    });
    if (diam <= xtolRel || V[H] - V[L] <= ftolAbs) return best();
    if (state.count >= maxfun) return { ...best(), hitLimit: true };
    trace?.push({ iteration: state.count, value: V[L], action: 'ITERATE' });
    // centroid of all vertices but the worst
    c.fill(0);
    for (let j = 0; j < n1; j++) if (j !== H) for (let i = 0; i < n; i++) c[i] += P[j * n + i];
    for (let i = 0; i < n; i++) c[i] /= n;
    for (let i = 0; i < n; i++) xr[i] = c[i] + ALPHA * (c[i] - P[H * n + i]);
    clampInPlace(xr, lower, upper);
    const fr = fn(xr);
    if (fr < V[L]) {
      for (let i = 0; i < n; i++) xe[i] = c[i] + GAMMA * (c[i] - P[H * n + i]);
      clampInPlace(xe, lower, upper);
      const fe = fn(xe);
      if (fe < fr) {
        P.set(xe, H * n);
        V[H] = fe;
      } else {
        P.set(xr, H * n);
        V[H] = fr;
      }
      continue;
    }
    if (fr < V[S]) {
      P.set(xr, H * n);
      V[H] = fr;
      continue;
    }
    // contraction: outside (toward xr) if xr beats the worst, inside otherwise
    const outside = fr < V[H];
    for (let i = 0; i < n; i++) {
      xe[i] = outside ? c[i] + BETA * (xr[i] - c[i]) : c[i] + BETA * (P[H * n + i] - c[i]);
    }
    const fc = fn(xe);
    if (fc < Math.min(fr, V[H])) {
      P.set(xe, H * n);
      V[H] = fc;
      continue;
    }
    // shrink toward the best vertex
    for (let j = 0; j < n1; j++) {
      if (j === L) continue;
      for (let i = 0; i < n; i++)
        P[j * n + i] = P[L * n + i] + BETA * (P[j * n + i] - P[L * n + i]);
      V[j] = fn(P.subarray(j * n, j * n + n));
    }
  }
}
