import { luSolveInPlace } from './dense-small.js';

/**
 * The limited-memory BFGS matrix of L-BFGS-B in compact form (Byrd, Nocedal & Schnabel 1994):
 *   B = theta·I − W M Wᵀ,  W = [Y, theta·S],  M⁻¹ = [[−D, Lᵀ], [L, theta·SᵀS]],
 * with S, Y the last `col` correction pairs (oldest first), D = diag(s_iᵀy_i) and
 * L_ij = s_iᵀy_j (i > j). Kernels trust their input; the vectors are length n.
 */
export class LbfgsMemory {
  col = 0;
  theta = 1;
  readonly S: Float64Array[] = [];
  readonly Y: Float64Array[] = [];
  /** SY[i*m + j] = s_iᵀ y_j, SS[i*m + j] = s_iᵀ s_j (chronological order). */
  readonly SY: Float64Array;
  readonly SS: Float64Array;
  private readonly A: Float64Array;
  private readonly Minv: Float64Array;

  constructor(
    readonly n: number,
    readonly m: number,
  ) {
    this.SY = new Float64Array(m * m);
    this.SS = new Float64Array(m * m);
    this.A = new Float64Array(4 * m * m);
    this.Minv = new Float64Array(4 * m * m);
  }

  /** Forget every correction pair (theta = 1). */
  reset(): void {
    this.col = 0;
    this.theta = 1;
    this.S.length = 0;
    this.Y.length = 0;
  }

  /**
   * Add the pair (s, y) as R's `matupd`: SS_new,new = `ssNew` (stp²·dᵀd), SY_new,new = `dr`, the
   * other new entries by dot products; theta = yᵀy / dr. Copies s and y.
   */
  add(s: Float64Array, y: Float64Array, ssNew: number, dr: number, yy: number): void {
    const m = this.m;
    if (this.col === m) {
      this.S.shift();
      this.Y.shift();
      for (let i = 0; i < m - 1; i++) {
        for (let j = 0; j < m - 1; j++) {
          this.SY[i * m + j] = this.SY[(i + 1) * m + j + 1];
          this.SS[i * m + j] = this.SS[(i + 1) * m + j + 1];
        }
      }
    } else {
      this.col++;
    }
    this.S.push(Float64Array.from(s));
    this.Y.push(Float64Array.from(y));
    const c = this.col - 1;
    for (let j = 0; j < c; j++) {
      this.SY[c * m + j] = dot(s, this.Y[j]);
      this.SS[j * m + c] = dot(this.S[j], s);
      this.SS[c * m + j] = this.SS[j * m + c];
      this.SY[j * m + c] = dot(this.S[j], y);
    }
    this.SS[c * m + c] = ssNew;
    this.SY[c * m + c] = dr;
    this.theta = yy / dr;
  }

  /** Build M⁻¹ (2col × 2col, row-major) into `out`. */
  private buildMinv(out: Float64Array): void {
    const col = this.col;
    const k = 2 * col;
    const m = this.m;
    for (let i = 0; i < col; i++) {
      for (let j = 0; j < col; j++) {
        out[i * k + j] = i === j ? -this.SY[i * m + i] : 0;
        // upper right Lᵀ: (Lᵀ)_ij = L_ji = s_jᵀ y_i for j > i
        out[i * k + col + j] = j > i ? this.SY[j * m + i] : 0;
        // lower left L: L_ij = s_iᵀ y_j for i > j
        out[(col + i) * k + j] = i > j ? this.SY[i * m + j] : 0;
        out[(col + i) * k + col + j] = this.theta * this.SS[i * m + j];
      }
    }
  }

  /** v ← M v (R's `bmv`). Returns false if M⁻¹ is singular. Mutates `v`. */
  applyM(v: Float64Array): boolean {
    if (this.col === 0) return true;
    this.buildMinv(this.A);
    return luSolveInPlace(this.A, 2 * this.col, v);
  }

  /** Row i of W = [Y, theta·S] into `out` (length 2col). */
  rowW(i: number, out: Float64Array): void {
    const col = this.col;
    for (let j = 0; j < col; j++) {
      out[j] = this.Y[j][i];
      out[col + j] = this.theta * this.S[j][i];
    }
  }

  /**
   * Subspace Newton direction (R's `subsm` before truncation): with Ŵ = ZᵀW over the free set,
   * d = r/theta + Ŵ K⁻¹ Ŵᵀ r / theta², K = M⁻¹ − ŴᵀŴ/theta (Sherman–Morrison–Woodbury for the
   * reduced matrix theta·I − Ŵ M Ŵᵀ). `r` holds the free components, overwritten by d.
   * Returns false when K is singular.
   */
  subspaceDirection(free: Int32Array, nfree: number, r: Float64Array, wv: Float64Array): boolean {
    const col = this.col;
    const k = 2 * col;
    const theta = this.theta;
    const K = this.Minv;
    this.buildMinv(K);
    for (let a = 0; a < k; a++) {
      const wa = a < col ? this.Y[a] : this.S[a - col];
      const sa = a < col ? 1 : theta;
      let proj = 0;
      for (let i = 0; i < nfree; i++) proj += wa[free[i]] * r[i];
      wv[a] = sa * proj;
      for (let b = 0; b <= a; b++) {
        const wb = b < col ? this.Y[b] : this.S[b - col];
        const sb = b < col ? 1 : theta;
        let s = 0;
        for (let i = 0; i < nfree; i++) s += wa[free[i]] * wb[free[i]];
        const v = (sa * sb * s) / theta;
        K[a * k + b] -= v;
        if (b !== a) K[b * k + a] -= v;
      }
    }
    if (!luSolveInPlace(K, k, wv)) return false;
    for (let i = 0; i < nfree; i++) {
      const idx = free[i];
      let s = 0;
      for (let a = 0; a < col; a++)
        s += this.Y[a][idx] * wv[a] + theta * this.S[a][idx] * wv[col + a];
      r[i] = r[i] / theta + s / (theta * theta);
    }
    return true;
  }
}

/** Dot product of two vectors of the same length. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
