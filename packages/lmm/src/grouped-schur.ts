import { type GroupedScatter, subtractGroupedScatterInPlace } from '@likelihood/linalg';
import type { LmmSystem } from './lmm-system.js';
import type { RestOrdering } from './rest-ordering.js';

/**
 * The Schur update Σ_j Lr1_j Lr1_jᵀ of a scalar first term (p1 = 1) regrouped so that it costs
 * one sequential pass per evaluation. With a_j = A_r1_j (θ-free), n_j = A11_j = Σ_i z_i² over
 * level j, D = diag(Λr) and ω(n) = λ1² / (λ1² n + 1):
 *
 *   Lr1_j Lr1_jᵀ = ω(n_j) · D a_j a_jᵀ D,   so   Σ_j Lr1_j Lr1_jᵀ = D (Σ_g ω(n_g) M_g) D,
 *
 * where g runs over the distinct n_j and M_g = Σ_{j: n_j = n_g} a_j a_jᵀ. Stored by position
 * (a ≥ b in the elimination order of the rest block) with the list of (g, (M_g)_ab) as
 * linalg's {@link GroupedScatter}: `target` = pa + pb·m into the ordered rest block, `rowA`,
 * `rowB` the natural rows a, b.
 */
export interface GroupedSchur extends GroupedScatter {
  /** n_g of each group. */
  readonly groupN: Float64Array;
  /** Number of levels j with n_j = n_g, per group. */
  readonly groupCount: Float64Array;
}

/**
 * Builds the grouped update once per system and order, or null when it would not pay (a
 * vector-valued first term, or more distinct n_j than a quarter of the levels).
 */
export function groupedSchur(sys: LmmSystem, ord: RestOrdering): GroupedSchur | null {
  const { p1, nl1, m, A11, r1Ptr, r1Vals } = sys;
  if (p1 !== 1) return null;
  const groupOf = new Map<number, number>();
  const levelGroup = new Int32Array(nl1);
  for (let j = 0; j < nl1; j++) {
    const n = A11[j]!;
    let g = groupOf.get(n);
    if (g === undefined) {
      g = groupOf.size;
      groupOf.set(n, g);
    }
    levelGroup[j] = g;
  }
  const G = groupOf.size;
  if (G > nl1 / 4) return null;
  const groupN = new Float64Array(G);
  for (const [n, g] of groupOf) groupN[g] = n;
  const groupCount = new Float64Array(G);
  for (let j = 0; j < nl1; j++) groupCount[levelGroup[j]!]!++;
  const { entryOrder, entryPos } = ord;
  // levels by group (counting sort)
  const gStart = new Int32Array(G + 1);
  for (let j = 0; j < nl1; j++) gStart[levelGroup[j]! + 1]!++;
  for (let g = 0; g < G; g++) gStart[g + 1]! += gStart[g]!;
  const byGroup = new Int32Array(nl1);
  const fill = gStart.slice(0, G);
  for (let j = 0; j < nl1; j++) byGroup[fill[levelGroup[j]!]!++] = j;
  // triplets (key, g, (M_g)_key) in group order: the first touch of a key in group g opens
  // its triplet (stamp), later touches accumulate into it (slot)
  let bound = 0;
  for (let j = 0; j < nl1; j++) {
    const c = r1Ptr[j + 1]! - r1Ptr[j]!;
    bound += (c * (c + 1)) / 2;
  }
  const mm = m * m;
  const stamp = new Int32Array(mm).fill(-1);
  const slot = new Int32Array(mm);
  const tKey = new Int32Array(bound);
  const tGrp = new Int32Array(bound);
  const tVal = new Float64Array(bound);
  let nt = 0;
  for (let g = 0; g < G; g++) {
    for (let l = gStart[g]!; l < gStart[g + 1]!; l++) {
      const j = byGroup[l]!;
      const e0 = r1Ptr[j]!;
      const e1 = r1Ptr[j + 1]!;
      for (let ib = e0; ib < e1; ib++) {
        const eb = entryOrder[ib]!;
        const vb = r1Vals[eb]!;
        if (vb === 0) continue;
        const col = entryPos[eb]! * m;
        for (let ia = ib; ia < e1; ia++) {
          const ea = entryOrder[ia]!;
          const key = entryPos[ea]! + col;
          if (stamp[key] !== g) {
            stamp[key] = g;
            slot[key] = nt;
            tKey[nt] = key;
            tGrp[nt] = g;
            nt++;
          }
          tVal[slot[key]!]! += r1Vals[ea]! * vb;
        }
      }
    }
  }
  // triplets sorted by position (stable counting sort on the position index)
  const start = slot; // reused: triplets per key, then the key's first slot in sorted order
  start.fill(0);
  for (let k = 0; k < nt; k++) start[tKey[k]!]!++;
  let nTargets = 0;
  for (let key = 0; key < mm; key++) if (start[key]! > 0) nTargets++;
  const target = new Int32Array(nTargets);
  const ptr = new Int32Array(nTargets + 1);
  for (let key = 0, t = 0; key < mm; key++) {
    const c = start[key]!;
    if (c === 0) continue;
    target[t] = key;
    start[key] = ptr[t]!;
    ptr[t + 1] = ptr[t]! + c;
    t++;
  }
  const grp = new Int32Array(nt);
  const val = new Float64Array(nt);
  for (let k = 0; k < nt; k++) {
    const to = start[tKey[k]!]!++;
    grp[to] = tGrp[k]!;
    val[to] = tVal[k]!;
  }
  const { perm } = ord;
  const rowA = new Int32Array(nTargets);
  const rowB = new Int32Array(nTargets);
  for (let t = 0; t < nTargets; t++) {
    const key = target[t]!;
    const b = Math.floor(key / m);
    rowA[t] = perm[key - b * m]!;
    rowB[t] = perm[b]!;
  }
  return { groupN, groupCount, target, rowA, rowB, ptr, grp, val };
}

/**
 * L[target_k] −= s_a s_b Σ_g ω(n_g) (M_g)_ab for every position k (`s` = diag(Λr) over the
 * natural rest rows, `lambda1` = Λ1): linalg's grouped scatter with the weights ω(n_g).
 * `omega` is a workspace of one entry per group.
 */
export function subtractGroupedSchurInPlace(
  gs: GroupedSchur,
  lambda1: number,
  s: Float64Array,
  L: Float64Array,
  omega: Float64Array,
): void {
  groupWeightsInto(gs.groupN, lambda1, omega);
  subtractGroupedScatterInPlace(L, gs, omega, s);
}

/** omega[g] = ω(n_g) = λ1² / (λ1² n_g + 1) for each group. Mutates `omega`. */
export function groupWeightsInto(groupN: Float64Array, lambda1: number, omega: Float64Array): void {
  const l2 = lambda1 * lambda1;
  for (let g = 0; g < groupN.length; g++) omega[g] = l2 / (l2 * groupN[g]! + 1);
}

/**
 * log|L11|² of a scalar first term by groups: L11_j = √(λ1² n_j + 1), so
 * 2 Σ_j log L11_j = Σ_g count_g · log(λ1² n_g + 1).
 */
export function logDetTerm1Grouped(gs: GroupedSchur, lambda1: number): number {
  const l2 = lambda1 * lambda1;
  const { groupN, groupCount } = gs;
  let ld = 0;
  for (let g = 0; g < groupN.length; g++) ld += groupCount[g]! * Math.log(l2 * groupN[g]! + 1);
  return ld;
}
