import { expand, gradientInto, toParameters } from './checks.js';
import { resolveBounds } from './bounds.js';
import { NonFiniteStartError, NonFiniteValueError } from './errors.js';
import { fdGradientInPlace } from './finite-difference.js';
import { type ScaleOptions, scaleProblem, unscaleResult } from './scaling.js';
import { type CauchyWork, cauchyPoint } from './lbfgsb-cauchy.js';
import { LbfgsMemory, dot } from './lbfgsb-memory.js';
import { projectedGradientNorm, reducedGradientInto, truncateInPlace } from './lbfgsb-subspace.js';
import { MoreThuente } from './line-search-more-thuente.js';
import type { CommonOptions, Gradient, Objective, OptimResult, TraceEntry } from './types.js';

/** Options of {@link lbfgsb}; defaults are R's `optim(method = "L-BFGS-B")`. */
export interface LbfgsbOptions extends CommonOptions, ScaleOptions {
  lower?: number | ArrayLike<number>;
  upper?: number | ArrayLike<number>;
  /** Stop when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) <= factr·ε. Default 1e7. */
  factr?: number;
  /** Stop when the projected gradient's max-norm is <= pgtol. Default 0 (off). */
  pgtol?: number;
  /** Number of correction pairs kept (R's `lmm`), default 5. */
  m?: number;
  /** Maximum number of iterations, default 100. */
  maxit?: number;
}

const FTOL = 1e-3;
const GTOL = 0.9;
const XTOL = 0.1;
const STPMX_BIG = 1e10;

/**
 * Box-constrained limited-memory BFGS with R's semantics (L-BFGS-B 2.3 as in R's `lbfgsb.c`):
 * generalized Cauchy point along the projected gradient path, subspace Newton step on the free
 * variables (truncated back into the box), Moré–Thuente line search (ftol 1e-3, gtol 0.9, xtol
 * 0.1), BFGS pairs skipped when sᵀy <= ε·(−gᵀd)·stp. Without `gr`, the gradient is R's central
 * difference (steps `ndeps` = 1e-3, clamped to the bounds). `counts.function` = `counts.gradient`
 * = number of f-and-g evaluations, as R. `convergence`: 0, 1 (maxit), 51 (warning), 52 (error).
 */
export function lbfgsb(
  fn: Objective,
  par: ArrayLike<number>,
  gr?: Gradient,
  options: LbfgsbOptions = {},
): OptimResult {
  const x0 = toParameters(par);
  const bounds = resolveBounds(options.lower, options.upper, x0.length);
  const problem = scaleProblem(fn, gr, x0, options);
  // bounds move to the scaled parameters as R does (lower/parscale, upper/parscale)
  for (let i = 0; i < x0.length; i++) {
    bounds.lower[i] /= problem.parscale[i];
    bounds.upper[i] /= problem.parscale[i];
    if (problem.parscale[i] < 0) {
      const t = bounds.lower[i];
      bounds.lower[i] = bounds.upper[i];
      bounds.upper[i] = t;
    }
  }
  const result = lbfgsbCore(
    problem.fn,
    problem.par,
    problem.gr,
    bounds.lower,
    bounds.upper,
    options,
  );
  return unscaleResult(result, problem, fn, gr, options);
}

