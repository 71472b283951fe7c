import {
  type GroupedSchur,
  groupWeightsInto,
  subtractGroupedSchurInPlace,
} from './grouped-schur.js';
import type { RestOrdering } from './rest-ordering.js';
import { REST_KERNEL_WASM_BASE64 } from './wasm-rest-kernel-bytes.js';

/**
 * Right-looking sparse Cholesky elimination of the columns 0 … k0−1 of the symmetric m × m
 * block S (column-major, lower triangle): for each k, l = √S_kk, S_rk ← S_rk / l over the
 * column's below-diagonal pattern, then S_ab ← S_ab − S_ak S_bk for a ≥ b in that pattern.
 * `colRows[colPtr[k] … colPtr[k+1])` holds pattern(k) (ascending positions); `col` is a
 * scratch of m entries. Mutates `S` and `col`. Returns −1, or the first column whose pivot is
 * not positive.
 */
export function eliminateSparseJs(
  S: Float64Array,
  m: number,
  k0: number,
  colPtr: Int32Array,
  colRows: Int32Array,
  col: Float64Array,
): number {
  for (let k = 0; k < k0; k++) {
    const ck = k * m;
    const d = S[k + ck]!;
    if (!(d > 0)) return k;
    const l = Math.sqrt(d);
    S[k + ck] = l;
    const inv = 1 / l;
    const e0 = colPtr[k]!;
    const e1 = colPtr[k + 1]!;
    for (let e = e0; e < e1; e++) {
      const v = S[colRows[e]! + ck]! * inv;
      S[colRows[e]! + ck] = v;
      col[e - e0] = v;
    }
    for (let eb = e0; eb < e1; eb++) {
      const lb = col[eb - e0]!;
      if (lb === 0) continue;
      const off = colRows[eb]! * m;
      for (let ea = eb; ea < e1; ea++) S[colRows[ea]! + off]! -= col[ea - e0]! * lb;
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
  /** Eliminates columns 0 … k0−1 of `S` in place; −1 or the first non-positive pivot. */
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
  ord: RestOrdering,
  gs: GroupedSchur | null,
): RestKernel {
  const ex = new (wasmApi() as WasmApi).Instance(mod, {}).exports as WasmExports;
  const { k0, colPtr, colRows } = ord;
  const mem = layout();
  const S0 = mem.at(m * m * 8);
  const ptr0 = mem.at((k0 + 1) * 4);
  const rows0 = mem.at(colRows.length * 4);
  const col0 = mem.at(m * 8);
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
  new Int32Array(buf, ptr0, k0 + 1).set(colPtr.subarray(0, k0 + 1));
  new Int32Array(buf, rows0, colRows.length).set(colRows);
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
    eliminate: () => eliminate(S0, m, k0, ptr0, rows0, col0),
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
  ord: RestOrdering,
  gs: GroupedSchur | null,
  kernel: 'wasm' | 'js' = 'wasm',
): RestKernel {
  const mod = kernel === 'wasm' ? kernelModule() : null;
  if (mod !== null) {
    try {
      return wasmRestKernel(mod, m, ord, gs);
    } catch {
      // the memory could not be grown: the JavaScript loops serve
    }
  }
  const { k0, colPtr, colRows } = ord;
  const S = new Float64Array(m * m);
  const col = new Float64Array(m);
  const omega = new Float64Array(gs === null ? 0 : gs.groupN.length);
  return {
    S,
    subtractGrouped: (lambda1, s) => {
      if (gs === null) throw new Error('subtractGrouped: no grouped Schur update was bound');
      subtractGroupedSchurInPlace(gs, lambda1, s, S, omega);
    },
    eliminate: () => eliminateSparseJs(S, m, k0, colPtr, colRows, col),
    kernel: 'js',
  };
}
