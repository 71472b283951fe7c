import type { DenseMatrix } from '@likelihood/linalg';
import type { WlsSolver, WlsStep } from './irls.js';

/**
 * A design X = [Z | Xd] in some column order, where Z is the indicator block of one factor
 * (row i has a single 1, in block column codes[i], or none when codes[i] = -1) and Xd is
 * dense. Z is never formed: a 300-level factor costs O(n) per IRLS step, not O(n p^2).
 */
export interface IndicatorDesign {
  /** n × q dense columns. */
  readonly Xd: DenseMatrix;
  readonly codes: Int32Array;
  /** Number of block columns L. */
  readonly nlevels: number;
  /** Position of block column k in the full coefficient vector. */
  readonly blockPositions: Int32Array;
  /** Position of dense column j in the full coefficient vector. */
  readonly densePositions: Int32Array;
}

/** The factorization of X'WX kept from the last step (for covariances and hat values). */
export interface IndicatorState {
  /** D_k = sum of weights in level k (0 for aliased levels). */
  readonly D: Float64Array;
  /** G = D^{-1} B (L × q, row-major: G[k q + j]). */
  readonly G: Float64Array;
  /** S^{-1} with S = C - B' D^{-1} B (q × q, column-major; aliased rows/cols 0). */
  readonly Sinv: Float64Array;
  readonly aliasedDense: Uint8Array;
  /**
   * min_j (Schur pivot_j / (x_j' W x_j)) over the non-aliased dense columns: the squared ratio
   * of a column's reduced to original norm. Below ~1e-8 the normal equations lose more than
   * half of the digits a QR would keep (use the dense QR path then).
   */
  readonly minPivotRatio: number;
}

/** sum_{r < len} a[ao + r] * b[bo + r]. */
function dotRange(a: Float64Array, ao: number, b: Float64Array, bo: number, len: number): number {
  let s = 0;
  for (let r = 0; r < len; r++) s += a[ao + r]! * b[bo + r]!;
  return s;
}

const CHUNK_ROWS = 512;

/**
 * Upper triangle of X' W X (column-major q × q, added into C) in row chunks that stay in cache:
 * for each chunk, T = W X_chunk, then C[j, l] += T_j . X_l over contiguous rows.
 */
function crossprodWeightedUpperInto(
  X: Float64Array,
  n: number,
  q: number,
  w: Float64Array,
  C: Float64Array,
): void {
  const T = new Float64Array(q * CHUNK_ROWS);
  for (let i0 = 0; i0 < n; i0 += CHUNK_ROWS) {
    const len = Math.min(CHUNK_ROWS, n - i0);
    for (let j = 0; j < q; j++) {
      const off = j * n + i0;
      const to = j * CHUNK_ROWS;
      for (let r = 0; r < len; r++) T[to + r] = w[i0 + r]! * X[off + r]!;
    }
    for (let j = 0; j < q; j++) {
      const tj = j * CHUNK_ROWS;
      let l = j;
      // Four columns per sweep of T_j (each sum still runs over rows in order).
      for (; l + 3 < q; l += 4) {
        const o0 = l * n + i0;
        const o1 = o0 + n;
        const o2 = o1 + n;
        const o3 = o2 + n;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let r = 0; r < len; r++) {
          const t = T[tj + r]!;
          s0 += t * X[o0 + r]!;
          s1 += t * X[o1 + r]!;
          s2 += t * X[o2 + r]!;
          s3 += t * X[o3 + r]!;
        }
        C[j + l * q] = C[j + l * q]! + s0;
        C[j + (l + 1) * q] = C[j + (l + 1) * q]! + s1;
        C[j + (l + 2) * q] = C[j + (l + 2) * q]! + s2;
        C[j + (l + 3) * q] = C[j + (l + 3) * q]! + s3;
      }
      for (; l < q; l++) C[j + l * q] = C[j + l * q]! + dotRange(T, tj, X, l * n + i0, len);
    }
  }
}

/**
 * Weighted least squares by block elimination of the normal equations
 * [D B; B' C] (beta_z, beta_d) = (a, c): S = C - B' D^{-1} B, beta_d = S^{-1}(c - B' D^{-1} a),
 * beta_z = D^{-1}(a - B beta_d). Dense columns whose Schur pivot falls below tol^2 times their
 * weighted squared norm are aliased (the squared form of R's `dqrdc2` rule), as are empty levels.
 */
export class IndicatorWlsSolver implements WlsSolver {
  readonly nobs: number;
  readonly p: number;
  readonly q: number;
  state: IndicatorState | null = null;
  constructor(readonly design: IndicatorDesign) {
    this.nobs = design.Xd.rows;
    this.q = design.Xd.cols;
    this.p = design.nlevels + this.q;
  }

