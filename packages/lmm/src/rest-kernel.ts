import {
  type GroupedSchur,
  groupWeightsInto,
  subtractGroupedSchurInPlace,
} from './grouped-schur.js';
import type { RestOrdering } from './rest-ordering.js';
import { REST_KERNEL_WASM_BASE64 } from './wasm-rest-kernel-bytes.js';

/**
 * The symbolic data of a left-looking elimination of the columns 0 … k0−1: their patterns
 * (colPtr, colRows: below-diagonal row positions, ascending) and, per row j, the entries that
 * hold it: rowEnt[rowPtr[j] … rowPtr[j+1]) are the e with colRows[e] = j, by increasing
 * column k, and rowEnd[·] = colPtr[k + 1] ends that column.
 */
export interface EliminationPattern {
  readonly k0: number;
  readonly colPtr: Int32Array;
  readonly colRows: Int32Array;
  readonly rowPtr: Int32Array;
  readonly rowEnt: Int32Array;
  readonly rowEnd: Int32Array;
}

/** Row lists of the patterns of the columns 0 … k0−1 (counting sort by row). */
export function eliminationPattern(
  m: number,
  k0: number,
  colPtr: Int32Array,
  colRows: Int32Array,
): EliminationPattern {
  const nnz = colPtr[k0]!;
  const rowPtr = new Int32Array(m + 1);
  for (let e = 0; e < nnz; e++) rowPtr[colRows[e]! + 1]!++;
  for (let j = 0; j < m; j++) rowPtr[j + 1]! += rowPtr[j]!;
  const next = rowPtr.slice(0, m);
  const rowEnt = new Int32Array(nnz);
  const rowEnd = new Int32Array(nnz);
  for (let k = 0; k < k0; k++)
    for (let e = colPtr[k]!; e < colPtr[k + 1]!; e++) {
      const at = next[colRows[e]!]!++;
      rowEnt[at] = e;
      rowEnd[at] = colPtr[k + 1]!;
    }
  return {
    k0,
    colPtr: colPtr.subarray(0, k0 + 1),
    colRows: colRows.subarray(0, nnz),
    rowPtr,
    rowEnt,
    rowEnd,
  };
}

/**
 * Left-looking sparse Cholesky elimination of the columns 0 … k0−1 of the symmetric m × m
 * block S (column-major, lower triangle). For j = 0 … m−1, column j first receives the
 * updates of the eliminated columns k < min(j, k0) whose pattern holds j, in increasing k:
 * S_aj ← S_aj − L_ak L_jk over the rows a ≥ j of pattern(k); then, for j < k0,
 * L_jj = √S_jj and L_rj = S_rj / L_jj over pattern(j), written to S and to the compact
 * values `Lv` (Lv[e] = L_{colRows[e], k}). Columns ≥ k0 leave with the Schur complement of
 * the eliminated block. The writes stay in one column, the reads stream `Lv`. Mutates `S`
 * and `Lv`. Returns −1, or the first column whose pivot is not positive.
 */
export function eliminateSparseJs(
  S: Float64Array,
  m: number,
  pat: EliminationPattern,
  Lv: Float64Array,
): number {
  const { k0, colPtr, colRows, rowPtr, rowEnt, rowEnd } = pat;
  for (let j = 0; j < m; j++) {
    const cj = j * m;
    for (let r = rowPtr[j]!; r < rowPtr[j + 1]!; r++) {
      const e = rowEnt[r]!;
      const lj = Lv[e]!;
      if (lj === 0) continue;
      const e1 = rowEnd[r]!;
      for (let ea = e; ea < e1; ea++) S[colRows[ea]! + cj]! -= Lv[ea]! * lj;
    }
    if (j >= k0) continue;
    const d = S[j + cj]!;
    if (!(d > 0)) return j;
    const l = Math.sqrt(d);
    S[j + cj] = l;
    const inv = 1 / l;
    for (let e = colPtr[j]!; e < colPtr[j + 1]!; e++) {
      const v = S[colRows[e]! + cj]! * inv;
      S[colRows[e]! + cj] = v;
      Lv[e] = v;
    }
  }
  return -1;
}

/**
 * The ordered rest block S and the two scattered loops of an evaluation bound to one system's
 * symbolic data: the grouped Schur update ({@link subtractGroupedSchurInPlace}) and the sparse
 * elimination ({@link eliminateSparseJs}). With WebAssembly, S and the symbolic arrays live in
 * the memory of a small scalar kernel module (wasm/rest-kernel.wat) running the same loops
 * with the same arithmetic, bit for bit, ~3× faster: JavaScript's per-access checks dominate
 * these index-chasing loops.
 */
export interface RestKernel {
  /** The m × m block (column-major, lower triangle), filled by the caller. */
  readonly S: Float64Array;
  /**
   * S[target_k] −= s_a s_b Σ_g ω(n_g) (M_g)_ab with ω(n) = λ1²/(λ1² n + 1) (the grouped
   * Schur update of `gs`; `s` = diag(Λr) over the natural rest rows). Mutates `S`.
   */
  subtractGrouped(lambda1: number, s: Float64Array): void;
  /**
   * Eliminates columns 0 … k0−1 of `S` in place ({@link eliminateSparseJs}); −1 or the first
   * non-positive pivot.
   */
  eliminate(): number;
  readonly kernel: 'wasm' | 'js';
}

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmExports {
  readonly memory: WasmMemory;
  readonly eliminate: (...offsets: number[]) => number;
  readonly subtractGrouped: (...offsets: number[]) => void;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}

