import { isConverged, isDecrease, logLikChange, paramChange, resolveControl } from './control.js';
import { finishRun } from './finish-run.js';
import { squarem } from './squarem.js';
import type { EMControl, EMModel, EMResult, EMWarning } from './types.js';

/**
 * Runs EM from `start`: theta_{t+1} = M(E(theta_t)) until the stopping rule of `control`
 * holds (see `EMControl`) or `maxIter` steps were taken. Records l(theta_t) for every t,
 * reports any decrease beyond rounding as a `'non-monotone'` warning (EM never decreases l in
 * exact arithmetic, so a decrease flags a bug in the E or M step), and a `'non-convergence'`
 * warning when `maxIter` is reached. With `acceleration: 'squarem'` runs SQUAREM instead.
 */
export function runEM<P, S>(model: EMModel<P, S>, start: P, control?: EMControl): EMResult<P> {
  const c = resolveControl(model, control);
  if (c.acceleration === 'squarem') return squarem(model, start, c);

  const fused = model.logLikFromStats !== undefined;
  const wantVec = c.criterion !== 'loglik' && model.toVector !== undefined;
  let eSteps = 0;
  let pending: S | undefined;
  const evaluate = (p: P): number => {
    if (fused) {
      pending = model.eStep(p);
      eSteps++;
      return model.logLikFromStats!(pending);
    }
    return model.logLik(p);
  };

  const warnings: EMWarning[] = [];
  const trace: number[] = [];
  let theta = start;
  let l = evaluate(theta);
  if (c.trace) trace.push(l);
  let vec = wantVec ? model.toVector!(theta) : undefined;
  let dl = Number.POSITIVE_INFINITY;
  let dpar = Number.POSITIVE_INFINITY;
  let converged = false;
  let it = 0;
  while (it < c.maxIter) {
    it++;
    let stats = pending;
    pending = undefined;
    if (stats === undefined) {
      stats = model.eStep(theta);
      eSteps++;
    }
    const next = model.mStep(stats, theta);
    const lNext = evaluate(next);
    if (c.trace) trace.push(lNext);
    if (!Number.isFinite(lNext)) {
      warnings.push({
        type: 'non-finite',
        iteration: it,
        message: `log-likelihood is ${lNext} at iteration ${it}: EM stopped at the previous iterate`,
      });
      break;
    }
    if (isDecrease(l, lNext, c.monotoneTol)) {
      warnings.push({
        type: 'non-monotone',
        iteration: it,
        message: `log-likelihood decreased from ${l} to ${lNext} at iteration ${it}`,
      });
    }
    dl = logLikChange(l, lNext, c.tol, c.logLikChange);
    if (vec !== undefined) {
      const nextVec = model.toVector!(next);
      dpar = paramChange(vec, nextVec, c.paramChange);
      vec = nextVec;
    }
    theta = next;
    l = lNext;
    if (isConverged(c, dl, dpar)) {
      converged = true;
      break;
    }
  }
  return finishRun(
    'EM',
    c.maxIter,
    {
      params: theta,
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