  solve(
    good: Uint8Array,
    _ngood: number,
    sqrtW: Float64Array,
    zw: Float64Array,
    tol: number,
  ): WlsStep {
    const { nobs, q } = this;
    const { codes, nlevels: L, Xd } = this.design;
    const X = Xd.data;
    const D = new Float64Array(L);
    const a = new Float64Array(L);
    const B = new Float64Array(L * q);
    const C = new Float64Array(q * q);
    const c = new Float64Array(q);
    // Full-length weights (0 outside the step) so the sums below run over contiguous columns.
    const wv = new Float64Array(nobs);
    const wzv = new Float64Array(nobs);
    for (let i = 0, r = 0; i < nobs; i++) {
      if (!good[i]) continue;
      const sw = sqrtW[r]!;
      wv[i] = sw * sw;
      wzv[i] = sw * zw[r]!;
      r++;
    }
    if (L > 0) {
      for (let i = 0; i < nobs; i++) {
        const k = codes[i]!;
        if (k < 0 || wv[i] === 0) continue;
        D[k] = D[k]! + wv[i]!;
        a[k] = a[k]! + wzv[i]!;
      }
      for (let j = 0; j < q; j++) {
        const off = j * nobs;
        for (let i = 0; i < nobs; i++) {
          const k = codes[i]!;
          if (k >= 0) B[k * q + j] = B[k * q + j]! + wv[i]! * X[off + i]!;
        }
      }
    }
    for (let j = 0; j < q; j++) c[j] = dotRange(wzv, 0, X, j * nobs, nobs);
    crossprodWeightedUpperInto(X, nobs, q, wv, C);
    // S = C - B' D^{-1} B and rhs = c - B' D^{-1} a (upper triangle of S).
    const S = Float64Array.from(C);
    const rhs = Float64Array.from(c);
    const G = new Float64Array(L * q);
    for (let k = 0; k < L; k++) {
      const dk = D[k]!;
      if (dk === 0) continue;
      const bk = k * q;
      for (let j = 0; j < q; j++) G[bk + j] = B[bk + j]! / dk;
      for (let j = 0; j < q; j++) {
        const gj = G[bk + j]!;
        rhs[j] = rhs[j]! - gj * a[k]!;
        for (let l = j; l < q; l++) S[j + l * q] = S[j + l * q]! - gj * B[bk + l]!;
      }
    }
    // Cholesky S = R'R (upper R in place) with aliasing of negligible pivots.
    const aliasedDense = new Uint8Array(q);
    const R = new Float64Array(q * q);
    let minPivotRatio = 1;
    for (let j = 0; j < q; j++) {
      let d = S[j + j * q]!;
      for (let m = 0; m < j; m++) d -= R[m + j * q]! * R[m + j * q]!;
      if (!(d > tol * tol * C[j + j * q]!) || !(d > 0)) {
        aliasedDense[j] = 1;
        continue;
      }
      minPivotRatio = Math.min(minPivotRatio, d / C[j + j * q]!);
      const rjj = Math.sqrt(d);
      R[j + j * q] = rjj;
      for (let l = j + 1; l < q; l++) {
        let s = S[j + l * q]!;
        for (let m = 0; m < j; m++) s -= R[m + j * q]! * R[m + l * q]!;
        R[j + l * q] = s / rjj;
      }
    }
    // Rinv (upper) then Sinv = Rinv Rinv' over non-aliased columns.
    const Rinv = new Float64Array(q * q);
    for (let col = 0; col < q; col++) {
      if (aliasedDense[col]) continue;
      Rinv[col + col * q] = 1 / R[col + col * q]!;
      for (let i = col - 1; i >= 0; i--) {
        if (aliasedDense[i]) continue;
        let s = 0;
        for (let k = i + 1; k <= col; k++) s += R[i + k * q]! * Rinv[k + col * q]!;
        Rinv[i + col * q] = -s / R[i + i * q]!;
      }
    }
    const Sinv = new Float64Array(q * q);
    for (let i = 0; i < q; i++) {
      for (let j = i; j < q; j++) {
        let s = 0;
        for (let k = j; k < q; k++) s += Rinv[i + k * q]! * Rinv[j + k * q]!;
        Sinv[i + j * q] = s;
        Sinv[j + i * q] = s;
      }
    }
    const betaD = new Float64Array(q);
    for (let i = 0; i < q; i++) {
      let s = 0;
      for (let j = 0; j < q; j++) s += Sinv[i + j * q]! * rhs[j]!;
      betaD[i] = s;
    }
    const coefficients = new Float64Array(this.p);
    const aliased: number[] = [];
    const { blockPositions, densePositions } = this.design;
    for (let k = 0; k < L; k++) {
      if (D[k] === 0) {
        aliased.push(blockPositions[k]!);
        continue;
      }
      let s = a[k]!;
      for (let j = 0; j < q; j++) s -= B[k * q + j]! * betaD[j]!;
      coefficients[blockPositions[k]!] = s / D[k]!;
    }
    for (let j = 0; j < q; j++) {
      if (aliasedDense[j]) aliased.push(densePositions[j]!);
      else coefficients[densePositions[j]!] = betaD[j]!;
    }
    this.state = { D, G, Sinv, aliasedDense, minPivotRatio };
    return { coefficients, rank: this.p - aliased.length, aliased };
  }

