import type { CollapsedMultinomial } from '@likelihood/expfam';
import {
  type CollapsedMultinomialSpec,
  collapsedMultinomialModel,
} from './collapsed-multinomial.js';
import { EMInputError } from './errors.js';
import type { EMModel } from './types.js';

/** Options of `collapsedMultinomialEM`. */
export interface CollapsedMultinomialEMOptions {
  /** The complete-data MLE psi-hat(N) from (expected) complete-cell counts: the M-step. */
  completeMLE(counts: Float64Array): Float64Array;
  /** Optional d log p_k / d psi and d^2 log p_k (see `CollapsedMultinomialSpec`), for Louis' SEs. */
  logProbDerivatives?: CollapsedMultinomialSpec['logProbDerivatives'];
}

/**
 * The EM model of an `@likelihood/expfam` collapsed multinomial X = M(N), N ~ Mult(n, p(psi)):
 * E-step = expfam's conditional cell expectation E(N_k | X = x) = x_j p_k / M(p)_j, M-step = the
 * user's complete-data MLE, l(psi) = expfam's sum_j x_j log M(p(psi))_j (-Inf outside the
 * parameter set, which also marks SQUAREM steps as outside).
 */
export function collapsedMultinomialEM(
  cm: CollapsedMultinomial,
  options: CollapsedMultinomialEMOptions,
): EMModel<Float64Array, Float64Array> {
  const K = cm.map.K;
  const spec: CollapsedMultinomialSpec = {
    group: cm.map.group,
    prob: (psi) => {
      const p = cm.probabilities(psi);
      if (p === null)
        throw new EMInputError(
          'psi',
          `(${Array.from(psi).join(', ')}) is outside the parameter set`,
        );
      return p;
    },
    completeMLE: options.completeMLE,
    inParameterSpace: (psi) => cm.probabilities(psi) !== null,
  };
  if (options.logProbDerivatives !== undefined)
    spec.logProbDerivatives = options.logProbDerivatives;
  const base = collapsedMultinomialModel(spec, cm.x);
  return {
    ...base,
    eStep: (psi) => {
      const n = cm.conditionalExpectation(psi);
      if (n.length !== K)
        throw new EMInputError('psi', 'conditional expectation has the wrong length');
      return n;
    },
    logLik: (psi) => cm.logLik(psi),
  };
}
