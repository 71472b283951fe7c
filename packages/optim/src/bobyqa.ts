import { evaluateStart } from './checks.js';
import { startInBox } from './bounds.js';
import { InterpolationModel } from './bobyqa-model.js';
import { TrustRegionWork, boxTrustRegionStep } from './bobyqa-trust-region.js';
import { optimHess } from './finite-difference.js';
import { solveWithFixed } from './fixed-parameters.js';
import type { CommonOptions, Objective, OptimResult, TraceEntry } from './types.js';

/** Options of {@link bobyqa}; defaults follow R's minqa::bobyqa. */
export interface BobyqaOptions extends CommonOptions {
  lower?: number | ArrayLike<number>;
  upper?: number | ArrayLike<number>;
  /** Initial trust-region radius; default min(0.95, 0.2·max|x0|) (0.2 if x0 = 0). */
  rhobeg?: number;
  /** Final radius; default 1e-6·rhobeg. */
  rhoend?: number;
  /** Maximum number of function evaluations, default 10000. */
  maxfun?: number;
}

/**
 * Bound-constrained derivative-free minimization by Powell's BOBYQA method: a quadratic model
 * interpolating f at 2n+1 points, each update the least-Frobenius-norm change of its Hessian;
 * trust-region steps inside the box; a point far from the best one is moved to improve the
 * interpolation geometry (largest Lagrange-function value) when the model predicts badly; the
 * resolution rho falls from `rhobeg` to `rhoend` (÷10, or to √(rho·rhoend) / rhoend near the end).
 * The interpolation system is refactorized at each step instead of Powell's updating formulas
 * (same model, simpler code; cheap for the few parameters of LMMs). Non-finite values count as
 * +Infinity-like (1e300). Returns the common {@link OptimResult}; `convergence` 0 or 1 (maxfun).
 */
