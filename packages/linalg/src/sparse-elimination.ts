/**
 * Sparse symmetric kernels on a dense-stored m × m block S (column-major, lower triangle): a
 * partial left-looking sparse Cholesky elimination of the leading k0 columns over a given
 * symbolic pattern (the trailing block leaves as the Schur complement, ready for a dense
 * factorization), and a grouped, diagonally scaled scatter-subtract that forms S − D(Σ_g w_g M_g)D
 * from sparse M_g stored merged by position. Both have a plain JavaScript version and a
 * WebAssembly one (wasm/sparse-elimination.wat) running the same loops with the same arithmetic,
 * bit for bit: these index-chasing loops run 3–5× faster there.
 */
import { SPARSE_KERNEL_WASM_BASE64 } from './wasm-sparse-kernel-bytes.js';
import { type WasmMemory, compileWasm, instantiateWasm } from './wasm-runtime.js';

/**
 * The symbolic data of a left-looking elimination of the columns 0 … k0−1: their patterns
 * (colPtr, colRows: below-diagonal row positions, ascending) and, per row j, the entries that
 * hold it: rowEnt[rowPtr[j] … rowPtr[j+1]) are the e with colRows[e] = j, by increasing
 * column k, and rowEnd[·] = colPtr[k + 1] ends that column.
 */
export interface EliminationPattern {
  readonly m: number;
  readonly k0: number;
  readonly colPtr: Int32Array;
  readonly colRows: Int32Array;
  readonly rowPtr: Int32Array;
  readonly rowEnt: Int32Array;
  readonly rowEnd: Int32Array;
}

/** Row lists of the patterns of the columns 0 … k0−1 of an m × m block (counting sort by row). */
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
    m,
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
 * values `Lv` (Lv[e] = L_{colRows[e], k}, length nnz). Columns ≥ k0 leave holding the Schur
 * complement of the eliminated block. The writes stay in one column, the reads stream `Lv`.
 * Mutates `S` and `Lv`. Returns −1, or the first column whose pivot is not positive.
 */
export function eliminateSparseInPlace(
  S: Float64Array,
  pat: EliminationPattern,
  Lv: Float64Array,
): number {
  const { m, k0, colPtr, colRows, rowPtr, rowEnt, rowEnd } = pat;
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
 * Sparse symmetric matrices M_g (g = 0 … G−1) merged by position: position k of the block
 * (linear index target[k] into S, natural rows rowA[k], rowB[k] for the scaling) holds
 * Σ_{e ∈ ptr[k] … ptr[k+1])} (M_{grp[e]})_k = val[e].
 */
export interface GroupedScatter {
  readonly target: Int32Array;
  readonly rowA: Int32Array;
  readonly rowB: Int32Array;
  readonly ptr: Int32Array;
  readonly grp: Int32Array;
  readonly val: Float64Array;
}

/**
 * S[target_k] −= (Σ_e w[grp_e]·val_e)·s[rowA_k]·s[rowB_k] for every position k: subtracts
 * D (Σ_g w_g M_g) D with D = diag(s). Mutates `S`.
 */
export function subtractGroupedScatterInPlace(
  S: Float64Array,
  gs: GroupedScatter,
  w: Float64Array,
  s: Float64Array,
): void {
  const { target, rowA, rowB, ptr, grp, val } = gs;
  for (let k = 0; k < target.length; k++) {
    let v = 0;
    for (let e = ptr[k]!; e < ptr[k + 1]!; e++) v += w[grp[e]!]! * val[e]!;
    S[target[k]!]! -= v * s[rowA[k]!]! * s[rowB[k]!]!;
  }
}

/**
 * An m × m block S with one elimination pattern and (optionally) one grouped scatter bound to
 * it. With WebAssembly, S and the symbolic arrays live in the memory of the kernel's own
 * instance, so a call moves only the weights and scales.
 */
export interface SparseEliminationKernel {
  /** The m × m block (column-major, lower triangle), filled by the caller. */
  readonly S: Float64Array;
  readonly kind: 'wasm' | 'js';
  /** {@link subtractGroupedScatterInPlace} on S with the bound scatter (w: one weight per group). */
  subtractGroupedScatter(w: Float64Array, s: Float64Array): void;
  /** {@link eliminateSparseInPlace} on S with the bound pattern: −1 or the failing column. */
  eliminate(): number;
}

interface SparseExports {
  readonly memory: WasmMemory;
  readonly eliminate: (...offsets: number[]) => number;
  readonly subtractGrouped: (...offsets: number[]) => void;
}

