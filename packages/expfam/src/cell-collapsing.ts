import { LengthError, ParametrizationError, PartitionError } from './errors.js';
import { checkCounts } from './multinomial.js';

/**
 * The collapsing map M of a partition A₁ ∪ … ∪ A_{K₀} = {1, …, K}:
 * M(v)_j = Σ_{k ∈ A_j} v_k (seed 000 §6.2.1).
 */
export interface CollapseMap {
  readonly K: number;
  readonly K0: number;
  /** group[k] = j (0-based) such that cell k + 1 ∈ A_{j+1}. */
  readonly group: Int32Array;
  /** M(v) into `out` (allocated when omitted); the sums run over k in increasing order, as R's `tapply`. */
  apply(v: ArrayLike<number>, out?: Float64Array): Float64Array;
}

/**
 * Builds M from a partition given either as the sets A_j (arrays of 1-based cells, e.g.
 * `[[1, 2, 3], [4, 5], [6]]`) or as R's `group` vector of 1-based labels per cell (e.g.
 * `[1, 1, 1, 2, 2, 3]`). Throws `PartitionError` unless the sets cover 1…K exactly once
 * (or the labels are 1…K₀ with no empty group).
 */
export function collapseMap(
  partition: ReadonlyArray<ReadonlyArray<number>> | ArrayLike<number>,
  K: number,
): CollapseMap {
  if (!Number.isInteger(K) || K < 1)
    throw new PartitionError(`K = ${K} must be a positive integer`);
  const group = new Int32Array(K).fill(-1);
  let K0: number;
  const first = (partition as ArrayLike<unknown>)[0];
  if (partition.length > 0 && typeof first === 'object') {
    const sets = partition as ReadonlyArray<ReadonlyArray<number>>;
    K0 = sets.length;
    sets.forEach((set, j) => {
      if (set.length === 0) throw new PartitionError(`partition: set ${j + 1} is empty`);
      for (const k of set) {
        if (!Number.isInteger(k) || k < 1 || k > K) {
          throw new PartitionError(`partition: set ${j + 1} holds ${k}, not a cell in 1..${K}`);
        }
        if (group[k - 1] !== -1) {
          throw new PartitionError(
            `partition: cell ${k} is in set ${group[k - 1]! + 1} and again in set ${j + 1}`,
          );
        }
        group[k - 1] = j;
      }
    });
    const missing: number[] = [];
    for (let k = 0; k < K; k++) if (group[k] === -1) missing.push(k + 1);
    if (missing.length > 0) {
      throw new PartitionError(
        `partition does not cover 1..${K}: cell(s) ${missing.join(', ')} in no set`,
      );
    }
  } else {
    const labels = partition as ArrayLike<number>;
    if (labels.length !== K) {
      throw new PartitionError(`partition: group has length ${labels.length}, expected K = ${K}`);
    }
    K0 = 0;
    for (let k = 0; k < K; k++) {
      const j = labels[k]!;
      if (!Number.isInteger(j) || j < 1) {
        throw new PartitionError(`partition: group[${k}] = ${j} is not a positive integer label`);
      }
      group[k] = j - 1;
      if (j > K0) K0 = j;
    }
    const used = new Uint8Array(K0);
    for (let k = 0; k < K; k++) used[group[k]!] = 1;
    const empty: number[] = [];
    for (let j = 0; j < K0; j++) if (used[j] === 0) empty.push(j + 1);
    if (empty.length > 0) {
      throw new PartitionError(`partition: group label(s) ${empty.join(', ')} have no cell`);
    }
  }
  return {
    K,
    K0,
    group,
    apply(v, out) {
      if (v.length !== K) throw new LengthError(`v has length ${v.length}, expected K = ${K}`);
      const r = out ?? new Float64Array(K0);
      r.fill(0);
      for (let k = 0; k < K; k++) r[group[k]!] += v[k]!;
      return r;
    },
  };
}

/**
 * A user parametrization ψ ↦ p(ψ) of the K cell probabilities. Returning `null` or `undefined`
 * signals that ψ is outside the parameter set (the objective is then +∞).
 */