export function bobyqa(
  fn: Objective,
  par: ArrayLike<number>,
  options: BobyqaOptions = {},
): OptimResult {
  const { x0, bounds } = startInBox(par, options.lower, options.upper);
  const n = x0.length;
  const fixed = solveWithFixed(fn, x0, bounds, options, (reduced, box) =>
    bobyqa(reduced.fn, reduced.x0, {
      ...options,
      ...box,
    }),
  );
  if (fixed !== null) return fixed;
  const { lower, upper } = bounds;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(x0[i]));
  let rhobeg = options.rhobeg ?? (maxAbs > 0 ? Math.min(0.95, 0.2 * maxAbs) : 0.2);
  for (let i = 0; i < n; i++) {
    const width = upper[i] - lower[i];
    if (width > 0 && Number.isFinite(width)) rhobeg = Math.min(rhobeg, 0.5 * width);
  }
  const rhoend = options.rhoend ?? 1e-6 * rhobeg;
  const maxfun = options.maxfun ?? 10000;
  const trace: TraceEntry[] | undefined = options.trace ? [] : undefined;
  let nf = 0;
  const f = (x: Float64Array): number => {
    nf++;
    const v = fn(x);
    return Number.isFinite(v) ? v : 1e300;
  };

  // Start: a coordinate within rhobeg of a bound (but off it) is moved rhobeg inside, as Powell.
  const xs = Float64Array.from(x0);
  for (let i = 0; i < n; i++) {
    if (xs[i] > lower[i] && xs[i] < lower[i] + rhobeg)
      xs[i] = Math.min(lower[i] + rhobeg, upper[i]);
    else if (xs[i] < upper[i] && xs[i] > upper[i] - rhobeg)
      xs[i] = Math.max(upper[i] - rhobeg, lower[i]);
  }
  const model = new InterpolationModel(n);
  const m = model.m;
  const Y = model.Y;
  const F = model.F;
  Y.set(xs, 0);
  F[0] = evaluateStart(fn, xs);
  nf++;
  /** Points center, center ± step e_i (2·step into the box from a bound); evaluate all but center. */
  const buildSet = (center: Float64Array, step: number): void => {
    Y.set(center, 0);
    for (let i = 0; i < n; i++) {
      let up = step;
      let down = -step;
      if (upper[i] - center[i] < 0.5 * step) {
        up = -step;
        down = -2 * step;
      } else if (center[i] - lower[i] < 0.5 * step) {
        up = step;
        down = 2 * step;
      }
      for (const [k, h] of [
        [2 * i + 1, up],
        [2 * i + 2, down],
      ] as const) {
        const y = Y.subarray(k * n, k * n + n);
        y.set(center);
        y[i] = Math.min(Math.max(center[i] + h, lower[i]), upper[i]);
        F[k] = f(y);
      }
    }
  };
  // After the shift above, x is on a bound or about rhobeg or more inside; rhobeg <= width/2.
  buildSet(xs, rhobeg);
  let kopt = 0;
  for (let k = 1; k < m; k++) if (F[k] < F[kopt]) kopt = k;
  const xopt = Float64Array.from(Y.subarray(kopt * n, kopt * n + n));
  model.rebase(xopt);
  model.refit();

  let rho = rhobeg;
  let delta = rhobeg;
  const d = new Float64Array(n);
  const xnew = new Float64Array(n);
  const lag = new Float64Array(m);
  const grad = new Float64Array(n);
  const trWork = new TrustRegionWork(n);
  let hitLimit = false;

  /**
   * Rebuild the interpolation set around xopt with spacing rho when the system has become
   * degenerate (a simplified form of Powell's RESCUE); costs 2n evaluations.
   */
  const rescue = (): void => {
    const center = Float64Array.from(xopt);
    const fc = F[kopt];
    model.reset();
    buildSet(center, Math.max(rho, Math.min(delta, 1e3 * rho)));
    F[0] = fc;
    kopt = 0;
    for (let k = 1; k < m; k++) if (F[k] < F[kopt]) kopt = k;
    xopt.set(Y.subarray(kopt * n, kopt * n + n));
    model.rebase(xopt);
    model.refit();
  };
  /** Replace point k by x (value fx) and refit; update kopt. */
  const replace = (k: number, x: Float64Array, fx: number): void => {
    Y.set(x, k * n);
    F[k] = fx;
    if (fx < F[kopt]) kopt = k;
    for (let i = 0; i < n; i++) xopt[i] = Y[kopt * n + i];
    model.rebase(xopt);
    if (!model.refit()) rescue();
  };
  /** Distance from xopt of the point `farthest` found last. */
  let farDist = 0;
  /** Index of the point farthest from xopt (its distance into `farDist`). */
  const farthest = (): number => {
    let kf = -1;
    let best = 0;
    for (let k = 0; k < m; k++) {
      if (k === kopt) continue;
      let d2 = 0;
      for (let i = 0; i < n; i++) d2 += (Y[k * n + i] - xopt[i]) ** 2;
      if (d2 > best) {
        best = d2;
        kf = k;
      }
    }
    farDist = Math.sqrt(best);
    return kf;
  };
  const cand = new Float64Array(n);
  const best = new Float64Array(n);
  let bestVal = -1;
  /** Clip cand to the box; keep it in `best` if |ℓ_k(cand)| is the largest so far. */
  const consider = (): void => {
    for (let i = 0; i < n; i++) cand[i] = Math.min(Math.max(cand[i], lower[i]), upper[i]);
    const v = Math.abs(model.lagrangeValue(cand));
    if (v > bestVal) {
      bestVal = v;
      best.set(cand);
    }
  };
  /**
   * Move point k to improve geometry: maximize |ℓ_k| over a few steps of length adelt (ℓ_k's
   * coefficients are kept by `lagrangeGradient`, so each candidate costs no solve).
   */
  const geometryStep = (k: number, adelt: number): boolean => {
    if (!model.lagrangeGradient(k, xopt, grad)) return false;
    let gn = 0;
    for (let i = 0; i < n; i++) gn += grad[i] * grad[i];
    gn = Math.sqrt(gn);
    bestVal = -1;
    for (let sign = 1; sign >= -1; sign -= 2) {
      if (gn > 0) {
        for (let i = 0; i < n; i++) cand[i] = xopt[i] + (sign * adelt * grad[i]) / gn;
        consider();
      }
      for (let j = 0; j < n; j++) {
        cand.set(xopt);
        cand[j] += sign * adelt;
        consider();
      }
    }
    if (bestVal <= 0) return false;
    if (nf >= maxfun) {
      hitLimit = true;
      return false;
    }
    replace(k, best, f(best));
    return true;
  };
  const reduceRho = (): boolean => {
    if (rho <= rhoend) return false;
    delta = 0.5 * rho;
    const ratio = rho / rhoend;
    if (ratio <= 16) rho = rhoend;
    else if (ratio <= 250) rho = Math.sqrt(ratio) * rhoend;
    else rho *= 0.1;
    delta = Math.max(delta, rho);
    return true;
  };

  for (;;) {
    if (nf >= maxfun) {
      hitLimit = true;
      break;
    }
    const predicted = boxTrustRegionStep(model, xopt, lower, upper, delta, d, trWork);
    let dnorm = 0;
    for (let i = 0; i < n; i++) dnorm += d[i] * d[i];
    dnorm = Math.sqrt(dnorm);
    if (dnorm < 0.5 * rho || predicted <= 0) {
      // The model sees no useful step at this resolution: fix the geometry or refine rho.
      const kf = farthest();
      const dist = farDist;
      if (
        kf >= 0 &&
        dist > 2 * Math.max(delta, rho) * 1.0000001 &&
        geometryStep(kf, Math.max(rho, Math.min(0.1 * dist, delta)))
      ) {
        continue;
      }
      if (hitLimit || !reduceRho()) break;
      trace?.push({ iteration: nf, value: F[kopt], action: `RHO ${rho}` });
      continue;
    }
    for (let i = 0; i < n; i++) xnew[i] = Math.min(Math.max(xopt[i] + d[i], lower[i]), upper[i]);
    const fold = F[kopt];
    const fnew = f(xnew);
    const ratio = (fold - fnew) / predicted;
    if (ratio <= 0.1) delta = Math.min(0.5 * delta, dnorm);
    else if (ratio <= 0.7) delta = Math.max(0.5 * delta, dnorm);
    else delta = Math.max(0.5 * delta, 2 * dnorm);
    if (delta <= 1.5 * rho) delta = rho;
    // point to replace: largest |ℓ_k(xnew)|, weighted by distance from xopt
    let knew = -1;
    if (model.lagrangeValues(xnew, lag)) {
      let score = -1;
      for (let k = 0; k < m; k++) {
        if (k === kopt && fnew >= fold) continue;
        let d2 = 0;
        for (let i = 0; i < n; i++) d2 += (Y[k * n + i] - xopt[i]) ** 2;
        const w = Math.max(1, (d2 / (delta * delta)) ** 2);
        const s = lag[k] * lag[k] * w;
        if (s > score) {
          score = s;
          knew = k;
        }
      }
    }
    if (knew >= 0) replace(knew, xnew, fnew);
    else {
      // degenerate interpolation system: keep the better point and rebuild around it
      if (fnew < fold) {
        Y.set(xnew, kopt * n);
        F[kopt] = fnew;
        xopt.set(xnew);
      }
      if (nf + 2 * n > maxfun) {
        hitLimit = true;
        break;
      }
      rescue();
    }
    trace?.push({ iteration: nf, value: F[kopt], action: ratio > 0.1 ? 'TRUST' : 'POOR' });
    if (ratio <= 0.1) {
      const kf = farthest();
      const dist = farDist;
      if (kf >= 0 && dist > 2 * delta) {
        geometryStep(kf, Math.max(rho, Math.min(0.1 * dist, delta)));
      } else if (delta <= rho && ratio <= 0) {
        if (!reduceRho()) break;
      }
    }
  }
  const result: OptimResult = {
    par: Float64Array.from(xopt),
    value: F[kopt],
    counts: { function: nf, gradient: null },
    convergence: hitLimit ? 1 : 0,
    message: hitLimit ? 'maximum number of function evaluations reached' : null,
  };
  if (options.hessian)
    result.hessian = optimHess(fn, result.par, undefined, { ndeps: options.ndeps });
  if (trace) result.trace = trace;
  return result;
}
