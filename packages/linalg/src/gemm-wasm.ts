/**
 * The WebAssembly SIMD instance behind `gemmCore` and the blocked Cholesky (wasm/gemm-kernel.wat)
 * and the layout of its linear memory:
 *
 *   [0, 128)            4 × 4 tile scratch (used inside the kernel)
 *   A_PTR               packed A block, MC × KC doubles
 *   B_PTR               packed B block, KC × NC doubles
 *   C_PTR               a copy of one MC × NC block of C (when C lives outside this memory)
 *   L_PTR               rows of a 16 × 16 diagonal block and its reciprocal diagonal
 *   WORK_PTR …          the Cholesky's workspace: a resident copy of the matrix being factored
 *                       and its packed panel (grown on demand, 64-byte aligned)
 *
 * Views into the memory are re-created whenever it grows (growing detaches the old buffer).
 */

import { GEMM_KERNEL_WASM_BASE64 } from './wasm-kernel-bytes.js';
import { type WasmMemory, compileWasm, instantiateWasm } from './wasm-runtime.js';

/** Cache blocking of `gemmCore`: rows of A, inner indices and columns of B per packed block. */
export const MC = 96;
export const KC = 256;
export const NC = 2048;
/** Widest diagonal block whose panel is solved by `solvePanel`. */
export const NB_SOLVE = 16;

const TILE_BYTES = 128;
export const A_PTR = TILE_BYTES;
export const B_PTR = A_PTR + MC * KC * 8;
export const C_PTR = B_PTR + KC * NC * 8;
export const L_PTR = C_PTR + MC * NC * 8;
const WORK_PTR = Math.ceil((L_PTR + (NB_SOLVE * NB_SOLVE + NB_SOLVE) * 8) / 64) * 64;
const PAGE = 65536;

/** Triangle codes of the `macro` kernel. */
export const TRI_FULL = 0;
export const TRI_UPPER = 1;
export const TRI_LOWER = 2;

interface GemmExports {
  memory: WasmMemory;
  /**
   * C += alpha·Ap·Bp over the 4 × 4 tiles of a packed mc × kc by kc × nc block pair; C at
   * byte address c with leading dimension ldc; tri/d restrict to a triangle (see the .wat).
   */
  macro: (
    mc: number,
    nc: number,
    kc: number,
    alpha: number,
    a: number,
    b: number,
    c: number,
    ldc: number,
    tri: number,
    d: number,
  ) => void;
  /** Packs X (m × k at byte x, leading dimension ld) into 4-row slivers at byte dst. */
  pack4: (x: number, ld: number, m: number, k: number, dst: number) => void;
  /** Rows jEnd… of columns j0…jEnd−1 of the n × n matrix at byte a: X ← X L11⁻ᵀ (L11 at l). */
  solvePanel: (a: number, n: number, j0: number, jEnd: number, l: number) => void;
}

/** The kernel instance with views of its packing buffers (refreshed when the memory grows). */
export interface GemmWasm {
  readonly kernel: GemmExports;
  readonly memory: WasmMemory;
  bufA: Float64Array;
  bufB: Float64Array;
  bufC: Float64Array;
  /** Rows of L11 (jb × jb, row-major) then 1/diag, for `solvePanel`. */
  bufL: Float64Array;
}

function setViews(w: GemmWasm): void {
  const buf = w.memory.buffer;
  w.bufA = new Float64Array(buf, A_PTR, MC * KC);
  w.bufB = new Float64Array(buf, B_PTR, KC * NC);
  w.bufC = new Float64Array(buf, C_PTR, MC * NC);
  w.bufL = new Float64Array(buf, L_PTR, NB_SOLVE * NB_SOLVE + NB_SOLVE);
}

function grow(memory: WasmMemory, bytes: number): void {
  const pages = Math.ceil((bytes - memory.buffer.byteLength) / PAGE);
  if (pages > 0) memory.grow(pages);
}

function load(): GemmWasm | null {
  const module = compileWasm(GEMM_KERNEL_WASM_BASE64);
  if (module === null) return null; // no WebAssembly SIMD: the JavaScript kernels serve
  try {
    const kernel = instantiateWasm<GemmExports>(module);
    grow(kernel.memory, WORK_PTR);
    const empty = new Float64Array(0);
    const w: GemmWasm = {
      kernel,
      memory: kernel.memory,
      bufA: empty,
      bufB: empty,
      bufC: empty,
      bufL: empty,
    };
    setViews(w);
    return w;
  } catch {
    return null;
  }
}

/** The instance, or null where WebAssembly SIMD is unavailable. */
export const gemmWasm = load();

/**
 * Largest workspace in doubles (2²⁴: 128 MB, a 4096 × 4096 matrix). The memory, once grown, is
 * kept for later calls; past this size callers use their non-resident paths instead.
 */
let maxWorkspace = 1 << 24;

/** Sets the workspace cap (doubles) and returns the previous one. For tests. */
export function setWasmWorkspaceLimit(doubles: number): number {
  const previous = maxWorkspace;
  maxWorkspace = doubles;
  return previous;
}

/**
 * A view of `length` doubles in the kernel's memory (contents unspecified), growing the memory
 * if needed; null when `length` exceeds the cap or the memory cannot grow that far. Invalidates
 * earlier workspace views on growth.
 */
export function wasmWorkspace(w: GemmWasm, length: number): Float64Array | null {
  if (length > maxWorkspace) return null;
  const need = WORK_PTR + length * 8;
  if (need > w.memory.buffer.byteLength) {
    try {
      grow(w.memory, need);
    } catch {
      return null;
    }
    setViews(w);
  }
  return new Float64Array(w.memory.buffer, WORK_PTR, length);
}