let compiled: ReturnType<typeof compileWasm> | undefined;

function sparseModule(): ReturnType<typeof compileWasm> {
  if (compiled === undefined) compiled = compileWasm(SPARSE_KERNEL_WASM_BASE64);
  return compiled;
}

/** The kernel {@link sparseEliminationKernel} binds by default here: 'wasm' where available. */
export function sparseEliminationKind(): 'wasm' | 'js' {
  return sparseModule() === null ? 'js' : 'wasm';
}

/** Number of groups a scatter refers to (1 + its largest group index). */
function groupCount(gs: GroupedScatter): number {
  let G = 0;
  for (let e = 0; e < gs.grp.length; e++) if (gs.grp[e]! >= G) G = gs.grp[e]! + 1;
  return G;
}

/**
 * Allocates S (m × m) and binds `pattern` and, when given, `grouped`. `kind: 'js'` forces the
 * JavaScript loops (also the fallback without WebAssembly or when its memory cannot grow).
 */
export function sparseEliminationKernel(
  pattern: EliminationPattern,
  grouped: GroupedScatter | null = null,
  kind: 'wasm' | 'js' = 'wasm',
): SparseEliminationKernel {
  const mod = kind === 'wasm' ? sparseModule() : null;
  if (mod !== null) {
    try {
      return wasmKernel(instantiateWasm<SparseExports>(mod), pattern, grouped);
    } catch {
      // the memory could not be grown: the JavaScript loops serve
    }
  }
  const S = new Float64Array(pattern.m * pattern.m);
  const Lv = new Float64Array(pattern.colRows.length);
  return {
    S,
    kind: 'js',
    subtractGroupedScatter: (w, s) =>
      subtractGroupedScatterInPlace(S, requireScatter(grouped), w, s),
    eliminate: () => eliminateSparseInPlace(S, pattern, Lv),
  };
}

function requireScatter(gs: GroupedScatter | null): GroupedScatter {
  if (gs === null) throw new Error('subtractGroupedScatter: no grouped scatter was bound');
  return gs;
}

function wasmKernel(
  ex: SparseExports,
  pat: EliminationPattern,
  gs: GroupedScatter | null,
): SparseEliminationKernel {
  const { m, k0, colPtr, colRows, rowPtr, rowEnt, rowEnd } = pat;
  const nnz = colRows.length;
  // bump allocation of 8-byte aligned byte offsets in the instance's memory
  let top = 0;
  const at = (bytes: number): number => {
    const here = top;
    top = (top + bytes + 7) & ~7;
    return here;
  };
  const S0 = at(m * m * 8);
  const ptr0 = at((k0 + 1) * 4);
  const rows0 = at(nnz * 4);
  const lv0 = at(nnz * 8);
  const rp0 = at((m + 1) * 4);
  const re0 = at(nnz * 4);
  const rd0 = at(nnz * 4);
  const s0 = at(m * 8);
  const nt = gs === null ? 0 : gs.target.length;
  const G = gs === null ? 0 : groupCount(gs);
  const ne = gs === null ? 0 : gs.val.length;
  const w0 = at(G * 8);
  const target0 = at(nt * 4);
  const rowA0 = at(nt * 4);
  const rowB0 = at(nt * 4);
  const gptr0 = at((nt + 1) * 4);
  const grp0 = at(ne * 4);
  const val0 = at(ne * 8);
  const grow = Math.ceil((top - ex.memory.buffer.byteLength) / 65536);
  if (grow > 0) ex.memory.grow(grow);
  const buf = ex.memory.buffer;
  new Int32Array(buf, ptr0, k0 + 1).set(colPtr);
  new Int32Array(buf, rows0, nnz).set(colRows);
  new Int32Array(buf, rp0, m + 1).set(rowPtr);
  new Int32Array(buf, re0, nnz).set(rowEnt);
  new Int32Array(buf, rd0, nnz).set(rowEnd);
  const sView = new Float64Array(buf, s0, m);
  const wView = new Float64Array(buf, w0, G);
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
    kind: 'wasm',
    subtractGroupedScatter: (w, s) => {
      requireScatter(gs);
      wView.set(w.subarray(0, G));
      sView.set(s);
      subtractGrouped(S0, nt, target0, rowA0, rowB0, gptr0, grp0, val0, w0, s0);
    },
    eliminate: () => eliminate(S0, m, k0, ptr0, rows0, lv0, rp0, re0, rd0),
  };
}
