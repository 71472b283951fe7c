/**
 * Scalar 4 × 4 GEMM micro-kernel: the fallback where WebAssembly SIMD is unavailable. The 16
 * accumulators are local scalars so the JIT keeps them in registers.
 */

/** C[c + r + col*ldc] += alpha * sum_p Ap[a + p*4 + r] * Bp[b + p*4 + col], 4 × 4 tile. */
export function micro4x4(
  kc: number,
  alpha: number,
  Ap: Float64Array,
  a: number,
  Bp: Float64Array,
  b: number,
  C: Float64Array,
  c: number,
  ldc: number,
): void {
  let c00 = 0;
  let c10 = 0;
  let c20 = 0;
  let c30 = 0;
  let c01 = 0;
  let c11 = 0;
  let c21 = 0;
  let c31 = 0;
  let c02 = 0;
  let c12 = 0;
  let c22 = 0;
  let c32 = 0;
  let c03 = 0;
  let c13 = 0;
  let c23 = 0;
  let c33 = 0;
  const end = a + kc * 4;
  while (a < end) {
    const a0 = Ap[a];
    const a1 = Ap[a + 1];
    const a2 = Ap[a + 2];
    const a3 = Ap[a + 3];
    let bv = Bp[b];
    c00 += a0 * bv;
    c10 += a1 * bv;
    c20 += a2 * bv;
    c30 += a3 * bv;
    bv = Bp[b + 1];
    c01 += a0 * bv;
    c11 += a1 * bv;
    c21 += a2 * bv;
    c31 += a3 * bv;
    bv = Bp[b + 2];
    c02 += a0 * bv;
    c12 += a1 * bv;
    c22 += a2 * bv;
    c32 += a3 * bv;
    bv = Bp[b + 3];
    c03 += a0 * bv;
    c13 += a1 * bv;
    c23 += a2 * bv;
    c33 += a3 * bv;
    a += 4;
    b += 4;
  }
  C[c] += alpha * c00;
  C[c + 1] += alpha * c10;
  C[c + 2] += alpha * c20;
  C[c + 3] += alpha * c30;
  c += ldc;
  C[c] += alpha * c01;
  C[c + 1] += alpha * c11;
  C[c + 2] += alpha * c21;
  C[c + 3] += alpha * c31;
  c += ldc;
  C[c] += alpha * c02;
  C[c + 1] += alpha * c12;
  C[c + 2] += alpha * c22;
  C[c + 3] += alpha * c32;
  c += ldc;
  C[c] += alpha * c03;
  C[c + 1] += alpha * c13;
  C[c + 2] += alpha * c23;
  C[c + 3] += alpha * c33;
}
