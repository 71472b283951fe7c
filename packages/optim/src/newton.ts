import { evaluateStart, gradientInto, toParameters } from './checks.js';
import { choleskyInPlace, choleskySolveInPlace, matrixInto } from './dense-small.js';
import type {
  CommonOptions,
  Gradient,
  HessianFn,
  Objective,
  OptimResult,
  TraceEntry,
} from './types.js';

/** Options of {@link newton}. */
export interface NewtonOptions extends CommonOptions {
  /** Stop when the Newton decrement λ²/2 = gᵀH⁻¹g/2 <= reltol·(|f| + reltol). Default 1e-12. */
  reltol?: number;
  /** Maximum number of Newton iterations, default 100. */
  maxit?: number;
  /** Armijo sufficient-decrease constant c in f(x + t d) <= f(x) + c t gᵀd. Default 1e-4. */
  armijo?: number;
  /** Step reduction factor of the backtracking line search, default 0.5. */
  shrink?: number;
}

/**
 * Newton's method with an analytic gradient and Hessian and a backtracking (Armijo) line
 * search: d = −(H + μI)⁻¹ g, μ = 0 when H is positive definite, otherwise the smallest
 * μ = 10^k·max(1, max|H_ii|)·1e-8 that makes the Cholesky factorization succeed; then
 * x ← x + t d with t halved until f(x + t d) <= f(x) + c·t·gᵀd. Converges quadratically on
 * convex likelihoods. `hessian: true` returns the analytic Hessian at the solution.
 */
export function newton(
  fn: Objective,
  gr: Gradient,
  hess: HessianFn,
  par: ArrayLike<number>,
  options: NewtonOptions = {},
): OptimResult {
  const x = toParameters(par);
  const n = x.length;
  const reltol = options.reltol ?? 1e-12;
  const maxit = options.maxit ?? 100;
  const c = options.armijo ?? 1e-4;
  const shrink = options.shrink ?? 0.5;
  const trace: TraceEntry[] | undefined = options.trace ? [] : undefined;
  let f = evaluateStart(fn, x);
  let fcount = 1;
  let gcount = 0;
  const g = new Float64Array(n);
  const H = new Float64Array(n * n);
  const R = new Float64Array(n * n);
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  let convergence = 1;
  let message: string | null = 'iteration limit reached';
  let iter = 0;
  for (; iter < maxit; iter++) {
    gradientInto(gr, x, g);
    gcount++;
    matrixInto(hess(x), n, H, 'hess');
    let scale = 1;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(H[i * n + i]));
    let mu = 0;
    while (!choleskyInPlace(H, n, mu, R)) {
      mu = mu === 0 ? 1e-8 * scale : mu * 10;
      if (!Number.isFinite(mu)) break;
    }
    if (!Number.isFinite(mu)) {
      convergence = 52;
      message = 'Hessian could not be made positive definite';
      break;
    }
    for (let i = 0; i < n; i++) d[i] = -g[i];
    choleskySolveInPlace(R, n, d);
    let slope = 0;
    for (let i = 0; i < n; i++) slope += g[i] * d[i];
    const decrement = -slope / 2;
    let t = 1;
    let fNew = Number.NaN;
    for (let k = 0; k < 60; k++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + t * d[i];
      fNew = fn(xNew);
      fcount++;
      if (Number.isFinite(fNew) && fNew <= f + c * t * slope) break;
      t *= shrink;
    }
    const accepted = Number.isFinite(fNew) && fNew <= f + c * t * slope;
    if (accepted) {
      x.set(xNew);
      f = fNew;
    }
    trace?.push({ iteration: iter + 1, value: f, action: mu > 0 ? 'RIDGE' : 'NEWTON' });
    if (decrement <= reltol * (Math.abs(f) + reltol)) {
      convergence = 0;
      message = null;
      iter++;
      break;
    }
    if (!accepted) {
      convergence = 52;
      message = 'line search failed to decrease the objective';
      break;
    }
  }
  const result: OptimResult = {
    par: x,
    value: f,
    counts: { function: fcount, gradient: gcount },
    convergence,
    message,
  };
  if (options.hessian) result.hessian = matrixInto(hess(x), n, new Float64Array(n * n), 'hess');
  if (trace) result.trace = trace;
  return result;
}
