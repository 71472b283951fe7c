import type { LmmSystem } from './lmm-system.js';

/**
 * A fill-reducing elimination order of the rest block (the Schur complement S of term 1, see
 * {@link formBlocksInPlace}) and the split of its Cholesky factor into a sparse leading part
 * and a dense trailing block. The random-effect rows are ordered by minimum degree on the
 * pattern of S (A_rr's pattern plus one clique per level of term 1, the rows Lr1_j touches);
 * the X and y rows stay last, so the trailing p + 1 diagonal entries of the factor (R_X and
 * r_θ) and log|L_θ| are those of the natural order (a Cholesky factor's trailing block and its
 * determinant do not depend on the order of the rows eliminated before it).
 */
export interface RestOrdering {
  /** perm[k] = rest row eliminated k-th. */
  readonly perm: Int32Array;
  /** Columns 0 … k0−1 (new order) are eliminated sparsely, the m − k0 after them densely. */
  readonly k0: number;
  /** pos[r] = position of rest row r in the elimination order (inverse of perm). */
  readonly pos: Int32Array;
  /** Column k < k0's below-diagonal rows (new order, ascending): colRows[colPtr[k] … colPtr[k+1]). */
  readonly colPtr: Int32Array;
  readonly colRows: Int32Array;
  /** The A_r1 pattern entries of each level of term 1 (r1Ptr ranges) sorted by position. */
  readonly entryOrder: Int32Array;
  /** Position of each A_r1 pattern entry's rest row: pos[r1Rows[e]]. */
  readonly entryPos: Int32Array;
}

/** Below this many random-effect rest rows the natural-order dense factor is kept. */
export const MIN_ORDERED_REST = 256;
/** Above this many the O(q²)-bit symbolic analysis is skipped (the dense path serves). */
export const MAX_ORDERED_REST = 8192;
/**
 * Cost of one scattered multiply-add of the sparse elimination relative to one of linalg's
 * blocked dense Cholesky (WebAssembly SIMD, packed). With the left-looking WebAssembly kernel
 * (rest-kernel.ts: index-chasing scalar loops, writes into one cached column) measured ~3 on
 * InstEval's 1130-row rest block (~1.5 ns vs ~0.45 ns per multiply-add; per-evaluation time
 * flat within 3 % for costs 2.5–4).
 */
