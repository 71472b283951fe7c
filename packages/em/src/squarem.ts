import {
  isConverged,
  isDecrease,
  logLikChange,
  paramChange,
  type ResolvedControl,
} from './control.js';
import { finishRun } from './finish-run.js';
import type { EMModel, EMResult, EMWarning } from './types.js';

/** Step-length bounds of SqS3 as in the SQUAREM package: start [1, 1], grow by mstep = 4. */
const STEP_MAX0 = 1;
const MSTEP = 4;

/**
 * SQUAREM, scheme SqS3 (Varadhan and Roland 2008). With F the EM map, one cycle is
 *   theta1 = F(theta0), theta2 = F(theta1), r = theta1 - theta0, v = theta2 - 2 theta1 + theta0,
 *   alpha = clamp(||r|| / ||v||, 1, stepMax),
 *   theta' = theta0 + 2 alpha r + alpha^2 v, followed by one stabilising EM step when |alpha-1| > 0.01.
 * When theta' leaves the parameter space (`model.inParameterSpace`, or a non-finite entry or
 * log-likelihood) or l(theta') < l(theta0) beyond rounding, the cycle falls back to theta2 (two
 * plain EM steps, which never decrease l) and stepMax shrinks by 4 (not below 1); each time
 * alpha hits stepMax, stepMax grows by 4. The fallbacks are counted in the warnings.
 */
export function squarem<P, S>(model: EMModel<P, S>, start: P, c: ResolvedControl): EMResult<P> {
  const toVector = model.toVector!;
  const fromVector = model.fromVector!;
  const valid = (v: Float64Array): boolean => {
    for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
    return model.inParameterSpace === undefined || model.inParameterSpace(v);
  };
  let eSteps = 0;
  const fused = model.logLikFromStats !== undefined;
  // Statistics of E(theta) for the current point, kept when l(theta) came from them.
  let cached: { v: Float64Array; stats: S } | undefined;
  const logLikAt = (v: Float64Array): number => {
    const p = fromVector(v);
    if (fused) {
      const stats = model.eStep(p);
      eSteps++;
      cached = { v, stats };
      return model.logLikFromStats!(stats);
    }
    return model.logLik(p);
  };
  const F = (v: Float64Array): Float64Array => {
    const p = fromVector(v);
    let stats: S;
    if (cached !== undefined && cached.v === v) stats = cached.stats;
    else {
      stats = model.eStep(p);
      eSteps++;
    }
    cached = undefined;
    return toVector(model.mStep(stats, p));
  };

  const warnings: EMWarning[] = [];
  const trace: number[] = [];
  let theta = toVector(start);
  let l = logLikAt(theta);
  if (c.trace) trace.push(l);
  let stepMax = STEP_MAX0;
  let fallbacks = 0;
  let dl = Number.POSITIVE_INFINITY;
  let dpar = Number.POSITIVE_INFINITY;
  let converged = false;
  let it = 0;
  const p = theta.length;
  while (it < c.maxIter) {
    it++;
    const t1 = F(theta);
    const t2 = F(t1);
    let sr2 = 0;
    let sv2 = 0;
    for (let i = 0; i < p; i++) {
      const r = t1[i]! - theta[i]!;
      const v = t2[i]! - 2 * t1[i]! + theta[i]!;
      sr2 += r * r;
      sv2 += v * v;
    }
    let alpha = sv2 > 0 ? Math.sqrt(sr2 / sv2) : 1;
    alpha = Math.max(1, Math.min(stepMax, alpha));
    let next: Float64Array | undefined = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      const r = t1[i]! - theta[i]!;
      const v = t2[i]! - 2 * t1[i]! + theta[i]!;
      next[i] = theta[i]! + 2 * alpha * r + alpha * alpha * v;
    }
    if (!valid(next)) next = undefined;
    else if (Math.abs(alpha - 1) > 0.01) {
      next = F(next);
      if (!valid(next)) next = undefined;
    }
    let lNext = next === undefined ? Number.NaN : logLikAt(next);
    if (next === undefined || !Number.isFinite(lNext) || isDecrease(l, lNext, c.monotoneTol)) {
      next = t2;
      lNext = logLikAt(t2);
      fallbacks++;
      if (alpha === stepMax) stepMax = Math.max(STEP_MAX0, stepMax / MSTEP);
      alpha = 1;
    }
    if (!Number.isFinite(lNext)) {
      warnings.push({
        type: 'non-finite',
        iteration: it,
        message: `log-likelihood is ${lNext} after two plain EM steps in cycle ${it}: stopped at the previous iterate`,
      });
      break;
    }
    if (alpha === stepMax) stepMax *= MSTEP;
    if (c.trace) trace.push(lNext);
    if (isDecrease(l, lNext, c.monotoneTol)) {
      warnings.push({
        type: 'non-monotone',
        iteration: it,
        message: `log-likelihood decreased from ${l} to ${lNext} in SQUAREM cycle ${it}`,
      });
    }
    dl = logLikChange(l, lNext, c.tol, c.logLikChange);
    dpar = paramChange(theta, next, c.paramChange);
    theta = next;
    l = lNext;
    if (isConverged(c, dl, dpar)) {
      converged = true;
      break;
    }
  }
  if (fallbacks > 0) {
    warnings.push({
      type: 'squarem-fallback',
      iteration: it,
      message: `${fallbacks} of ${it} SQUAREM cycles fell back to plain EM steps`,
    });
  }
  return finishRun(
    'SQUAREM',
    c.maxIter,
    {
      params: fromVector(theta),
      logLik: l,
      iterations: it,
      eSteps,
      converged,
      trace,
      lastLogLikChange: dl,
      lastParamChange: dpar,
    },
    warnings,
  );
}