export type CellParametrization = (psi: Float64Array) => ArrayLike<number> | null | undefined;

/** Options of `collapsedMultinomial`. */
export interface CollapsedMultinomialOptions {
  /** Observed collapsed counts x (length K₀). */
  readonly x: ArrayLike<number>;
  /** The partition, as sets of cells or R's group labels (see `collapseMap`). */
  readonly partition: ReadonlyArray<ReadonlyArray<number>> | ArrayLike<number>;
  /** K, the number of complete cells. */
  readonly K: number;
  /** ψ ↦ p(ψ). */
  readonly prob: CellParametrization;
  /** Optional Jacobian ∂p_k/∂ψ_l (K × q, column-major), enabling `negLogLikGradient`. */
  readonly jacobian?: (psi: Float64Array) => ArrayLike<number>;
  /** Allowed |Σp − 1| before p(ψ) is rejected, default 1e-8. */
  readonly sumTolerance?: number;
}

/** A collapsed multinomial model X = M(N), N ~ Mult(n, p(ψ)). */
export interface CollapsedMultinomial {
  readonly x: Float64Array;
  readonly map: CollapseMap;
  /**
   * p(ψ) checked: null when the parametrization says "outside" or an entry lies outside [0, 1];
   * throws `ParametrizationError` for a wrong length, NaN, or a sum ≠ 1.
   */
  probabilities(psi: ArrayLike<number>): Float64Array | null;
  /** ℓ(ψ) = Σ_j x_j log M(p(ψ))_j (no multinomial constant); −∞ outside the parameter set. */
  logLik(psi: ArrayLike<number>): number;
  /** −ℓ(ψ), +∞ outside the parameter set: the objective to minimize. */
  negLogLik(psi: ArrayLike<number>): number;
  /** −∇ℓ(ψ) = −Σ_j (x_j/M_j) Σ_{k∈A_j} ∂p_k/∂ψ (requires `jacobian`). */
  negLogLikGradient(psi: ArrayLike<number>): Float64Array;
  /** E(N_k | X = x) = x_j p_k / M(p)_j for k ∈ A_j, at ψ. */
  conditionalExpectation(psi: ArrayLike<number>): Float64Array;
}

/**
 * Σ_i a_i with Neumaier's compensation: the correctly rounded sum for a handful of terms,
 * as R's `sum` (accumulated in long double) returns it.
 */
