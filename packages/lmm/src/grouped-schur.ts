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
 * (a ≥ b in the elimination order of the rest block) with the list of (g, (M_g)_ab).
 */
export interface GroupedSchur {
  /** n_g of each group. */
  readonly groupN: Float64Array;
  /** Per position: index pa + pb·m into the ordered rest block, and natural rows a, b. */
  readonly target: Int32Array;
  readonly rowA: Int32Array;
  readonly rowB: Int32Array;
  /** Position k's terms: groups grp[ptr[k] … ptr[k+1]) with values val[…]. */
  readonly ptr: Int32Array;
  readonly grp: Int32Array;
  readonly val: Float64Array;
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
  const { entryOrder, entryPos } = ord;
  // levels by group (counting sort)
  const gStart = new Int32Array(G + 1);
  for (let j = 0; j < nl1; j++) gStart[levelGroup[j]! + 1]!++;
  for (let g = 0; g < G; g++) gStart[g + 1]! += gStart[g]!;
  const byGroup = new Int32Array(nl1);
  const fill = gStart.slice(0, G);
  for (let j = 0; j < nl1; j++) byGroup[fill[levelGroup[j]!]!++] = j;
  // per group: M_g accumulated in a dense scratch, its touched positions flushed to triplets
  const dense = new Float64Array(m * m);
  const touched: number[] = [];
  const tKey: number[] = [];
  const tGrp: number[] = [];
  const tVal: number[] = [];
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
          if (dense[key] === 0) touched.push(key);
          dense[key]! += r1Vals[ea]! * vb;
        }
      }
    }
    for (const key of touched) {
      tKey.push(key);
      tGrp.push(g);
      tVal.push(dense[key]!);
      dense[key] = 0;
    }
    touched.length = 0;
  }
  // triplets sorted by position (counting sort on the position index)
  const nt = tKey.length;
  const count = new Int32Array(m * m + 1);
  for (let k = 0; k < nt; k++) count[tKey[k]! + 1]!++;
  const targets: number[] = [];
  const ptr: number[] = [0];
  for (let key = 0; key < m * m; key++) {
    const c = count[key + 1]!;
    if (c > 0) {
      targets.push(key);
      ptr.push(ptr[ptr.length - 1]! + c);
    }
    count[key + 1] = count[key]! + c;
  }
  const grp = new Int32Array(nt);
  const val = new Float64Array(nt);
  for (let k = 0; k < nt; k++) {
    const at = count[tKey[k]!]!++;
    grp[at] = tGrp[k]!;
    val[at] = tVal[k]!;
  }
  const target = Int32Array.from(targets);
  const { perm } = ord;
  const rowA = Int32Array.from(target, (t) => perm[t % m]!);
  const rowB = Int32Array.from(target, (t) => perm[Math.floor(t / m)]!);
  return { groupN, target, rowA, rowB, ptr: Int32Array.from(ptr), grp, val };
}

/**
 * L[target_k] −= s_a s_b Σ_g ω(n_g) (M_g)_ab for every position k (`s` = diag(Λr) over the
 * natural rest rows, `lambda1` = Λ1). `omega` is a workspace of one entry per group.
 */
export function subtractGroupedSchurInPlace(
  gs: GroupedSchur,
  lambda1: number,
  s: Float64Array,
  L: Float64Array,
  omega: Float64Array,
): void {
  const l2 = lambda1 * lambda1;
  const { groupN, target, rowA, rowB, ptr, grp, val } = gs;
  for (let g = 0; g < groupN.length; g++) omega[g] = l2 / (l2 * groupN[g]! + 1);
  for (let k = 0; k < target.length; k++) {
    let v = 0;
    for (let e = ptr[k]!; e < ptr[k + 1]!; e++) v += omega[grp[e]!]! * val[e]!;
    L[target[k]!]! -= v * s[rowA[k]!]! * s[rowB[k]!]!;
  }
}
