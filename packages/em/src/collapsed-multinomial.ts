import { type CollapseMap, collapseMap, conditionalCellExpectationInto } from '@likelihood/expfam';
import { EMInputError } from './errors.js';
import type { EMModel } from './types.js';

/**
 * A multinomial model for K complete cells with probabilities p(psi), observed only through
 * the collapsed counts x_j = sum_{k in A_j} N_k (seed 000, section 6.2, eq. 6.1).
 */
export interface CollapsedMultinomialSpec {
  /** `group[k]` = index j (0-based) of the observed cell A_j that complete cell k belongs to. */
  readonly group: ArrayLike<number>;
  /** Complete-cell probabilities p(psi) (length K, summing to 1). */
  prob(psi: Float64Array): Float64Array;
  /** The complete-data MLE psi-hat(N) from complete-cell counts N (the M-step). */
  completeMLE(counts: Float64Array): Float64Array;
  /** Optional: whether psi lies in the parameter space (used by SQUAREM). */
  inParameterSpace?(psi: Float64Array): boolean;
  /**
   * Optional complete-data derivatives, enabling the score and Louis' method: `gradient` is the
   * K x q column-major matrix of d log p_k / d psi, `hessian[k]` the q x q column-major
   * d^2 log p_k / d psi d psi^T.
   */
  logProbDerivatives?(psi: Float64Array): { gradient: Float64Array; hessian: Float64Array[] };
}

/**
 * The EM model of a collapsed multinomial with observed counts `x`: E-step = the conditional
 * cell expectations, M-step = `spec.completeMLE`, observed log-likelihood
 * l(psi) = sum_j x_j log(sum_{k in A_j} p_k(psi)) (without the multinomial constant). With
 * `spec.logProbDerivatives` the model also offers the score (Fisher's identity
 * sum_k E[N_k | x] d log p_k) and Louis' information.
 */
export function collapsedMultinomialModel(
  spec: CollapsedMultinomialSpec,
  x: ArrayLike<number>,
): EMModel<Float64Array, Float64Array> {
  const K = spec.group.length;
  const J = x.length;
  if (K === 0) throw new EMInputError('spec.group', 'is empty: no complete cell');
  const cellsIn = new Int32Array(J);
  for (let k = 0; k < K; k++) {
    const j = spec.group[k]!;
    if (!Number.isInteger(j) || j < 0 || j >= J)
      throw new EMInputError('spec.group', `entry ${k} is ${j}, expected an integer in [0, ${J})`);
    cellsIn[j]! += 1;
  }
  for (let j = 0; j < J; j++) {
    if (!(x[j]! >= 0) || !Number.isFinite(x[j]!))
      throw new EMInputError('x', `count ${j} is ${x[j]}, expected a finite number >= 0`);
    if (cellsIn[j] === 0)
      throw new EMInputError('spec.group', `observed cell ${j} holds no complete cell`);
  }
  // expfam's collapsing map M (1-based group labels), valid after the checks above
  const map = collapseMap(
    Array.from(spec.group, (j) => j + 1),
    K,
  );
  const collapsed = new Float64Array(J);
  const probs = (psi: Float64Array): Float64Array => {
    const p = spec.prob(psi);
    if (p.length !== K)
      throw new EMInputError('spec.prob', `returned ${p.length} probabilities, expected ${K}`);
    return p;
  };
  const expected = (psi: Float64Array): Float64Array =>
    conditionalCellExpectationInto(new Float64Array(K), x, map, probs(psi), collapsed);
  const model: EMModel<Float64Array, Float64Array> = {
    eStep: expected,
    mStep: (n) => spec.completeMLE(n),
    logLik(psi) {
      map.apply(probs(psi), collapsed);
      let l = 0;
      for (let j = 0; j < J; j++) if (x[j]! > 0) l += x[j]! * Math.log(collapsed[j]!);
      return l;
    },
    toVector: (psi) => Float64Array.from(psi),
    fromVector: (v) => Float64Array.from(v),
  };
  if (spec.inParameterSpace !== undefined) model.inParameterSpace = spec.inParameterSpace;
  const deriv = spec.logProbDerivatives;
  if (deriv !== undefined) {
    model.score = (psi) => {
      const n = expected(psi);
      const { gradient: G } = deriv(psi);
      const q = psi.length;
      const s = new Float64Array(q);
      for (let a = 0; a < q; a++) for (let k = 0; k < K; k++) s[a] += n[k]! * G[k + a * K]!;
      return s;
    };
    model.louis = (psi) => louisCollapsed(spec, map, x, psi, deriv(psi));
  }
  return model;
}

/**
 * Louis' pieces for l_c = sum_k N_k log p_k(psi): complete information
 * sum_k E[N_k | x] (-d^2 log p_k), and missing information Var[sum_k N_k g_k | x] =
 * sum_j x_j (sum_{k in A_j} pi_k g_k g_k^T - m_j m_j^T), m_j = sum_{k in A_j} pi_k g_k,
 * pi_k = p_k / P_j, since given x the cells of A_j are Multinomial(x_j, pi).
 */
function louisCollapsed(
  spec: CollapsedMultinomialSpec,
  map: CollapseMap,
  x: ArrayLike<number>,
  psi: Float64Array,
  d: { gradient: Float64Array; hessian: Float64Array[] },
): { completeInformation: Float64Array; missingInformation: Float64Array } {
  const p = spec.prob(psi);
  const K = p.length;
  const J = x.length;
  const q = psi.length;
  const P = map.apply(p);
  const Ic = new Float64Array(q * q);
  const Im = new Float64Array(q * q);
  const m = new Float64Array(J * q);
  for (let k = 0; k < K; k++) {
    const j = map.group[k]!;
    const pi = P[j]! > 0 ? p[k]! / P[j]! : 0;
    const nk = x[j]! * pi;
    const Hk = d.hessian[k]!;
    for (let a = 0; a < q; a++) {
      const ga = d.gradient[k + a * K]!;
      m[j + a * J] += pi * ga;
      for (let b = 0; b < q; b++) {
        Ic[a + b * q] -= nk * Hk[a + b * q]!;
        Im[a + b * q] += nk * ga * d.gradient[k + b * K]!;
      }
    }
  }
  for (let j = 0; j < J; j++)
    for (let a = 0; a < q; a++)
      for (let b = 0; b < q; b++) Im[a + b * q] -= x[j]! * m[j + a * J]! * m[j + b * J]!;
  return { completeInformation: Ic, missingInformation: Im };
}
