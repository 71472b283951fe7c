import { assertLength } from './checks.js';
import { type DenseMatrix, dense } from './dense.js';
import { symmetrizeUpperInPlace } from './gemm.js';
import { gemmCore, type PackB } from './gemm-core.js';
import { NR as PACK_NR, packAStrided, packBStrided } from './gemm-pack.js';

// module-level copy: imported bindings are getters under some loaders, slow in loops
const NR = PACK_NR;

/** The weighted normal equations of one IRLS / weighted least-squares step. */
export interface WeightedNormalEquations {
  /** XᵀWX, p × p, both triangles filled. */
  readonly XtWX: DenseMatrix;
  /** XᵀWz, length p. */
  readonly XtWz: Float64Array;
}

/** XᵀWX with W = diag(w) (p × p, both triangles), w of length X.rows (may be any sign). */
export function crossprodWeighted(X: DenseMatrix, w: ArrayLike<number>): DenseMatrix {
  assertLength(w, X.rows, 'w', 'must equal X.rows');
  const p = X.cols;
  const C = dense(p, p);
  gemmCore(
    p,
    p,
    X.rows,
    1,
    packAStrided(X.data, 0, X.rows, 1),
    packBStrided(X.data, 0, 1, X.rows, Float64Array.from(w)),
    C.data,
    0,
    p,
    'upper',
  );
  symmetrizeUpperInPlace(C.data, p);
  return C;
}

/** XᵀWz = Σ_i x_i w_i z_i (length p), W = diag(w). */
export function crossprodWeightedVec(
  X: DenseMatrix,
  w: ArrayLike<number>,
  z: ArrayLike<number>,
): Float64Array {
  const n = X.rows;
  assertLength(w, n, 'w', 'must equal X.rows');
  assertLength(z, n, 'z', 'must equal X.rows');
  const wz = new Float64Array(n);
  for (let i = 0; i < n; i++) wz[i] = w[i] * z[i];
  const out = new Float64Array(X.cols);
  const x = X.data;
  for (let j = 0; j < X.cols; j++) {
    const o = j * n;
    let s0 = 0;
    let s1 = 0;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      s0 += x[o + i] * wz[i];
      s1 += x[o + i + 1] * wz[i + 1];
    }
    if (i < n) s0 += x[o + i] * wz[i];
    out[j] = s0 + s1;
  }
  return out;
}

/**
 * XᵀWX and XᵀWz in one pass over X: each block of rows of X is read once, weighted while it is
 * packed for the XᵀWX kernel, and dotted with z at the same time.
 */
export function weightedNormalEquations(
  X: DenseMatrix,
  w: ArrayLike<number>,
  z: ArrayLike<number>,
): WeightedNormalEquations {
  const n = X.rows;
  const p = X.cols;
  assertLength(w, n, 'w', 'must equal X.rows');
  assertLength(z, n, 'z', 'must equal X.rows');
  const wv = Float64Array.from(w);
  const zv = Float64Array.from(z);
  const XtWz = new Float64Array(p);
  const x = X.data;
  // pack W·X slivers, then accumulate (WX)ᵀz from the packed block while it is in cache
  const packWX = packBStrided(x, 0, 1, n, wv);
  const packB: PackB = (dst, p0, kc, j0, nc) => {
    packWX(dst, p0, kc, j0, nc);
    let d = 0;
    for (let s = 0; s < nc; s += NR) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let q = 0; q < kc; q++) {
        const zq = zv[p0 + q];
        a0 += dst[d] * zq;
        a1 += dst[d + 1] * zq;
        a2 += dst[d + 2] * zq;
        a3 += dst[d + 3] * zq;
        d += NR;
      }
      const j = j0 + s;
      const cols = Math.min(NR, nc - s);
      XtWz[j] += a0;
      if (cols > 1) XtWz[j + 1] += a1;
      if (cols > 2) XtWz[j + 2] += a2;
      if (cols > 3) XtWz[j + 3] += a3;
    }
  };
  const C = dense(p, p);
  gemmCore(p, p, n, 1, packAStrided(x, 0, n, 1), packB, C.data, 0, p, 'upper');
  symmetrizeUpperInPlace(C.data, p);
  return { XtWX: C, XtWz };
}