const wasmApi = (): WasmApi | undefined => (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
let compiled: object | null | undefined;

/** The compiled kernel module, once per process; null without WebAssembly. */
function kernelModule(): object | null {
  if (compiled !== undefined) return compiled;
  const wa = wasmApi();
  try {
    compiled =
      wa === undefined
        ? null
        : new wa.Module(Uint8Array.from(atob(REST_KERNEL_WASM_BASE64), (ch) => ch.charCodeAt(0)));
  } catch {
    compiled = null;
  }
  return compiled;
}

/** Whether the WebAssembly kernel can be used here (WebAssembly present, module compiles). */
export function restKernelWasmAvailable(): boolean {
  return kernelModule() !== null;
}

/** Bump allocator of byte offsets (8-byte aligned) in the kernel's memory. */
function layout(): { at: (bytes: number) => number; end: () => number } {
  let top = 0;
  return {
    at: (bytes) => {
      const here = top;
      top = (top + bytes + 7) & ~7;
      return here;
    },
    end: () => top,
  };
}

function wasmRestKernel(
  mod: object,
  m: number,
  pat: EliminationPattern,
  gs: GroupedSchur | null,
): RestKernel {
  const ex = new (wasmApi() as WasmApi).Instance(mod, {}).exports as WasmExports;
  const { k0, colPtr, colRows, rowPtr, rowEnt, rowEnd } = pat;
  const nnz = colRows.length;
  const mem = layout();
  const S0 = mem.at(m * m * 8);
  const ptr0 = mem.at((k0 + 1) * 4);
  const rows0 = mem.at(nnz * 4);
  const lv0 = mem.at(nnz * 8);
  const rp0 = mem.at((m + 1) * 4);
  const re0 = mem.at(nnz * 4);
  const rd0 = mem.at(nnz * 4);
  const s0 = mem.at(m * 8);
  const nt = gs === null ? 0 : gs.target.length;
  const G = gs === null ? 0 : gs.groupN.length;
  const ne = gs === null ? 0 : gs.val.length;
  const omega0 = mem.at(G * 8);
  const target0 = mem.at(nt * 4);
  const rowA0 = mem.at(nt * 4);
  const rowB0 = mem.at(nt * 4);
  const gptr0 = mem.at((nt + 1) * 4);
  const grp0 = mem.at(ne * 4);
  const val0 = mem.at(ne * 8);
  const grow = Math.ceil((mem.end() - ex.memory.buffer.byteLength) / 65536);
  if (grow > 0) ex.memory.grow(grow);
  const buf = ex.memory.buffer;
  new Int32Array(buf, ptr0, k0 + 1).set(colPtr);
  new Int32Array(buf, rows0, nnz).set(colRows);
  new Int32Array(buf, rp0, m + 1).set(rowPtr);
  new Int32Array(buf, re0, nnz).set(rowEnt);
  new Int32Array(buf, rd0, nnz).set(rowEnd);
  const sView = new Float64Array(buf, s0, m);
  const omega = new Float64Array(buf, omega0, G);
  if (gs !== null) {
    new Int32Array(buf, target0, nt).set(gs.target);
    new Int32Array(buf, rowA0, nt).set(gs.rowA);
    new Int32Array(buf, rowB0, nt).set(gs.rowB);
    new Int32Array(buf, gptr0, nt + 1).set(gs.ptr);
    new Int32Array(buf, grp0, ne).set(gs.grp);
    new Float64Array(buf, val0, ne).set(gs.val);
  }
  const { eliminate, subtractGrouped } = ex;
  return {
    S: new Float64Array(buf, S0, m * m),
    subtractGrouped: (lambda1, s) => {
      if (gs === null) throw new Error('subtractGrouped: no grouped Schur update was bound');
      groupWeightsInto(gs.groupN, lambda1, omega);
      sView.set(s);
      subtractGrouped(S0, nt, target0, rowA0, rowB0, gptr0, grp0, val0, omega0, s0);
    },
    eliminate: () => eliminate(S0, m, k0, ptr0, rows0, lv0, rp0, re0, rd0),
    kernel: 'wasm',
  };
}

/**
 * Allocates S (m × m) and binds the elimination of the columns 0 … ord.k0−1 over their
 * patterns and, when `gs` is given, its grouped Schur update. `kernel: 'js'` forces the
 * JavaScript loops (tests; also the fallback without WebAssembly or when its memory cannot
 * be grown).
 */
export function restKernel(
  m: number,
  ord: Pick<RestOrdering, 'k0' | 'colPtr' | 'colRows'>,
  gs: GroupedSchur | null,
  kernel: 'wasm' | 'js' = 'wasm',
): RestKernel {
  const pat = eliminationPattern(m, ord.k0, ord.colPtr, ord.colRows);
  const mod = kernel === 'wasm' ? kernelModule() : null;
  if (mod !== null) {
    try {
      return wasmRestKernel(mod, m, pat, gs);
    } catch {
      // the memory could not be grown: the JavaScript loops serve
    }
  }
  const S = new Float64Array(m * m);
  const Lv = new Float64Array(pat.colRows.length);
  const omega = new Float64Array(gs === null ? 0 : gs.groupN.length);
  return {
    S,
    subtractGrouped: (lambda1, s) => {
      if (gs === null) throw new Error('subtractGrouped: no grouped Schur update was bound');
      subtractGroupedSchurInPlace(gs, lambda1, s, S, omega);
    },
    eliminate: () => eliminateSparseJs(S, m, pat, Lv),
    kernel: 'js',
  };
}
