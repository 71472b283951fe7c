import { luFactorInPlace, luSolveFactoredInPlace } from './dense-small.js';

/**
 * The quadratic model and interpolation system of BOBYQA (Powell 2009). The model
 * Q(b + s) = c + gᵀs + ½ sᵀHs (explicit n×n H, base point b) interpolates f at m = 2n+1
 * points; each change is the least-Frobenius-norm correction D (∇²D = Σ λ_k v_k v_kᵀ,
 * v_k = (y_k − b)/σ) solving the KKT system
 *   [A  E][λ]   [r]        A_kj = ½ (v_kᵀ v_j)²,  E_k = [1, v_kᵀ],
 *   [Eᵀ 0][μ] = [0],       r_k = f_k − Q(y_k).
 * Unlike Powell's code, which updates the inverse of this matrix, the system is factorized
 * afresh (once, lazily) after each change of the points or base, and that factorization then
 * serves every solve until the next change (n is small for variance parameters); the model it
 * defines is the same.
 */
export class InterpolationModel {
  readonly m: number;
  readonly Y: Float64Array; // points, row k = Y[k*n .. k*n+n-1]
  readonly F: Float64Array;
  readonly base: Float64Array;
  c = 0;
  readonly g: Float64Array;
  readonly H: Float64Array; // row-major n×n
  private sigma = 1;
  private readonly W: Float64Array;
  private readonly LU: Float64Array;
  private readonly piv: Int32Array;
  /** LU holds the factors of the current W (false after W changes). */
  private factored = false;
  /** The current W is exactly singular. */
  private singular = false;
  private readonly shift: Float64Array;
  /** Coefficients of one Lagrange function (see {@link lagrangeValue}). */
  private readonly lagCoef: Float64Array;
  private readonly rhs: Float64Array;
  private readonly V: Float64Array;

  constructor(readonly n: number) {
    this.m = 2 * n + 1;
    const K = this.m + n + 1;
    this.Y = new Float64Array(this.m * n);
    this.F = new Float64Array(this.m);
    this.base = new Float64Array(n);
    this.g = new Float64Array(n);
    this.H = new Float64Array(n * n);
    this.W = new Float64Array(K * K);
    this.LU = new Float64Array(K * K);
    this.piv = new Int32Array(K);
    this.shift = new Float64Array(n);
    this.lagCoef = new Float64Array(K);
    this.rhs = new Float64Array(K);
    this.V = new Float64Array(this.m * n);
  }

  /** Forget the model (Q = 0, base 0). */
  reset(): void {
    this.c = 0;
    this.g.fill(0);
    this.H.fill(0);
    this.base.fill(0);
  }

  /** Q(x). */
  value(x: ArrayLike<number>): number {
    const n = this.n;
    let q = this.c;
    for (let i = 0; i < n; i++) {
      const si = x[i] - this.base[i];
      let hs = 0;
      for (let j = 0; j < n; j++) hs += this.H[i * n + j] * (x[j] - this.base[j]);
      q += this.g[i] * si + 0.5 * si * hs;
    }
    return q;
  }

  /** Q(y_k) at the k-th interpolation point (as {@link value}, without a row view). */
  private valueAtPoint(k: number): number {
    const n = this.n;
    const Y = this.Y;
    const o = k * n;
    let q = this.c;
    for (let i = 0; i < n; i++) {
      const si = Y[o + i] - this.base[i];
      let hs = 0;
      for (let j = 0; j < n; j++) hs += this.H[i * n + j] * (Y[o + j] - this.base[j]);
      q += this.g[i] * si + 0.5 * si * hs;
    }
    return q;
  }

  /** ∇Q(x) into `out`. */
  gradient(x: ArrayLike<number>, out: Float64Array): Float64Array {
    const n = this.n;
    for (let i = 0; i < n; i++) {
      let s = this.g[i];
      for (let j = 0; j < n; j++) s += this.H[i * n + j] * (x[j] - this.base[j]);
      out[i] = s;
    }
    return out;
  }

