import {
  type CollapsedMultinomial,
  type CollapsedMultinomialOptions,
  collapsedMultinomial,
} from './cell-collapsing.js';
import { ParametrizationError } from './errors.js';

/** The peppered moths of seed 000 §6.2.1 as a collapsed multinomial (data, cells, names). */
export interface PepperedMothsSpec extends CollapsedMultinomialOptions {
  /** Phenotype counts (carbonaria C, insularia I, typica T) = (85, 196, 341). */
  readonly x: readonly number[];
  /** R's `group = c(1, 1, 1, 2, 2, 3)`: CC, CI, CT → C; II, IT → I; TT → T. */
  readonly partition: readonly number[];
  readonly K: 6;
  readonly genotypes: readonly string[];
  readonly phenotypes: readonly string[];
  /** ψ = (p_C, p_I), the allele frequencies optimized over. */
  readonly parameterNames: readonly string[];
}

function checkPsi(psi: ArrayLike<number>): void {
  if (psi.length !== 2) {
    throw new ParametrizationError(`psi has length ${psi.length}, expected 2 (pC, pI)`);
  }
}

/**
 * Hardy–Weinberg genotype probabilities from ψ = (p_C, p_I), p_T = 1 − p_C − p_I:
 * (p_C², 2p_Cp_I, 2p_Cp_T, p_I², 2p_Ip_T, p_T²), or null outside 0 ≤ p_C, p_I ≤ 1, p_T ≥ 0.
 * The operations are the seed's `prob` in R's order, so objective values match R's bit for bit.
 */
export function pepperedMothsProb(psi: Float64Array): Float64Array | null {
  checkPsi(psi);
  const p1 = psi[0]!;
  const p2 = psi[1]!;
  const p3 = 1 - p1 - p2;
  if (!(p1 <= 1 && p1 >= 0 && p2 <= 1 && p2 >= 0 && p3 >= 0)) return null;
  return Float64Array.of(p1 * p1, 2 * p1 * p2, 2 * p1 * p3, p2 * p2, 2 * p2 * p3, p3 * p3);
}

/** ∂p_k/∂(p_C, p_I) of `pepperedMothsProb` (6 × 2, column-major), using ∂p_T/∂p_C = ∂p_T/∂p_I = −1. */
export function pepperedMothsJacobian(psi: Float64Array): Float64Array {
  checkPsi(psi);
  const pC = psi[0]!;
  const pI = psi[1]!;
  const pT = 1 - pC - pI;
  return Float64Array.of(
    // d/d pC
    2 * pC,
    2 * pI,
    2 * pT - 2 * pC,
    0,
    -2 * pI,
    -2 * pT,
    // d/d pI
    0,
    2 * pC,
    -2 * pC,
    2 * pI,
    2 * pT - 2 * pI,
    -2 * pT,
  );
}

/** The ready-made peppered moths model specification (reused by `em` and the demo). */
export const pepperedMothsSpec: PepperedMothsSpec = {
  x: [85, 196, 341],
  partition: [1, 1, 1, 2, 2, 3],
  K: 6,
  prob: pepperedMothsProb,
  jacobian: pepperedMothsJacobian,
  genotypes: ['CC', 'CI', 'CT', 'II', 'IT', 'TT'],
  phenotypes: ['C', 'I', 'T'],
  parameterNames: ['pC', 'pI'],
};

/**
 * The peppered moths collapsed multinomial: `negLogLik(ψ)` is the seed's `loglik`
 * (−Σ x_j log M(p(ψ))_j, +∞ outside the parameter set), `conditionalExpectation(ψ)` the
 * expected genotype counts. Pass other phenotype counts `x` to reuse the model.
 */
export function pepperedMoths(x: ArrayLike<number> = pepperedMothsSpec.x): CollapsedMultinomial {
  return collapsedMultinomial({ ...pepperedMothsSpec, x });
}