function accurateSum(a: ArrayLike<number>): number {
  let plain = 0;
  for (let i = 0; i < a.length; i++) plain += a[i]!;
  if (!Number.isFinite(plain)) return plain; // ±Inf or NaN: no compensation
  let s = 0;
  let c = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/** E(N_k | X = x) = x_j p_k / M(p)_j, k ∈ A_j, for given cell probabilities p (0 where M(p)_j = 0). */
export function conditionalCellExpectation(
  x: ArrayLike<number>,
  map: CollapseMap,
  p: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  return conditionalCellExpectationInto(
    out ?? new Float64Array(map.K),
    x,
    map,
    p,
    new Float64Array(map.K0),
  );
}

/**
 * `conditionalCellExpectation` without allocation, for E-steps: writes M(p) into `Mp` (length
 * K₀) and E(N_k | X = x) = x_j p_k / M(p)_j into `out` (length K), which it returns. Unchecked:
 * p has length K and x length K₀.
 */
export function conditionalCellExpectationInto(
  out: Float64Array,
  x: ArrayLike<number>,
  map: CollapseMap,
  p: ArrayLike<number>,
  Mp: Float64Array,
): Float64Array {
  map.apply(p, Mp);
  for (let k = 0; k < map.K; k++) {
    const j = map.group[k]!;
    out[k] = Mp[j]! > 0 ? (x[j]! * p[k]!) / Mp[j]! : 0;
  }
  return out;
}

/**
 * The collapsed multinomial log-likelihood (seed 000 eq. 6.1) for a user parametrization:
 * ℓ(ψ) = Σ_j x_j log Σ_{k∈A_j} p_k(ψ). The cell sums and the sum over j are evaluated in R's
 * order (`M <- tapply(p, group, sum)`, `-sum(x * log(M))`), so optimizers retrace R's path.
 */
export function collapsedMultinomial(options: CollapsedMultinomialOptions): CollapsedMultinomial {
  const map = collapseMap(options.partition, options.K);
  const x = Float64Array.from(options.x);
  if (x.length !== map.K0) {
    throw new LengthError(`x has length ${x.length}, expected ${map.K0} (one count per set)`);
  }
  checkCounts('x', x);
  const { K, K0, group } = map;
  const tol = options.sumTolerance ?? 1e-8;
  const Mp = new Float64Array(K0);
  const terms = new Float64Array(K0);
  const cells: number[][] = Array.from({ length: K0 }, () => []);
  for (let k = 0; k < K; k++) cells[group[k]!]!.push(k);
  const cellBuf = new Float64Array(K);

  const probabilities = (psi: ArrayLike<number>): Float64Array | null => {
    const raw = options.prob(Float64Array.from(psi));
    if (raw === null || raw === undefined) return null;
    if (raw.length !== K) {
      throw new ParametrizationError(
        `prob(psi) returned ${raw.length} cell probabilities, expected K = ${K} (psi = ${Array.from(psi).join(', ')})`,
      );
    }
    const p = Float64Array.from(raw);
    let outside = false;
    for (let k = 0; k < K; k++) {
      if (Number.isNaN(p[k]!)) {
        throw new ParametrizationError(
          `prob(psi)[${k}] is NaN (psi = ${Array.from(psi).join(', ')})`,
        );
      }
      if (p[k]! < 0 || p[k]! > 1) outside = true;
    }
    if (outside) return null;
    const total = accurateSum(p);
    if (Math.abs(total - 1) > tol) {
      throw new ParametrizationError(
        `prob(psi) sums to ${total}, not 1 (psi = ${Array.from(psi).join(', ')})`,
      );
    }
    return p;
  };

  /** M(p)_j summed over A_j in cell order, compensated like R's long-double `sum`. */
  const collapse = (p: Float64Array) => {
    for (let j = 0; j < K0; j++) {
      const cj = cells[j]!;
      for (let i = 0; i < cj.length; i++) cellBuf[i] = p[cj[i]!]!;
      Mp[j] = accurateSum(cellBuf.subarray(0, cj.length));
    }
    return Mp;
  };

  const logLik = (psi: ArrayLike<number>): number => {
    const p = probabilities(psi);
    if (p === null) return Number.NEGATIVE_INFINITY;
    collapse(p);
    // 0 · log 0 := 0 for an empty observed set (R would give NaN there)
    for (let j = 0; j < K0; j++) terms[j] = x[j] === 0 ? 0 : x[j]! * Math.log(Mp[j]!);
    return accurateSum(terms);
  };

  return {
    x,
    map,
    probabilities,
    logLik,
    negLogLik: (psi) => -logLik(psi),
    negLogLikGradient(psi) {
      if (!options.jacobian) {
        throw new ParametrizationError('negLogLikGradient needs the jacobian option (dp/dpsi)');
      }
      const p = probabilities(psi);
      const q = psi.length;
      if (p === null) return new Float64Array(q).fill(Number.NaN);
      const J = options.jacobian(Float64Array.from(psi));
      if (J.length !== K * q) {
        throw new ParametrizationError(
          `jacobian(psi) has length ${J.length}, expected K·q = ${K * q}`,
        );
      }
      collapse(p);
      const g = new Float64Array(q);
      for (let l = 0; l < q; l++) {
        let s = 0;
        for (let k = 0; k < K; k++) {
          const j = group[k]!;
          s += (x[j]! / Mp[j]!) * J[k + l * K]!;
        }
        g[l] = -s;
      }
      return g;
    },
    conditionalExpectation(psi) {
      const p = probabilities(psi);
      if (p === null) {
        throw new ParametrizationError(
          `psi = ${Array.from(psi).join(', ')} is outside the parameter set: no conditional expectation`,
        );
      }
      return conditionalCellExpectation(x, map, p);
    },
  };
}
