import { DomainError } from './errors.js';
import {
  type FamilyName,
  type FamilyStart,
  type GlmResponse,
  ones,
  priorWeights,
  vectorResponse,
} from './family.js';

/** A y value a family cannot start from: `rejects(y_i)`, with the error text for index i. */
export interface ResponseCheck {
  rejects(yi: number): boolean;
  message(i: number, yi: number): string;
}

/**
 * R's `initialize` of the continuous families (gaussian, Gamma, inverse.gaussian): y the numeric
 * response, prior weights (all ones when omitted), n = 1, mustart = y. With `check`, the first
 * y_i it rejects is a {@link DomainError} with its message.
 */
export function continuousStart(
  family: FamilyName,
  response: GlmResponse,
  weightsArg: ArrayLike<number> | undefined,
  check: ResponseCheck | null,
): FamilyStart {
  const y = vectorResponse(family, response);
  const weights = priorWeights(weightsArg, y.length);
  if (check !== null) {
    for (let i = 0; i < y.length; i++) {
      if (check.rejects(y[i]!)) throw new DomainError(check.message(i, y[i]!));
    }
  }
  return { y, weights, n: ones(y.length), mustart: Float64Array.from(y), warnings: [] };
}
