/**
 * Cache-blocked, register-tiled kernel behind `gemm`, `crossprod`, the weighted cross-products
 * and the blocked Cholesky: C[cOff + i + j*ldc] += alpha * sum_p A(i, p) B(p, j) for an
 * m × n block of C, with A (m × k) and B (k × n) supplied by packing callbacks so that
 * transposes, row weights and sub-matrix views cost nothing extra in the inner loop.
 *
 * Layout (GotoBLAS): B is packed per (kc × nc) block into NR-wide column slivers, A per
 * (mc × kc) block into MR-tall row slivers, both zero-padded to full slivers (packing routines
 * in gemm-pack.ts). With WebAssembly, one call of the SIMD macro-kernel (wasm/gemm-kernel.wat:
 * 4 × 4 tiles, f64x2, 8 vector accumulators) runs over all tiles of a packed block pair and adds
 * them into C in its linear memory: C is updated where it lies when it lives there (the
 * Cholesky's resident copy), else the MC × NC block is copied in and back. Without WebAssembly
 * the scalar 4 × 4 kernel of gemm-micro-js.ts serves, tile by tile.
 */

import { micro4x4 } from './gemm-micro-js.js';
import { MR as PACK_MR, NR as PACK_NR } from './gemm-pack.js';
import {
  A_PTR,
  B_PTR,
  C_PTR,
  gemmWasm,
  type GemmWasm,
  KC,
  MC,
  NC,
  TRI_FULL,
  TRI_LOWER,
  TRI_UPPER,
  wasmWorkspace,
} from './gemm-wasm.js';

// module-level copies: imported bindings are getters under some loaders (vitest, tsx), too
// slow to read in the tile loops
const MR = PACK_MR;
const NR = PACK_NR;

/**
 * Packs rows i0..i0+mc-1 and inner indices p0..p0+kc-1 of op(A) into `dst` as MR-row slivers:
 * dst[s*MR*kc + p*MR + r] = A(i0 + s*MR + r, p0 + p), zero for rows past mc.
 */
export type PackA = (dst: Float64Array, i0: number, mc: number, p0: number, kc: number) => void;
/**
 * Packs inner indices p0..p0+kc-1 and columns j0..j0+nc-1 of op(B) into `dst` as NR-column
 * slivers: dst[s*NR*kc + p*NR + c] = B(p0 + p, j0 + s*NR + c), zero for columns past nc.
 */
export type PackB = (dst: Float64Array, p0: number, kc: number, j0: number, nc: number) => void;

/** Which part of C to update: everything, only i ≤ j (upper) or only i ≥ j (lower). */
export type Triangle = 'full' | 'upper' | 'lower';

const wasm = gemmWasm;
let useWasm = wasm !== null;
const jsBufA = new Float64Array(MC * KC);
const jsBufB = new Float64Array(KC * NC);
const jsTile = new Float64Array(MR * NR);

/** The WebAssembly kernel when it is the one in use (see `setGemmKernel`), else null. */
export function activeGemmWasm(): GemmWasm | null {
  return useWasm ? wasm : null;
}

/**
 * Selects the micro-kernel ('wasm': WebAssembly SIMD f64x2, the default where available;
 * 'js': scalar 4 × 4 with local accumulators). Returns the kernel now in use. For tests and
 * benchmarks; not part of the public API.
 */
export function setGemmKernel(kind: 'wasm' | 'js'): 'wasm' | 'js' {
  useWasm = kind === 'wasm' && wasm !== null;
  return useWasm ? 'wasm' : 'js';
}

/**
 * C[cOff + i + j*ldc] += alpha * (op(A) op(B))(i, j) for 0 ≤ i < m, 0 ≤ j < n, restricted to
 * the triangle `tri` (relative to the block's own indices). Mutates C only.
 */
