import { describe, expect, it } from 'vitest';
import { choleskyInPlace } from './cholesky.js';
import { solvePanel, solvePanelWasm, syrkLowerWasm } from './cholesky-panel.js';
import { copyDense } from './dense.js';
import { setGemmKernel } from './gemm-core.js';
import { gemmWasm, type GemmWasm, setWasmWorkspaceLimit, wasmWorkspace } from './gemm-wasm.js';
import { expectClose, maxAbs, naiveGemm, randomMatrix, randomSpd } from './test-utils/helpers.js';

/** The WebAssembly instance (Node ≥ 16 has SIMD; the first test asserts it). */
function kernel(): GemmWasm {
  if (gemmWasm === null) throw new Error('WebAssembly SIMD unavailable');
  return gemmWasm;
}

/**
 * An n × n matrix resident in the kernel's memory holding `src`, plus a packing buffer of
 * `packLen` doubles after it (the layout choleskyInPlace uses).
 */
function resident(src: Float64Array, packLen: number): { a: Float64Array; pack: Float64Array } {
  const at = Math.ceil(src.length / 8) * 8;
  const space = wasmWorkspace(kernel(), at + packLen);
  if (space === null) throw new Error('cannot grow the kernel memory');
  const a = space.subarray(0, src.length);
  a.set(src);
  return { a, pack: space.subarray(at) };
}

/** Count of entries of x and y that differ at all. */
function changed(
  x: Float64Array,
  y: Float64Array,
  skip: (i: number, j: number) => boolean,
  n: number,
) {
  let c = 0;
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) if (!skip(i, j) && x[i + j * n] !== y[i + j * n]) c++;
  return c;
}