export const SPARSE_COST = 3;
/** The same cost for the JavaScript loops (no WebAssembly): ~12, their per-access checks. */
export const SPARSE_COST_JS = 12;

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Symbolic analysis, once per system: minimum-degree order of the q random-effect rest rows
 * (bitset elimination graph, ties to the lowest row), the factor's column patterns, and the
 * split k0 minimizing SPARSE_COST·Σ_{k<k0} c_k²/2 + (m − k0)³/6 (c_k: column k's count).
 */
export function restOrdering(sys: LmmSystem, sparseCost = SPARSE_COST): RestOrdering {
  const { m, qRest: q, nl1, r1Ptr, r1Rows, arrPtr, arrRows } = sys;
  const W = (q + 31) >>> 5;
  const adj = new Int32Array(q * W);
  const link = (a: number, b: number): void => {
    adj[a * W + (b >>> 5)]! |= 1 << (b & 31);
    adj[b * W + (a >>> 5)]! |= 1 << (a & 31);
  };
  for (let j = 0; j < q; j++)
    for (let e = arrPtr[j]!; e < arrPtr[j + 1]!; e++) {
      const i = arrRows[e]!;
      if (i < q && i !== j) link(i, j);
    }
  for (let j = 0; j < nl1; j++) {
    const e0 = r1Ptr[j]!;
    let e1 = r1Ptr[j + 1]!;
    while (e1 > e0 && r1Rows[e1 - 1]! >= q) e1--; // X and y rows
    for (let b = e0; b < e1; b++) for (let a = b + 1; a < e1; a++) link(r1Rows[a]!, r1Rows[b]!);
  }
  const deg = new Int32Array(q);
  for (let u = 0; u < q; u++) {
    let d = 0;
    for (let w = 0; w < W; w++) d += popcount(adj[u * W + w]!);
    deg[u] = d;
  }
  const doneMask = new Int32Array(W);
  const done = new Uint8Array(q);
  const perm = new Int32Array(m);
  const nbr = new Int32Array(q);
  const patterns: Int32Array[] = [];
  let kDense = q; // from here on the remaining rows are taken as dense columns
  for (let k = 0; k < q; k++) {
    let v = -1;
    for (let u = 0; u < q; u++) if (done[u] === 0 && (v < 0 || deg[u]! < deg[v]!)) v = u;
    // stop once the remaining rows form a clique, or once even the sparsest column left costs
    // more sparsely than densely with a √2 margin on c (sparseCost·c² > 2·t², t the rows
    // left; break-even sparseCost·c²/2 = t²/2, the dense work one row less saves): the split
    // below does not eliminate such columns sparsely, so their order is moot
    const c = deg[v]! + m - q;
    if (deg[v]! >= q - k - 1 || sparseCost * c * c > 2 * (m - k) * (m - k)) {
      kDense = k;
      for (let u = 0; u < q; u++) if (done[u] === 0) perm[k++] = u;
      break;
    }
    done[v] = 1;
    doneMask[v >>> 5]! |= 1 << (v & 31);
    perm[k] = v;
    let cnt = 0;
    for (let w = 0; w < W; w++) {
      let bits = adj[v * W + w]! & ~doneMask[w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        nbr[cnt++] = w * 32 + 31 - Math.clz32(low);
        bits ^= low;
      }
    }
    patterns.push(nbr.slice(0, cnt));
    // eliminating v joins its remaining neighbours into a clique
    for (let c = 0; c < cnt; c++) {
      const u = nbr[c]!;
      let d = 0;
      for (let w = 0; w < W; w++) {
        const x = (adj[u * W + w]! | adj[v * W + w]!) & ~doneMask[w]!;
        adj[u * W + w] = x;
        d += popcount(x);
      }
      deg[u] = d - 1; // its own bit, set by the union
    }
  }
  for (let r = q; r < m; r++) perm[r] = r;
  const pos = new Int32Array(m);
  for (let k = 0; k < m; k++) pos[perm[k]!] = k;
  // split: sparse columns while they are cheaper than growing the dense tail
  const nxy = m - q;
  let best = (m * m * m) / 6;
  let k0 = 0;
  let sparse = 0;
  for (let k = 0; k < q; k++) {
    const c = (k < kDense ? patterns[k]!.length : q - k - 1) + nxy;
    sparse += (sparseCost * c * (c + 1)) / 2;
    const t = m - k - 1;
    const cost = sparse + (t * t * t) / 6;
    if (cost < best) {
      best = cost;
      k0 = k + 1;
    }
  }
  const colPtr = new Int32Array(k0 + 1);
  for (let k = 0; k < k0; k++)
    colPtr[k + 1] = colPtr[k]! + (k < kDense ? patterns[k]!.length : q - k - 1) + nxy;
  const colRows = new Int32Array(colPtr[k0]!);
  for (let k = 0; k < k0; k++) {
    // past kDense the remaining rows are a clique: the column is dense below the diagonal
    const at = colPtr[k]!;
    const len = colPtr[k + 1]! - at - nxy;
    if (k < kDense) {
      const pk = patterns[k]!;
      for (let i = 0; i < len; i++) colRows[at + i] = pos[pk[i]!]!;
      colRows.subarray(at, at + len).sort();
    } else for (let i = 0; i < len; i++) colRows[at + i] = k + 1 + i;
    for (let r = 0; r < nxy; r++) colRows[at + len + r] = q + r;
  }
  const ne = r1Rows.length;
  const entryPos = new Int32Array(ne);
  for (let e = 0; e < ne; e++) entryPos[e] = pos[r1Rows[e]!]!;
  // each level's entries by position: counting sort of all entries by position, then a
  // stable pass distributing them to their levels
  const byPos = new Int32Array(ne);
  const at = new Int32Array(m + 1);
  for (let e = 0; e < ne; e++) at[entryPos[e]! + 1]!++;
  for (let r = 0; r < m; r++) at[r + 1]! += at[r]!;
  for (let e = 0; e < ne; e++) byPos[at[entryPos[e]!]!++] = e;
  const levelOf = new Int32Array(ne);
  for (let j = 0; j < nl1; j++) levelOf.fill(j, r1Ptr[j]!, r1Ptr[j + 1]!);
  const next = r1Ptr.slice(0, nl1);
  const entryOrder = new Int32Array(ne);
  for (const e of byPos) entryOrder[next[levelOf[e]!]!++] = e;
  return { perm, pos, k0, colPtr, colRows, entryOrder, entryPos };
}