export function gemmCore(
  m: number,
  n: number,
  k: number,
  alpha: number,
  packA: PackA,
  packB: PackB,
  C: Float64Array,
  cOff: number,
  ldc: number,
  tri: Triangle = 'full',
): void {
  if (m === 0 || n === 0 || k === 0 || alpha === 0) return;
  const w = useWasm ? wasm : null;
  // C inside the kernel's memory is updated where it lies; any other C is copied there whole
  // (once, not per block) when the memory can hold it
  const resident = w !== null && C.buffer === w.memory.buffer;
  if (w !== null && !resident && k > KC) {
    const work = wasmWorkspace(w, m * n);
    if (work !== null) {
      copyBlock(C, cOff, ldc, work, 0, m, m, n);
      gemmCore(m, n, k, alpha, packA, packB, work, 0, m, tri);
      copyBlock(work, 0, m, C, cOff, ldc, m, n);
      return;
    }
  }
  const bufA = w !== null ? w.bufA : jsBufA;
  const bufB = w !== null ? w.bufB : jsBufB;
  const triCode = tri === 'full' ? TRI_FULL : tri === 'upper' ? TRI_UPPER : TRI_LOWER;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packB(bufB, pc, kc, jc, nc);
      // for a triangle, rows that can meet these columns
      let iStart = 0;
      let iEnd = m;
      if (tri === 'upper') iEnd = Math.min(m, jc + nc);
      else if (tri === 'lower') iStart = jc - (jc % MR);
      for (let ic = iStart; ic < iEnd; ic += MC) {
        const mc = Math.min(MC, iEnd - ic);
        packA(bufA, ic, mc, pc, kc);
        const c0 = cOff + ic + jc * ldc;
        if (w === null) {
          macroKernel(mc, nc, kc, alpha, bufA, bufB, C, cOff, ldc, ic, jc, tri);
        } else if (resident) {
          w.kernel.macro(
            mc,
            nc,
            kc,
            alpha,
            A_PTR,
            B_PTR,
            C.byteOffset + c0 * 8,
            ldc,
            triCode,
            ic - jc,
          );
        } else {
          // C block → kernel memory (leading dimension mc), update there, copy back
          copyBlock(C, c0, ldc, w.bufC, 0, mc, mc, nc);
          w.kernel.macro(mc, nc, kc, alpha, A_PTR, B_PTR, C_PTR, mc, triCode, ic - jc);
          copyBlock(w.bufC, 0, mc, C, c0, ldc, mc, nc);
        }
      }
    }
  }
}

/** dst[d + i + j*ldd] = src[s + i + j*lds] for i < rows, j < cols. */
function copyBlock(
  src: Float64Array,
  s: number,
  lds: number,
  dst: Float64Array,
  d: number,
  ldd: number,
  rows: number,
  cols: number,
): void {
  if (rows === lds && rows === ldd) {
    dst.set(src.subarray(s, s + rows * cols), d);
    return;
  }
  for (let j = 0; j < cols; j++) {
    const sj = s + j * lds;
    const dj = d + j * ldd;
    if (rows >= 64) {
      dst.set(src.subarray(sj, sj + rows), dj);
      continue;
    }
    for (let i = 0; i < rows; i++) dst[dj + i] = src[sj + i];
  }
}

/** The JavaScript macro-kernel: the scalar 4 × 4 micro-kernel over every tile of the block. */
function macroKernel(
  mc: number,
  nc: number,
  kc: number,
  alpha: number,
  Ap: Float64Array,
  Bp: Float64Array,
  C: Float64Array,
  cOff: number,
  ldc: number,
  ic: number,
  jc: number,
  tri: Triangle,
): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = Math.min(NR, nc - jr);
    const j0 = jc + jr;
    for (let ir = 0; ir < mc; ir += MR) {
      const mr = Math.min(MR, mc - ir);
      const i0 = ic + ir;
      // skip tiles entirely outside the triangle; tiles crossing the diagonal are masked
      let masked = false;
      if (tri === 'upper') {
        if (i0 > j0 + nr - 1) continue;
        masked = i0 + mr - 1 > j0;
      } else if (tri === 'lower') {
        if (i0 + mr - 1 < j0) continue;
        masked = i0 < j0 + nr - 1;
      }
      const aOff = ir * kc;
      const bOff = jr * kc;
      if (mr === MR && nr === NR && !masked) {
        micro4x4(kc, alpha, Ap, aOff, Bp, bOff, C, cOff + i0 + j0 * ldc, ldc);
      } else {
        jsTile.fill(0);
        micro4x4(kc, 1, Ap, aOff, Bp, bOff, jsTile, 0, MR);
        addTile(jsTile, alpha, C, cOff, ldc, i0, j0, mr, nr, masked ? tri : 'full');
      }
    }
  }
}

/** C(i0 + r, j0 + c) += α·tile[r + 4c] for r < mr, c < nr, inside the triangle `tri`. */
function addTile(
  tile: Float64Array,
  alpha: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
  i0: number,
  j0: number,
  mr: number,
  nr: number,
  tri: Triangle,
): void {
  if (tri === 'full' && mr === MR && nr === NR) {
    let c = cOff + i0 + j0 * ldc;
    for (let col = 0; col < NR; col++) {
      const t = col * MR;
      C[c] += alpha * tile[t];
      C[c + 1] += alpha * tile[t + 1];
      C[c + 2] += alpha * tile[t + 2];
      C[c + 3] += alpha * tile[t + 3];
      c += ldc;
    }
    return;
  }
  for (let c = 0; c < nr; c++) {
    for (let r = 0; r < mr; r++) {
      const gi = i0 + r;
      const gj = j0 + c;
      if (tri === 'upper' && gi > gj) continue;
      if (tri === 'lower' && gi < gj) continue;
      C[cOff + gi + gj * ldc] += alpha * tile[r + c * MR];
    }
  }
}
