import { MR, NR, type PackA, type PackB } from './gemm-core.js';

/**
 * Packs a column-major view (element (i, p) at `X[off + i*rs + p*cs]`) as op(A) slivers: pass
 * rs = 1, cs = ld for A itself, rs = ld, cs = 1 for Aᵀ.
 */
export function packAStrided(X: Float64Array, off: number, rs: number, cs: number): PackA {
  return (dst, i0, mc, p0, kc) => {
    let d = 0;
    for (let s = 0; s < mc; s += MR) {
      const rows = Math.min(MR, mc - s);
      const base = off + (i0 + s) * rs + p0 * cs;
      if (rows === MR && rs === 1) {
        for (let p = 0; p < kc; p++) {
          const q = base + p * cs;
          dst[d] = X[q];
          dst[d + 1] = X[q + 1];
          dst[d + 2] = X[q + 2];
          dst[d + 3] = X[q + 3];
          d += MR;
        }
      } else if (rows === MR) {
        const r2 = 2 * rs;
        const r3 = 3 * rs;
        for (let p = 0; p < kc; p++) {
          const q = base + p * cs;
          dst[d] = X[q];
          dst[d + 1] = X[q + rs];
          dst[d + 2] = X[q + r2];
          dst[d + 3] = X[q + r3];
          d += MR;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          const q = base + p * cs;
          for (let r = 0; r < MR; r++) dst[d + r] = r < rows ? X[q + r * rs] : 0;
          d += MR;
        }
      }
    }
  };
}

/**
 * Packs a view (element (p, j) at `X[off + p*rs + j*cs]`) as op(B) slivers, optionally
 * multiplying row p by w[p] (the W of XᵀWX).
 */
export function packBStrided(
  X: Float64Array,
  off: number,
  rs: number,
  cs: number,
  w?: Float64Array,
): PackB {
  return (dst, p0, kc, j0, nc) => {
    let d = 0;
    for (let s = 0; s < nc; s += NR) {
      const cols = Math.min(NR, nc - s);
      const base = off + p0 * rs + (j0 + s) * cs;
      if (cols === NR && rs === 1) {
        const b1 = base + cs;
        const b2 = b1 + cs;
        const b3 = b2 + cs;
        if (w === undefined) {
          for (let p = 0; p < kc; p++) {
            dst[d] = X[base + p];
            dst[d + 1] = X[b1 + p];
            dst[d + 2] = X[b2 + p];
            dst[d + 3] = X[b3 + p];
            d += NR;
          }
        } else {
          for (let p = 0; p < kc; p++) {
            const wp = w[p0 + p];
            dst[d] = wp * X[base + p];
            dst[d + 1] = wp * X[b1 + p];
            dst[d + 2] = wp * X[b2 + p];
            dst[d + 3] = wp * X[b3 + p];
            d += NR;
          }
        }
      } else if (cols === NR && w === undefined) {
        const c2 = 2 * cs;
        const c3 = 3 * cs;
        for (let p = 0; p < kc; p++) {
          const q = base + p * rs;
          dst[d] = X[q];
          dst[d + 1] = X[q + cs];
          dst[d + 2] = X[q + c2];
          dst[d + 3] = X[q + c3];
          d += NR;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          const q = base + p * rs;
          const wp = w === undefined ? 1 : w[p0 + p];
          for (let c = 0; c < NR; c++) dst[d + c] = c < cols ? wp * X[q + c * cs] : 0;
          d += NR;
        }
      }
    }
  };
}
