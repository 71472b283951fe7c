import { describe, expect, it } from 'vitest';
import { DimensionError } from './errors.js';
import { crossprod, gemm, gemmInto, tcrossprod } from './gemm.js';
import { setGemmKernel } from './gemm-core.js';
import { expectClose, mlData, naiveGemm, randomMatrix, toMl } from './test-utils/helpers.js';

// Blocked vs plain summation order: error ≤ k·ε·max|a||b|·k ≈ 300·2.2e-16·(few) ≲ 1e-12 relative
// to max(1, max|C|) for the N(0,1) inputs used here.
const TOL = 1e-12;

// shapes chosen to hit every edge: 1×1, partial 4×4 tiles, m > MC (96), k > KC (256)
const shapes: Array<[number, number, number]> = [
  [1, 1, 1],
  [5, 7, 3],
  [37, 29, 300],
  [130, 9, 17],
  [8, 8, 8],
];

describe('gemm micro-kernels', () => {
  it('the scalar JS kernel and the WebAssembly SIMD kernel agree with a plain loop', () => {
    const A = randomMatrix(37, 300, 1);
    const B = randomMatrix(300, 29, 2);
    const ref = naiveGemm(A, B, false, false).data;
    try {
      for (const kind of ['js', 'wasm'] as const) {
        setGemmKernel(kind);
        expectClose(gemm(A, B).data, ref, TOL);
        expectClose(crossprod(A).data, naiveGemm(A, A, true, false).data, TOL);
      }
      // WebAssembly SIMD is available on Node ≥ 16: the default must be the fast kernel
      expect(setGemmKernel('wasm')).toBe('wasm');
    } finally {
      setGemmKernel('wasm');
    }
  });
});

describe('gemm', () => {
  it('agrees with a plain loop and ml-matrix for every transpose combination', () => {
    let seed = 10;
    for (const [m, n, k] of shapes) {
      for (const tA of [false, true]) {
        for (const tB of [false, true]) {
          const A = tA ? randomMatrix(k, m, seed++) : randomMatrix(m, k, seed++);
          const B = tB ? randomMatrix(n, k, seed++) : randomMatrix(k, n, seed++);
          const C = gemm(A, B, { transA: tA, transB: tB });
          expect([C.rows, C.cols]).toEqual([m, n]);
          expectClose(C.data, naiveGemm(A, B, tA, tB).data, TOL);
          const a = tA ? toMl(A).transpose() : toMl(A);
          const b = tB ? toMl(B).transpose() : toMl(B);
          expectClose(C.data, mlData(a.mmul(b)), TOL);
        }
      }
    }
  });
  it('gemmInto accumulates αAB + βC', () => {
    const A = randomMatrix(9, 6, 1);
    const B = randomMatrix(6, 11, 2);
    const C0 = randomMatrix(9, 11, 3);
    const C = { rows: 9, cols: 11, data: Float64Array.from(C0.data) };
    gemmInto(C, A, B, { alpha: -1.5, beta: 2 });
    const ref = naiveGemm(A, B, false, false).data.map((v, i) => -1.5 * v + 2 * C0.data[i]);
    expectClose(C.data, ref, TOL);
  });
  it('crossprod and tcrossprod fill both triangles', () => {
    const X = randomMatrix(300, 70, 4);
    const XtX = crossprod(X);
    expectClose(XtX.data, naiveGemm(X, X, true, false).data, TOL);
    expectClose(XtX.data, mlData(toMl(X).transpose().mmul(toMl(X))), TOL);
    const Y = randomMatrix(41, 13, 5);
    expectClose(tcrossprod(Y).data, naiveGemm(Y, Y, false, true).data, TOL);
    expectClose(tcrossprod(Y).data, mlData(toMl(Y).mmul(toMl(Y).transpose())), TOL);
  });
  it('rejects non-conforming shapes', () => {
    const A = randomMatrix(3, 4, 1);
    expect(() => gemm(A, A)).toThrow(DimensionError);
    expect(() => gemm(A, A)).toThrow(/inner dimensions differ/);
    expect(() => gemmInto(randomMatrix(2, 2, 1), A, A, { transB: true })).toThrow(/C is 2 × 2/);
  });
});
