import { describe, expect, it } from 'vitest';
import { gemmCore, setGemmKernel, type Triangle } from './gemm-core.js';
import { packAStrided, packBStrided } from './gemm-pack.js';
import { gemmWasm, wasmWorkspace } from './gemm-wasm.js';
import { expectClose, randomMatrix } from './test-utils/helpers.js';

// Blocked vs plain summation order over k ≤ 300 inner terms of N(0,1) products: the rounding
// difference is ≲ k·ε·(|C0| + |α|Σ|a||b|) ≈ 300·2.2e-16·40, below 1e-12 of max(1, max|C|).
const TOL = 1e-12;

/** Plain loop: C0 + α·A·B (A m × k, B k × n, column-major) on `tri`, C0 elsewhere. */
function plain(
  C0: Float64Array,
  ldc: number,
  A: Float64Array,
  B: Float64Array,
  m: number,
  n: number,
  k: number,
  alpha: number,
  tri: Triangle,
): Float64Array {
  const C = C0.slice();
  for (let j = 0; j < n; j++)
    for (let i = 0; i < m; i++) {
      if ((tri === 'upper' && i > j) || (tri === 'lower' && i < j)) continue;
      let s = 0;
      for (let p = 0; p < k; p++) s += A[i + p * m] * B[p + j * k];
      C[i + j * ldc] += alpha * s;
    }
  return C;
}

// m, n, k: single entries, partial 4 × 4 tiles, m > MC (96), k > KC (256), n > NC (2048)
const shapes: Array<[number, number, number]> = [
  [1, 1, 1],
  [3, 5, 2],
  [7, 7, 9],
  [97, 13, 5],
  [101, 103, 33],
  [10, 11, 300],
  [5, 2050, 2],
];

describe('WebAssembly macro-kernel (gemmCore)', () => {
  it('is available (Node has WebAssembly SIMD)', () => {
    expect(gemmWasm).not.toBeNull();
  });
  for (const where of ['js-array', 'resident'] as const) {
    it(`matches a plain loop on every triangle, odd sizes and tails (C ${where})`, () => {
      try {
        for (const kind of ['wasm', 'js'] as const) {
          setGemmKernel(kind);
          for (const [m, n, k] of shapes) {
            const A = randomMatrix(m, k, m + 7 * k).data;
            const B = randomMatrix(k, n, n + 11 * k).data;
            // C with a margin: leading dimension m + 3 and a 2-element offset, to check that
            // nothing outside the block is written
            const ldc = m + 3;
            const len = 2 + ldc * n;
            const C0 = randomMatrix(len, 1, m * n).data;
            for (const tri of ['full', 'upper', 'lower'] as const) {
              for (const alpha of [1, -0.75]) {
                const ref = plain(C0.subarray(2), ldc, A, B, m, n, k, alpha, tri);
                const C =
                  where === 'resident' && gemmWasm !== null
                    ? (wasmWorkspace(gemmWasm, len) ?? new Float64Array(len))
                    : new Float64Array(len);
                C.set(C0);
                gemmCore(
                  m,
                  n,
                  k,
                  alpha,
                  packAStrided(A, 0, 1, m),
                  packBStrided(B, 0, 1, k),
                  C,
                  2,
                  ldc,
                  tri,
                );
                expect(C.slice(0, 2)).toEqual(C0.slice(0, 2));
                const got = C.slice(2);
                expectClose(got, ref, TOL);
                // entries outside the block or the triangle are untouched, bit for bit
                let changedOutside = 0;
                for (let j = 0; j < n; j++)
                  for (let i = 0; i < ldc; i++) {
                    const outside =
                      i >= m || (tri === 'upper' && i > j) || (tri === 'lower' && i < j);
                    if (outside && got[i + j * ldc] !== C0[2 + i + j * ldc]) changedOutside++;
                  }
                expect(changedOutside).toBe(0);
              }
            }
          }
        }
      } finally {
        setGemmKernel('wasm');
      }
    });
  }
});
