import type { DenseMatrix } from '@likelihood/linalg';
import type { ReTerm } from './re-terms.js';

/**
 * MixedModels.jl's blocked A = [Z X y]ᵀ[Z X y], computed once per model.
 *
 * The first random-effects term (the one with most levels) is kept apart: its diagonal block
 * `A11 = Z1ᵀZ1` is uniform-block-diagonal (one p1×p1 block per level) and the block below it,
 * `A_r1 = [Z2 … ZK X y]ᵀ Z1`, is stored sparsely by level of term 1 (for level j: the list of
 * "rest" rows that co-occur with it, each with p1 values). Everything else — the other terms,
 * X and y — forms the dense "rest" block `A_rr` (m × m, m = q2 + … + qK + p + 1), because the
 * Cholesky factor fills it in anyway once term 1 is eliminated.
 */
export interface LmmSystem {
  readonly n: number;
  /** Number of fixed-effects columns. */
  readonly p: number;
  readonly terms: readonly ReTerm[];
  readonly X: DenseMatrix;
  readonly y: Float64Array;
  /** p1 and the number of levels of term 1. */
  readonly p1: number;
  readonly nl1: number;
  /** Z1ᵀZ1 blocks: level j's p1×p1 block (column-major) at `j·p1²`. */
  readonly A11: Float64Array;
  /** Rows of the rest block: q2 + … + qK + p + 1. */
  readonly m: number;
  /** q2 + … + qK: rest rows that belong to random effects. */
  readonly qRest: number;
  /** Offset of term k (k ≥ 1) in the rest rows: `terms[k].offset − q1`. */
  readonly restOffset: Int32Array;
  /** Level j of term 1 owns pattern entries `r1Ptr[j] … r1Ptr[j+1]−1`. */
  readonly r1Ptr: Int32Array;
  /** Rest row of each pattern entry (ascending within a level; X and y rows always present). */
  readonly r1Rows: Int32Array;
  /** Term index (≥ 1) of each pattern entry, −1 for X and y rows. */
  readonly r1Term: Int32Array;
  /** Values of A_r1: pattern entry e, column c of term 1 at `e·p1 + c`. */
  readonly r1Vals: Float64Array;
  /** Dense symmetric m × m rest block (column-major, both triangles). */
  readonly Arr: Float64Array;
  /**
   * The non-zeros of A_rr's lower triangle (i ≥ j) by column: column j's entries are
   * `arrVals[e]` at rows `arrRows[e]` for `arrPtr[j] ≤ e < arrPtr[j+1]`. Lets the factor
   * update write only non-zeros instead of copying and scaling the dense m × m block.
   */
  readonly arrPtr: Int32Array;
  readonly arrRows: Int32Array;
  readonly arrVals: Float64Array;
}