describe('Cholesky panel kernels (WebAssembly)', () => {
  it('the kernel instance is available', () => {
    expect(gemmWasm).not.toBeNull();
  });

  it('solvePanel: X L11ᵀ = B by plain substitution, every row tail (8/2/1 rows) and width', () => {
    for (const jb of [1, 2, 5, 16]) {
      for (const below of [1, 2, 3, 7, 8, 9, 10, 17, 26]) {
        const j0 = 3;
        const jEnd = j0 + jb;
        const n = jEnd + below;
        const M = randomMatrix(n, n, 100 * jb + below).data;
        // a well-conditioned lower-triangular diagonal block: |L11[j, j]| ≥ 2
        for (let j = j0; j < jEnd; j++) M[j + j * n] = 2 + Math.abs(M[j + j * n]);
        // plain loop: x_j = (b_j − Σ_{c<j} x_c L11[j, c]) / L11[j, j], row by row
        const ref = M.slice();
        for (let i = jEnd; i < n; i++)
          for (let j = j0; j < jEnd; j++) {
            let s = ref[i + j * n];
            for (let c = j0; c < j; c++) s -= ref[i + c * n] * ref[j + c * n];
            ref[i + j * n] = s / ref[j + j * n];
          }
        const { a } = resident(M, 0);
        solvePanelWasm(kernel(), a, n, j0, jEnd);
        const js = M.slice();
        solvePanel(js, n, j0, jEnd);
        // same operations as the loop except x·(1/d) for x/d: ≤ 1 ulp per step over ≤ 16 steps
        // with |L11| ≥ 2 diagonals, so 1e-14 relative to max(1, max|X|) is ample
        expectClose(a, ref, 1e-14);
        expectClose(js, ref, 1e-14);
        // nothing outside rows jEnd… of columns j0…jEnd−1 is written
        const inPanel = (i: number, j: number) => i >= jEnd && j >= j0 && j < jEnd;
        expect(changed(a, M, inPanel, n)).toBe(0);
      }
    }
  });

  it('syrkLowerWasm: C −= L21 L21ᵀ on the lower triangle only, odd sizes and row blocks', () => {
    // (c0, r0, m, nc): k = r0 − c0 inner terms (odd and even: the kernel steps p two at a time),
    // m ≡ 1, 2, 3 mod 4 (zero-padded slivers); m > 96 and m > 192 cross the kernel's row blocks
    const cases: Array<[number, number, number, number]> = [
      [0, 1, 1, 1],
      [2, 5, 3, 3],
      [1, 8, 13, 5],
      [3, 10, 30, 30],
      [0, 16, 97, 97],
      [4, 68, 201, 64],
      [0, 128, 203, 203],
    ];
    for (const [c0, r0, m, nc] of cases) {
      const n = r0 + m;
      const k = r0 - c0;
      const M = randomMatrix(n, n, n + k).data;
      const ref = M.slice();
      for (let j = 0; j < nc; j++)
        for (let i = j; i < m; i++) {
          let s = 0;
          for (let p = 0; p < k; p++) s += M[r0 + i + (c0 + p) * n] * M[r0 + j + (c0 + p) * n];
          ref[r0 + i + (r0 + j) * n] -= s;
        }
      const { a, pack } = resident(M, (m + 4) * k);
      syrkLowerWasm(kernel(), a, n, c0, r0, m, nc, pack);
      // k ≤ 128 products of N(0,1) entries, summed in another order: ≲ k·ε·Σ|l||l| ≪ 1e-12
      expectClose(a, ref, 1e-12);
      const inC = (i: number, j: number) => j >= r0 && j < r0 + nc && i >= j;
      expect(changed(a, M, inC, n)).toBe(0);
    }
  });

  it('choleskyInPlace: the WebAssembly and JavaScript kernels agree (sizes around the blocks)', () => {
    try {
      for (const n of [2, 17, 129, 130, 211, 257]) {
        const A = randomSpd(n, 500 + n);
        setGemmKernel('js');
        const Ljs = copyDense(A);
        expect(choleskyInPlace(Ljs).ok).toBe(true);
        setGemmKernel('wasm');
        const L = copyDense(A);
        expect(choleskyInPlace(L).ok).toBe(true);
        // past the workspace cap: the WebAssembly gemm on A's own storage, JavaScript solves
        const previous = setWasmWorkspaceLimit(0);
        const Lbig = copyDense(A);
        try {
          expect(choleskyInPlace(Lbig).ok).toBe(true);
        } finally {
          setWasmWorkspaceLimit(previous);
        }
        // cond(A) ≤ ~10 (A = GᵀG + nI): the factors are within ~n·ε·cond of the true L
        expectClose(L.data, Ljs.data, 1e-12);
        expectClose(Lbig.data, Ljs.data, 1e-12);
        const r = naiveGemm(L, L, false, true).data.map((v, i) => v - A.data[i]);
        expect(maxAbs(r)).toBeLessThanOrEqual(1e-12 * maxAbs(A.data));
      }
    } finally {
      setGemmKernel('wasm');
    }
  });

  it('choleskyInPlace: the same failure report and partial factor with both kernels', () => {
    try {
      // failures in the first panel's leaf, inside a later panel and in the last columns
      for (const [n, bad] of [
        [150, 5],
        [260, 140],
        [261, 260],
      ]) {
        const A = randomSpd(n, 77 + n);
        A.data[bad + bad * n] = -50;
        setGemmKernel('js');
        const Wjs = copyDense(A);
        const rjs = choleskyInPlace(Wjs);
        setGemmKernel('wasm');
        const W = copyDense(A);
        const r = choleskyInPlace(W);
        expect(r.ok).toBe(false);
        expect(r.failedAt).toBe(bad);
        expect(r.rank).toBe(bad);
        expect(rjs.failedAt).toBe(bad);
        // the pivot A_jj − Σ L_jk² ≈ −50 − (sum of ~n squares): same to rounding
        expect(Math.abs(r.failedPivot - rjs.failedPivot)).toBeLessThanOrEqual(
          1e-12 * Math.abs(rjs.failedPivot),
        );
        // the first `bad` columns (the valid partial L) agree
        expectClose(W.data.subarray(0, bad * n), Wjs.data.subarray(0, bad * n), 1e-12);
        // the strict upper triangle is zero
        let upper = 0;
        for (let j = 1; j < n; j++)
          for (let i = 0; i < j; i++) if (W.data[i + j * n] !== 0) upper++;
        expect(upper).toBe(0);
      }
    } finally {
      setGemmKernel('wasm');
    }
  });
});