function lbfgsbCore(
  fn: Objective,
  x: Float64Array,
  gr: Gradient | undefined,
  l: Float64Array,
  u: Float64Array,
  options: LbfgsbOptions,
): OptimResult {
  const n = x.length;
  const factr = options.factr ?? 1e7;
  const pgtol = options.pgtol ?? 0;
  const m = options.m ?? 5;
  const maxit = options.maxit ?? 100;
  const ndeps = expand(options.ndeps, 1e-3, n, 'ndeps');
  const trace: TraceEntry[] | undefined = options.trace ? [] : undefined;
  const epsmch = Number.EPSILON;
  const tol = factr * epsmch;

  // nbd: 0 unbounded, 1 lower only, 2 both, 3 upper only
  const nbd = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const hasL = Number.isFinite(l[i]);
    const hasU = Number.isFinite(u[i]);
    nbd[i] = hasL ? (hasU ? 2 : 1) : hasU ? 3 : 0;
  }
  // active: project x into the box, set iwhere, cnstnd, boxed
  const iwhere = new Int32Array(n);
  let cnstnd = false;
  let boxed = true;
  for (let i = 0; i < n; i++) {
    if (nbd[i] > 0) {
      if (nbd[i] <= 2 && x[i] <= l[i]) {
        if (x[i] < l[i]) x[i] = l[i];
      } else if (nbd[i] >= 2 && x[i] >= u[i]) {
        if (x[i] > u[i]) x[i] = u[i];
      }
    }
    if (nbd[i] !== 2) boxed = false;
    if (nbd[i] === 0) iwhere[i] = -1;
    else {
      cnstnd = true;
      iwhere[i] = nbd[i] === 2 && u[i] - l[i] <= 0 ? 3 : 0;
    }
  }

  const g = new Float64Array(n);
  let nfgv = 0;
  const evaluate = (point: Float64Array, isStart: boolean): number => {
    const f = fn(point);
    if (!Number.isFinite(f)) {
      if (isStart) throw new NonFiniteStartError('par', f);
      throw new NonFiniteValueError('fn', `L-BFGS-B needs finite values of 'fn' (got ${f})`);
    }
    if (gr === undefined) fdGradientInPlace(fn, point, ndeps, g, l, u);
    else gradientInto(gr, point, g);
    nfgv++;
    return f;
  };

  const mem = new LbfgsMemory(n, m);
  const work: CauchyWork = {
    xcp: new Float64Array(n),
    c: new Float64Array(2 * m),
    d: new Float64Array(n),
    t: new Float64Array(n),
    order: new Int32Array(n),
    p: new Float64Array(2 * m),
    v: new Float64Array(2 * m),
    wbp: new Float64Array(2 * m),
    nseg: 0,
  };
  const z = new Float64Array(n);
  const r = new Float64Array(n);
  const d = new Float64Array(n);
  const t = new Float64Array(n);
  const gOld = new Float64Array(n);
  const wv = new Float64Array(2 * m);
  const free = new Int32Array(n);
  const search = new MoreThuente(FTOL, GTOL, XTOL, 0, STPMX_BIG);

  let f = evaluate(x, true);
  let iter = 0;
  let message = '';
  let convergence = 0;
  let done = false;
  const finishWith = (code: number, text: string): void => {
    convergence = code;
    message = text;
    done = true;
  };
  if (projectedGradientNorm(x, g, l, u, nbd) <= pgtol) {
    finishWith(0, 'CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL');
  }
  let nfree = n;
  for (let i = 0; i < n; i++) free[i] = i;

  while (!done) {
    // ---- search direction: Cauchy point and subspace minimization ----
    let ok = true;
    if (!cnstnd && mem.col > 0) {
      z.set(x);
    } else {
      ok = cauchyPoint(x, l, u, nbd, g, iwhere, mem, work);
      if (ok) {
        z.set(work.xcp);
        nfree = 0;
        for (let i = 0; i < n; i++) if (iwhere[i] <= 0) free[nfree++] = i;
      }
    }
    if (ok && nfree > 0 && mem.col > 0) {
      ok = reducedGradientInto(x, z, g, free, nfree, cnstnd, mem, work, r);
      if (ok) ok = mem.subspaceDirection(free, nfree, r, wv);
      if (ok) truncateInPlace(z, r, free, nfree, l, u, nbd);
    }
    if (!ok) {
      // singular system: refresh the memory and restart the iteration
      mem.reset();
      continue;
    }
    for (let i = 0; i < n; i++) d[i] = z[i] - x[i];

    // ---- line search (lnsrlb) ----
    const dtd = dot(d, d);
    const dnorm = Math.sqrt(dtd);
    let stpmx = STPMX_BIG;
    if (cnstnd) {
      if (iter === 0) stpmx = 1;
      else {
        for (let i = 0; i < n; i++) {
          const a1 = d[i];
          if (nbd[i] === 0) continue;
          if (a1 < 0 && nbd[i] <= 2) {
            const a2 = l[i] - x[i];
            if (a2 >= 0) stpmx = 0;
            else if (a1 * stpmx < a2) stpmx = a2 / a1;
          } else if (a1 > 0 && nbd[i] >= 2) {
            const a2 = u[i] - x[i];
            if (a2 <= 0) stpmx = 0;
            else if (a1 * stpmx > a2) stpmx = a2 / a1;
          }
        }
      }
    }
    const stp0 = iter === 0 && !boxed ? Math.min(1 / dnorm, stpmx) : 1;
    t.set(x);
    gOld.set(g);
    const fold = f;
    const gdold = dot(g, d);
    let lineFailed = false;
    let iback = 0;
    let stp = stp0;
    let gd = gdold;
    if (gdold >= 0) {
      lineFailed = true; // ascent direction: line search impossible
    } else {
      let task = search.start(f, gdold, stp0, 0, stpmx);
      let ifun = 0;
      while (task === 'FG') {
        stp = search.stp;
        if (stp === 1) x.set(z);
        else for (let i = 0; i < n; i++) x[i] = stp * d[i] + t[i];
        ifun++;
        iback = ifun - 1;
        if (iback >= 20) break;
        f = evaluate(x, false);
        gd = dot(g, d);
        task = search.next(f, gd);
      }
      stp = search.stp;
      if (task === 'ERROR' || iback >= 20) lineFailed = true;
    }
    if (lineFailed) {
      x.set(t);
      g.set(gOld);
      f = fold;
      if (mem.col === 0) {
        finishWith(52, 'ERROR: ABNORMAL_TERMINATION_IN_LNSRCH');
        break;
      }
      mem.reset();
      continue;
    }
    iter++;
    trace?.push({ iteration: iter, value: f, action: `nfgv ${nfgv}` });
    if (iter > maxit) {
      finishWith(1, 'NEW_X');
      break;
    }
    // ---- convergence tests ----
    if (projectedGradientNorm(x, g, l, u, nbd) <= pgtol) {
      finishWith(0, 'CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL');
      break;
    }
    const ddum = Math.max(Math.abs(fold), Math.abs(f), 1);
    if (fold - f <= tol * ddum) {
      finishWith(0, 'CONVERGENCE: REL_REDUCTION_OF_F <= FACTR*EPSMCH');
      break;
    }
    // ---- BFGS update (matupd) ----
    for (let i = 0; i < n; i++) r[i] = g[i] - gOld[i];
    const rr = dot(r, r);
    let dr: number;
    let slope: number;
    if (stp === 1) {
      dr = gd - gdold;
      slope = -gdold;
    } else {
      dr = (gd - gdold) * stp;
      for (let i = 0; i < n; i++) d[i] *= stp;
      slope = -gdold * stp;
    }
    // skip the update when the curvature sᵀy is not safely positive
    if (dr <= epsmch * slope) continue;
    mem.add(d, r, stp === 1 ? dtd : stp * stp * dtd, dr, rr);
  }

  const result: OptimResult = {
    par: x,
    value: f,
    counts: { function: nfgv, gradient: nfgv },
    convergence,
    message,
  };
  if (trace) result.trace = trace;
  return result;
}
