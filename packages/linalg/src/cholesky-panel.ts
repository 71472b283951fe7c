/**
 * Steps of the blocked Cholesky (cholesky.ts): the unblocked factorization of a diagonal block
 * of at most NB_SOLVE = 16 columns, the triangular solve of the rows below it (JavaScript, and
 * WebAssembly for a matrix resident in the kernel's memory), and the WebAssembly update
 * A22 −= L21L21ᵀ of a resident matrix.
 */
import { type GemmWasm, L_PTR, MC, NB_SOLVE, TRI_LOWER } from './gemm-wasm.js';

/**
 * Unblocked left-looking Cholesky of the diagonal block A[j0:jEnd, j0:jEnd] (earlier columns'
 * contributions already subtracted). Returns the failing column or −1; on failure the pivot
 * value is left in A[j, j].
 */
export function factorDiagonalBlock(a: Float64Array, n: number, j0: number, jEnd: number): number {
  for (let j = j0; j < jEnd; j++) {
    const cj = j * n;
    for (let c = j0; c < j; c++) {
      const cc = c * n;
      const ljc = a[j + cc];
      if (ljc === 0) continue;
      for (let i = j; i < jEnd; i++) a[i + cj] -= ljc * a[i + cc];
    }
    const d = a[j + cj];
    if (!(d > 0)) return j;
    const ljj = Math.sqrt(d);
    a[j + cj] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < jEnd; i++) a[i + cj] *= inv;
  }
  return -1;
}

/** Rows of L11 (contiguous) and reciprocal diagonal, scratch for `solvePanel`. */
const rowsL11 = new Float64Array(NB_SOLVE * NB_SOLVE);
const invDiag = new Float64Array(NB_SOLVE);

/**
 * A[jEnd:n, j0:jEnd] ← A[jEnd:n, j0:jEnd] L11⁻ᵀ (L11 = A[j0:jEnd, j0:jEnd]): each row x of the
 * panel solves x L11ᵀ = a by forward substitution, four rows at a time so that the working
 * rows stay in L1 and the four substitutions run as independent chains.
 */
export function solvePanel(a: Float64Array, n: number, j0: number, jEnd: number): void {
  const jb = jEnd - j0;
  for (let j = 0; j < jb; j++) {
    for (let c = 0; c < j; c++) rowsL11[c + j * jb] = a[j0 + j + (j0 + c) * n];
    invDiag[j] = 1 / a[j0 + j + (j0 + j) * n];
  }
  let i = jEnd;
  for (; i + 3 < n; i += 4) {
    for (let j = 0; j < jb; j++) {
      const cj = i + (j0 + j) * n;
      let s0 = a[cj];
      let s1 = a[cj + 1];
      let s2 = a[cj + 2];
      let s3 = a[cj + 3];
      const r = j * jb;
      for (let c = 0; c < j; c++) {
        const l = rowsL11[r + c];
        const cc = i + (j0 + c) * n;
        s0 -= a[cc] * l;
        s1 -= a[cc + 1] * l;
        s2 -= a[cc + 2] * l;
        s3 -= a[cc + 3] * l;
      }
      const inv = invDiag[j];
      a[cj] = s0 * inv;
      a[cj + 1] = s1 * inv;
      a[cj + 2] = s2 * inv;
      a[cj + 3] = s3 * inv;
    }
  }
  for (; i < n; i++) {
    for (let j = 0; j < jb; j++) {
      const cj = i + (j0 + j) * n;
      let s = a[cj];
      for (let c = 0; c < j; c++) s -= a[i + (j0 + c) * n] * rowsL11[j * jb + c];
      a[cj] = s * invDiag[j];
    }
  }
}

/**
 * `solvePanel` in WebAssembly (f64x2 over rows, eight rows at a time) for `a` resident in the
 * kernel's memory: the rows of L11 and 1/diag are staged in its L buffer.
 */
export function solvePanelWasm(
  w: GemmWasm,
  a: Float64Array,
  n: number,
  j0: number,
  jEnd: number,
): void {
  const jb = jEnd - j0;
  const l = w.bufL;
  for (let j = 0; j < jb; j++) {
    for (let c = 0; c < j; c++) l[c + j * jb] = a[j0 + j + (j0 + c) * n];
    l[jb * jb + j] = 1 / a[j0 + j + (j0 + j) * n];
  }
  w.kernel.solvePanel(a.byteOffset, n, j0, jEnd, L_PTR);
}

/**
 * C ← C − L21 L21ᵀ on the lower triangle of C = A[r0:r0+m, r0:r0+nc], L21 = A[r0:r0+m, c0:r0],
 * for `a` resident in the kernel's memory. L21 is packed once (in WebAssembly) into 4-row slivers at `pack`
 * (≥ 4⌈m/4⌉·(r0 − c0) doubles, in the same memory): the 4-column slivers of L21ᵀ that the
 * kernel reads as B are the same bytes, so the A and B operands share one packing. Then one
 * macro-kernel call per MC-row block, over the columns that reach the diagonal.
 */
export function syrkLowerWasm(
  w: GemmWasm,
  a: Float64Array,
  n: number,
  c0: number,
  r0: number,
  m: number,
  nc: number,
  pack: Float64Array,
): void {
  const k = r0 - c0;
  if (m === 0 || nc === 0 || k === 0) return;
  const p = pack.byteOffset;
  w.kernel.pack4(a.byteOffset + (r0 + c0 * n) * 8, n, m, k, p);
  const c = a.byteOffset + (r0 + r0 * n) * 8;
  for (let ic = 0; ic < m; ic += MC) {
    const mc = Math.min(MC, m - ic);
    const ncb = Math.min(nc, ic + mc);
    w.kernel.macro(mc, ncb, k, -1, p + ic * k * 8, p, c + ic * 8, n, TRI_LOWER, ic);
  }
}