/** Builds the blocked A of `[Z X y]` (terms already ordered, inputs already checked). */
export function buildLmmSystem(
  terms: readonly ReTerm[],
  X: DenseMatrix,
  y: Float64Array,
): LmmSystem {
  const n = y.length;
  const p = X.cols;
  const t1 = terms[0]!;
  const p1 = t1.p;
  const nl1 = t1.nlevels;
  const q1 = t1.q;
  const K = terms.length;
  const restOffset = new Int32Array(K);
  let qRest = 0;
  for (let k = 1; k < K; k++) {
    restOffset[k] = terms[k]!.offset - q1;
    qRest += terms[k]!.q;
  }
  const m = qRest + p + 1;
  const xd = X.data;

  // A11 = Z1ᵀZ1 by level.
  const A11 = new Float64Array(nl1 * p1 * p1);
  const codes1 = t1.group.codes;
  const z1 = t1.Zcols;
  for (let i = 0; i < n; i++) {
    const base = codes1[i]! * p1 * p1;
    for (let b = 0; b < p1; b++) {
      const zb = z1[b]![i]!;
      for (let a = 0; a < p1; a++) A11[base + a + b * p1] += z1[a]![i]! * zb;
    }
  }

  // Observations grouped by level of term 1 (counting sort).
  const start = new Int32Array(nl1 + 1);
  for (let i = 0; i < n; i++) start[codes1[i]! + 1]!++;
  for (let j = 0; j < nl1; j++) start[j + 1]! += start[j]!;
  const perm = new Int32Array(n);
  const fill = start.slice(0, nl1);
  for (let i = 0; i < n; i++) perm[fill[codes1[i]!]!++] = i;

  // Sparsity pattern of A_r1: per level of term 1, the co-occurring (term, level) row groups.
  const marker = new Int32Array(Math.max(qRest, 1)).fill(-1);
  const ptr = new Int32Array(nl1 + 1);
  const rows: number[] = [];
  const termOf: number[] = [];
  const groupStarts: number[] = [];
  for (let j = 0; j < nl1; j++) {
    groupStarts.length = 0;
    for (let s = start[j]!; s < start[j + 1]!; s++) {
      const i = perm[s]!;
      for (let k = 1; k < K; k++) {
        const t = terms[k]!;
        const row0 = restOffset[k]! + t.group.codes[i]! * t.p;
        if (marker[row0] !== j) {
          marker[row0] = j;
          groupStarts.push(row0);
        }
      }
    }
    groupStarts.sort((a, b) => a - b);
    let k = 1;
    for (const row0 of groupStarts) {
      while (k + 1 < K && row0 >= restOffset[k + 1]!) k++;
      for (let a = 0; a < terms[k]!.p; a++) {
        rows.push(row0 + a);
        termOf.push(k);
      }
    }
    for (let r = qRest; r < m; r++) {
      rows.push(r);
      termOf.push(-1);
    }
    ptr[j + 1] = rows.length;
  }
  const r1Rows = Int32Array.from(rows);
  const r1Term = Int32Array.from(termOf);
  const r1Vals = new Float64Array(r1Rows.length * p1);
  const pos = new Int32Array(Math.max(qRest, 1));
  for (let j = 0; j < nl1; j++) {
    const e0 = ptr[j]!;
    const eXy = ptr[j + 1]! - (p + 1);
    for (let e = e0; e < eXy; e++) pos[r1Rows[e]!] = e;
    for (let s = start[j]!; s < start[j + 1]!; s++) {
      const i = perm[s]!;
      for (let c = 0; c < p1; c++) {
        const zc = z1[c]![i]!;
        if (zc === 0) continue;
        for (let k = 1; k < K; k++) {
          const t = terms[k]!;
          const row0 = restOffset[k]! + t.group.codes[i]! * t.p;
          for (let a = 0; a < t.p; a++) r1Vals[pos[row0 + a]! * p1 + c] += t.Zcols[a]![i]! * zc;
        }
        for (let col = 0; col < p; col++) r1Vals[(eXy + col) * p1 + c] += xd[i + col * n]! * zc;
        r1Vals[(eXy + p) * p1 + c] += y[i]! * zc;
      }
    }
  }

  // Dense rest block A_rr: accumulate each observation's sparse outer product (lower), mirror.
  const Arr = new Float64Array(m * m);
  const nf = terms.reduce((s, t, k) => (k === 0 ? s : s + t.p), 0) + p + 1;
  const idx = new Int32Array(nf);
  const val = new Float64Array(nf);
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let k = 1; k < K; k++) {
      const t = terms[k]!;
      const row0 = restOffset[k]! + t.group.codes[i]! * t.p;
      for (let a = 0; a < t.p; a++) {
        idx[f] = row0 + a;
        val[f++] = t.Zcols[a]![i]!;
      }
    }
    for (let col = 0; col < p; col++) {
      idx[f] = qRest + col;
      val[f++] = xd[i + col * n]!;
    }
    idx[f] = m - 1;
    val[f++] = y[i]!;
    for (let b = 0; b < nf; b++) {
      const vb = val[b]!;
      if (vb === 0) continue;
      const colOff = idx[b]! * m;
      for (let a = b; a < nf; a++) Arr[idx[a]! + colOff] += val[a]! * vb;
    }
  }
  for (let j = 0; j < m; j++) {
    for (let i = j + 1; i < m; i++) Arr[j + i * m] = Arr[i + j * m]!;
  }
  const { arrPtr, arrRows, arrVals } = lowerNonZeros(Arr, m);
  return {
    n,
    p,
    terms,
    X,
    y,
    p1,
    nl1,
    A11,
    m,
    qRest,
    restOffset,
    r1Ptr: ptr,
    r1Rows,
    r1Term,
    r1Vals,
    Arr,
    arrPtr,
    arrRows,
    arrVals,
  };
}

/** The non-zeros of the lower triangle (i ≥ j) of the dense m × m `S`, column by column. */
function lowerNonZeros(
  S: Float64Array,
  m: number,
): { arrPtr: Int32Array; arrRows: Int32Array; arrVals: Float64Array } {
  const arrPtr = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) {
    let c = 0;
    for (let i = j; i < m; i++) if (S[i + j * m] !== 0) c++;
    arrPtr[j + 1] = arrPtr[j]! + c;
  }
  const arrRows = new Int32Array(arrPtr[m]!);
  const arrVals = new Float64Array(arrPtr[m]!);
  let e = 0;
  for (let j = 0; j < m; j++) {
    for (let i = j; i < m; i++) {
      const v = S[i + j * m]!;
      if (v === 0) continue;
      arrRows[e] = i;
      arrVals[e++] = v;
    }
  }
  return { arrPtr, arrRows, arrVals };
}