  /** Move the base point to `b` (re-expanding c and g); rebuild the scaled KKT matrix. */
  rebase(b: ArrayLike<number>): boolean {
    const n = this.n;
    const m = this.m;
    const shift = this.shift;
    for (let i = 0; i < n; i++) shift[i] = b[i] - this.base[i];
    const cNew = this.value(b);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += this.H[i * n + j] * shift[j];
      this.g[i] += s;
    }
    this.c = cNew;
    for (let i = 0; i < n; i++) this.base[i] = b[i];
    let sigma = 0;
    for (let k = 0; k < m; k++) {
      let d2 = 0;
      for (let i = 0; i < n; i++) d2 += (this.Y[k * n + i] - b[i]) ** 2;
      sigma = Math.max(sigma, Math.sqrt(d2));
    }
    this.sigma = sigma > 0 ? sigma : 1;
    for (let k = 0; k < m; k++) {
      for (let i = 0; i < n; i++) this.V[k * n + i] = (this.Y[k * n + i] - b[i]) / this.sigma;
    }
    const K = m + n + 1;
    const W = this.W;
    W.fill(0);
    for (let k = 0; k < m; k++) {
      for (let j = 0; j <= k; j++) {
        let d = 0;
        for (let i = 0; i < n; i++) d += this.V[k * n + i] * this.V[j * n + i];
        W[k * K + j] = W[j * K + k] = 0.5 * d * d;
      }
      W[k * K + m] = W[m * K + k] = 1;
      for (let i = 0; i < n; i++) W[k * K + m + 1 + i] = W[(m + 1 + i) * K + k] = this.V[k * n + i];
    }
    this.factored = false;
    return true;
  }

  /**
   * Solve W z = rhs (rhs overwritten by z), factorizing W first if it changed since the last
   * solve. Returns false if W is singular.
   */
  private solve(rhs: Float64Array): boolean {
    const K = this.m + this.n + 1;
    if (!this.factored) {
      this.LU.set(this.W);
      this.singular = !luFactorInPlace(this.LU, K, this.piv);
      this.factored = true;
    }
    if (this.singular) return false;
    luSolveFactoredInPlace(this.LU, K, this.piv, rhs);
    return true;
  }

  /**
   * Correct the model to interpolate every stored f value with the least change in ‖∇²Q‖_F.
   * Returns false if the interpolation system is singular.
   */
  refit(): boolean {
    const n = this.n;
    const m = this.m;
    const rhs = this.rhs;
    rhs.fill(0);
    for (let k = 0; k < m; k++) rhs[k] = this.F[k] - this.valueAtPoint(k);
    if (!this.solve(rhs)) return false;
    for (let k = 0; k < rhs.length; k++) if (!Number.isFinite(rhs[k])) return false;
    const s = this.sigma;
    this.c += rhs[m];
    for (let i = 0; i < n; i++) this.g[i] += rhs[m + 1 + i] / s;
    for (let k = 0; k < m; k++) {
      const lam = rhs[k] / (s * s);
      if (lam === 0) continue;
      for (let i = 0; i < n; i++) {
        const vi = this.V[k * n + i];
        for (let j = 0; j < n; j++) this.H[i * n + j] += lam * vi * this.V[k * n + j];
      }
    }
    return true;
  }

  /** Values of all m Lagrange functions at x, into `out` (length m). */
  lagrangeValues(x: ArrayLike<number>, out: Float64Array): boolean {
    const n = this.n;
    const m = this.m;
    const rhs = this.rhs;
    const s = this.sigma;
    for (let j = 0; j < m; j++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += this.V[j * n + i] * ((x[i] - this.base[i]) / s);
      rhs[j] = 0.5 * d * d;
    }
    rhs[m] = 1;
    for (let i = 0; i < n; i++) rhs[m + 1 + i] = (x[i] - this.base[i]) / s;
    if (!this.solve(rhs)) return false;
    for (let k = 0; k < m; k++) {
      if (!Number.isFinite(rhs[k])) return false;
      out[k] = rhs[k];
    }
    return true;
  }

  /**
   * Gradient of the k-th Lagrange function at x, into `out`. Keeps the coefficients of ℓ_k
   * (column k of W⁻¹) for {@link lagrangeValue}.
   */
  lagrangeGradient(k: number, x: ArrayLike<number>, out: Float64Array): boolean {
    const n = this.n;
    const m = this.m;
    const rhs = this.lagCoef;
    rhs.fill(0);
    rhs[k] = 1;
    if (!this.solve(rhs)) {
      rhs.fill(0);
      return false;
    }
    const s = this.sigma;
    for (let i = 0; i < n; i++) out[i] = rhs[m + 1 + i] / s;
    for (let j = 0; j < m; j++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += this.V[j * n + i] * ((x[i] - this.base[i]) / s);
      const w = rhs[j] * d;
      for (let i = 0; i < n; i++) out[i] += (w * this.V[j * n + i]) / s;
    }
    return true;
  }

  /**
   * Value at x of the Lagrange function whose coefficients the last successful
   * {@link lagrangeGradient} call kept: ℓ(x) = Σ_j λ_j ½ (v_jᵀu)² + μ₀ + μᵀu, u = (x − b)/σ,
   * (λ, μ₀, μ) = W⁻¹ e_k — by the symmetry of W the k-th entry of what {@link lagrangeValues}
   * returns, without a solve.
   */
  lagrangeValue(x: ArrayLike<number>): number {
    const n = this.n;
    const m = this.m;
    const c = this.lagCoef;
    const s = this.sigma;
    let l = c[m];
    for (let i = 0; i < n; i++) l += c[m + 1 + i] * ((x[i] - this.base[i]) / s);
    for (let j = 0; j < m; j++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += this.V[j * n + i] * ((x[i] - this.base[i]) / s);
      l += c[j] * 0.5 * d * d;
    }
    return l;
  }
}