  linearPredictorInto(beta: ArrayLike<number>, offset: Float64Array, eta: Float64Array): void {
    const { nobs, q } = this;
    const { codes, Xd, blockPositions, densePositions } = this.design;
    eta.set(offset);
    for (let j = 0; j < q; j++) {
      const b = beta[densePositions[j]!]!;
      if (b === 0 || Number.isNaN(b)) continue;
      const off = j * nobs;
      for (let i = 0; i < nobs; i++) eta[i] = eta[i]! + Xd.data[off + i]! * b;
    }
    for (let i = 0; i < nobs; i++) {
      const k = codes[i]!;
      if (k < 0) continue;
      const b = beta[blockPositions[k]!]!;
      if (!Number.isNaN(b)) eta[i] = eta[i]! + b;
    }
  }

  /**
   * (X'WX)^{-1} of the last step, p × p column-major in full-design order (NaN for aliased):
   * [D^{-1} + G S^{-1} G', -G S^{-1}; -S^{-1} G', S^{-1}].
   */
  covUnscaled(): Float64Array {
    const st = this.state!;
    const { q, p } = this;
    const { nlevels: L, blockPositions: bp, densePositions: dp } = this.design;
    const V = new Float64Array(p * p).fill(Number.NaN);
    const GS = new Float64Array(L * q);
    for (let k = 0; k < L; k++) {
      for (let j = 0; j < q; j++) {
        let s = 0;
        for (let m = 0; m < q; m++) s += st.G[k * q + m]! * st.Sinv[m + j * q]!;
        GS[k * q + j] = s;
      }
    }
    for (let i = 0; i < q; i++) {
      if (st.aliasedDense[i]) continue;
      for (let j = 0; j < q; j++)
        if (!st.aliasedDense[j]) V[dp[i]! + dp[j]! * p] = st.Sinv[i + j * q]!;
    }
    for (let k = 0; k < L; k++) {
      if (st.D[k] === 0) continue;
      for (let j = 0; j < q; j++) {
        if (st.aliasedDense[j]) continue;
        V[bp[k]! + dp[j]! * p] = -GS[k * q + j]!;
        V[dp[j]! + bp[k]! * p] = -GS[k * q + j]!;
      }
      for (let l = 0; l < L; l++) {
        if (st.D[l] === 0) continue;
        let s = k === l ? 1 / st.D[k]! : 0;
        for (let j = 0; j < q; j++) s += GS[k * q + j]! * st.G[l * q + j]!;
        V[bp[k]! + bp[l]! * p] = s;
      }
    }
    return V;
  }

  /** Diagonal of (X'WX)^{-1} in O(L q^2) (NaN for aliased). */
  covUnscaledDiagonal(): Float64Array {
    const st = this.state!;
    const { q, p } = this;
    const { nlevels: L, blockPositions: bp, densePositions: dp } = this.design;
    const out = new Float64Array(p).fill(Number.NaN);
    for (let j = 0; j < q; j++) if (!st.aliasedDense[j]) out[dp[j]!] = st.Sinv[j + j * q]!;
    for (let k = 0; k < L; k++) {
      if (st.D[k] === 0) continue;
      let s = 1 / st.D[k]!;
      for (let i = 0; i < q; i++) {
        let t = 0;
        for (let j = 0; j < q; j++) t += st.Sinv[i + j * q]! * st.G[k * q + j]!;
        s += st.G[k * q + i]! * t;
      }
      out[bp[k]!] = s;
    }
    return out;
  }

  /**
   * Hat values h_i = w_i (1/D_k + u_i' S^{-1} u_i) with u_i = xd_i - G_k (rows without a level:
   * h_i = w_i xd_i' S^{-1} xd_i); `w` are the working weights of the last step (0 outside it).
   */
  hatValues(w: Float64Array): Float64Array {
    const st = this.state!;
    const { nobs, q } = this;
    const { codes, Xd } = this.design;
    const h = new Float64Array(nobs);
    const u = new Float64Array(q);
    for (let i = 0; i < nobs; i++) {
      if (!(w[i]! > 0)) continue;
      const k = codes[i]!;
      for (let j = 0; j < q; j++) {
        u[j] = st.aliasedDense[j] ? 0 : Xd.data[j * nobs + i]! - (k >= 0 ? st.G[k * q + j]! : 0);
      }
      let qf = k >= 0 && st.D[k]! > 0 ? 1 / st.D[k]! : 0;
      for (let a = 0; a < q; a++) {
        let t = 0;
        for (let b = 0; b < q; b++) t += st.Sinv[a + b * q]! * u[b]!;
        qf += u[a]! * t;
      }
      h[i] = w[i]! * qf;
    }
    return h;
  }
}
