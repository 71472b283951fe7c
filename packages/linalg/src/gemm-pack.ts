import type { PackA, PackB } from './gemm-core.js';

/** Micro-tile height: rows of op(A) per packed sliver (the micro-kernels are 4 × 4). */
export const MR = 4;
/** Micro-tile width: columns of op(B) per packed sliver. */
export const NR = 4;

/**
 * Packs a column-major view (element (i, p) at `X[off + i*rs + p*cs]`) as op(A) slivers: pass
 * rs = 1, cs = ld for A itself, rs = ld, cs = 1 for Aᵀ.
 */
export function packAStrided(X: Float64Array, off: number, rs: number, cs: number): PackA {
  return (dst, i0, mc, p0, kc) => packSlivers(dst, X, off + i0 * rs + p0 * cs, rs, cs, mc, kc);
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
  if (w === undefined) {
    return (dst, p0, kc, j0, nc) => packSlivers(dst, X, off + p0 * rs + j0 * cs, cs, rs, nc, kc);
  }
  return (dst, p0, kc, j0, nc) => {
    packSlivers(dst, X, off + p0 * rs + j0 * cs, cs, rs, nc, kc);
    scaleSliversByRow(dst, w, p0, nc, kc);
  };
}

/**
 * dst[s*4*kc + p*4 + r] = X[base + (4s + r)*across + p*along] for 4s + r < count, else 0:
 * `count` lines (rows of op(A) or columns of op(B)) in slivers of 4, `kc` steps along each.
 */
function packSlivers(
  dst: Float64Array,
  X: Float64Array,
  base: number,
  across: number,
  along: number,
  count: number,
  kc: number,
): void {
  let d = 0;
  const a2 = 2 * across;
  const a3 = 3 * across;
  for (let s = 0; s < count; s += 4) {
    const lines = Math.min(4, count - s);
    const b = base + s * across;
    if (lines === 4) {
      for (let q = b, e = b + kc * along; q < e; q += along) {
        dst[d] = X[q];
        dst[d + 1] = X[q + across];
        dst[d + 2] = X[q + a2];
        dst[d + 3] = X[q + a3];
        d += 4;
      }
    } else {
      dst.fill(0, d, d + 4 * kc);
      for (let r = 0; r < lines; r++) {
        let dd = d + r;
        for (let q = b + r * across, e = q + kc * along; q < e; q += along) {
          dst[dd] = X[q];
          dd += 4;
        }
      }
      d += 4 * kc;
    }
  }
}

/** Multiplies packed B slivers by the row weights: entry for inner index p gets w[p0 + p]. */
function scaleSliversByRow(
  dst: Float64Array,
  w: Float64Array,
  p0: number,
  count: number,
  kc: number,
): void {
  let d = 0;
  for (let s = 0; s < count; s += 4) {
    for (let p = 0; p < kc; p++) {
      const wp = w[p0 + p];
      dst[d] *= wp;
      dst[d + 1] *= wp;
      dst[d + 2] *= wp;
      dst[d + 3] *= wp;
      d += 4;
    }
  }
}
