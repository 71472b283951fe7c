import { choleskyInPlace } from '@likelihood/linalg';
import { choleskyLowerInPlace } from './dense-cholesky.js';
import type { LmmSystem } from './lmm-system.js';
import { lambdaBlockInto } from './re-terms.js';

/**
 * The blocked lower Cholesky factor L_θ of
 *
 *   [ΛᵀZᵀZΛ + I, ΛᵀZᵀX, ΛᵀZᵀy; XᵀZΛ, XᵀX, Xᵀy; yᵀZΛ, yᵀX, yᵀy]
 *
 * in the layout of {@link LmmSystem}: `L11` uniform-block-diagonal (term 1), `Lr1` sparse with
 * the pattern of A_r1, `Lrr` the dense lower factor of the rest block. The last diagonal entry
 * of `Lrr` is r_θ (√ of the penalized residual sum of squares), the p entries before it are the
 * diagonal of R_X.
 */
export interface BlockedFactor {
  readonly L11: Float64Array;
  readonly Lr1: Float64Array;
  readonly Lrr: Float64Array;
  /** θ the factor was last updated at. */
  readonly theta: Float64Array;
  /** −1 when the last update succeeded, else the failing pivot of the rest block. */
  failedAt: number;
  /** Workspace: Λ_k blocks at the current θ. */
  readonly lambdas: Float64Array[];
  /** Workspace: p1×p1 scratch and one p1 row. */
  readonly scratch: Float64Array;
  readonly row: Float64Array;
  /** Workspace: diag(Λr) over the m rest rows (1 for X and y rows), when Λr is diagonal. */
  readonly restScale: Float64Array;
}

/**
 * Allocates storage for L_θ (memory ∝ non-zeros of the blocked factor); `Lrr`, when given,
 * is used as the m × m rest block instead of a new array.
 */
export function allocateFactor(sys: LmmSystem, Lrr?: Float64Array): BlockedFactor {
  const ntheta = sys.terms.reduce((s, t) => s + t.ntheta, 0);
  return {
    L11: new Float64Array(sys.A11.length),
    Lr1: new Float64Array(sys.r1Vals.length),
    Lrr: Lrr ?? new Float64Array(sys.m * sys.m),
    theta: new Float64Array(ntheta),
    failedAt: -1,
    lambdas: sys.terms.map((t) => new Float64Array(t.p * t.p)),
    scratch: new Float64Array(sys.p1 * sys.p1),
    row: new Float64Array(sys.p1),
    restScale: new Float64Array(sys.m),
  };
}

/**
 * `updateL!` of MixedModels.jl: recomputes L_θ in place from A for a new θ.
 * Work: O(levels₁·p1³) for term 1, O(nnz(A_r1)·p1) for the sparse block, O(m³/3) for the rest.
 */
export function updateLInPlace(sys: LmmSystem, theta: ArrayLike<number>, f: BlockedFactor): void {
  formBlocksInPlace(sys, theta, f);
  const m = sys.m;
  const Lrr = f.Lrr;
  // small rest blocks: the simple column kernel; large ones: linalg's blocked dpotrf
  f.failedAt =
    m <= 48
      ? choleskyLowerInPlace(Lrr, m)
      : choleskyInPlace({ rows: m, cols: m, data: Lrr }).failedAt;
}

/**
 * Steps 1–3 of {@link updateLInPlace} without the final dense factorization: L11 and Lr1 at θ,
 * and in `f.Lrr` (lower triangle only) the rest block Λrᵀ A_rr Λr + I − Σ_j Lr1_j Lr1_jᵀ
 * (the Schur complement of term 1), ready to be factored in any row order.
 */
export function formBlocksInPlace(
  sys: LmmSystem,
  theta: ArrayLike<number>,
  f: BlockedFactor,
): void {
  formTerm1BlocksInPlace(sys, theta, f);
  formRestInPlace(sys, f);
}

/**
 * Steps 1–2: Λ_k at θ (into `f.lambdas`), L11_j = chol(Λ1ᵀ A11_j Λ1 + I) and
 * Lr1_j = Λrᵀ A_r1_j Λ1 L11_j^{-T}.
 */
export function formTerm1BlocksInPlace(
  sys: LmmSystem,
  theta: ArrayLike<number>,
  f: BlockedFactor,
): void {
  const { terms, p1, nl1 } = sys;
  f.theta.set(theta as ArrayLike<number>);
  const lambdas = f.lambdas;
  terms.forEach((t, k) => {
    lambdaBlockInto(t, theta, lambdas[k]!);
  });
  const lam1 = lambdas[0]!;

  // 1. Diagonal blocks of term 1: L11_j = chol(Λ1ᵀ A11_j Λ1 + I).
  const A11 = sys.A11;
  const L11 = f.L11;
  const pp = p1 * p1;
  if (p1 === 1) {
    const l2 = lam1[0]! * lam1[0]!;
    for (let j = 0; j < nl1; j++) L11[j] = Math.sqrt(l2 * A11[j]! + 1);
  } else if (p1 === 2) {
    term1Blocks2(A11, lam1, L11, nl1);
  } else {
    const T = f.scratch;
    for (let j = 0; j < nl1; j++) {
      const base = j * pp;
      // T = A Λ
      for (let c = 0; c < p1; c++) {
        for (let r = 0; r < p1; r++) {
          let s = 0;
          for (let d = c; d < p1; d++) s += A11[base + r + d * p1]! * lam1[d + c * p1]!;
          T[r + c * p1] = s;
        }
      }
      // L = Λᵀ T + I (lower part), then factor
      for (let c = 0; c < p1; c++) {
        for (let r = c; r < p1; r++) {
          let s = 0;
          for (let d = r; d < p1; d++) s += lam1[d + r * p1]! * T[d + c * p1]!;
          L11[base + r + c * p1] = s + (r === c ? 1 : 0);
        }
        for (let r = 0; r < c; r++) L11[base + r + c * p1] = 0;
      }
      choleskyLowerInPlace(L11, p1, base); // SPD by construction (≥ I)
    }
  }

  // 2. Sparse block: Lr1_j = Λrᵀ A_r1_j Λ1 L11_j^{-T}.
  const { r1Ptr, r1Term, r1Vals } = sys;
  const Lr1 = f.Lr1;
  Lr1.set(r1Vals);
  const row = f.row;
  for (let j = 0; j < nl1; j++) {
    const e0 = r1Ptr[j]!;
    const e1 = r1Ptr[j + 1]!;
    // right-multiply by Λ1 (lower): x_c = Σ_{d ≥ c} v_d Λ[d, c]
    if (p1 === 1) {
      const l = lam1[0]!;
      for (let e = e0; e < e1; e++) Lr1[e]! *= l;
    } else if (p1 === 2) {
      // the loop below written out for 2 × 2 (same operations, same order)
      const l0 = lam1[0]!;
      const l1 = lam1[1]!;
      const l3 = lam1[3]!;
      for (let o = 2 * e0; o < 2 * e1; o += 2) {
        const v0 = Lr1[o]!;
        const v1 = Lr1[o + 1]!;
        Lr1[o] = 0 + v0 * l0 + v1 * l1;
        Lr1[o + 1] = 0 + v1 * l3;
      }
    } else {
      for (let e = e0; e < e1; e++) {
        const o = e * p1;
        for (let c = 0; c < p1; c++) {
          let s = 0;
          for (let d = c; d < p1; d++) s += Lr1[o + d]! * lam1[d + c * p1]!;
          row[c] = s;
        }
        for (let c = 0; c < p1; c++) Lr1[o + c] = row[c]!;
      }
    }
    // left-multiply the term rows by Λ_kᵀ, one level group (p_k rows) at a time
    let e = e0;
    while (e < e1) {
      const k = r1Term[e]!;
      if (k < 0) break;
      const pk = terms[k]!.p;
      const lam = lambdas[k]!;
      if (pk === 1) {
        const l = lam[0]!;
        for (let c = 0; c < p1; c++) Lr1[e * p1 + c]! *= l;
      } else {
        for (let c = 0; c < p1; c++) {
          for (let a = 0; a < pk; a++) {
            let s = 0;
            for (let b = a; b < pk; b++) s += lam[b + a * pk]! * Lr1[(e + b) * p1 + c]!;
            Lr1[(e + a) * p1 + c] = s; // rows a' > a are still original: Λᵀ is upper triangular
          }
        }
      }
      e += pk;
    }
    // right-solve with L11_jᵀ: x L11ᵀ = v  ⇔  L11 xᵀ = vᵀ
    const base = j * pp;
    if (p1 === 2) {
      // the loop below written out for 2 × 2 (same operations, same order)
      const l00 = L11[base]!;
      const l10 = L11[base + 1]!;
      const l11 = L11[base + 3]!;
      for (let o = 2 * e0; o < 2 * e1; o += 2) {
        const x0 = Lr1[o]! / l00;
        Lr1[o] = x0;
        Lr1[o + 1] = (Lr1[o + 1]! - l10 * x0) / l11;
      }
      continue;
    }
    for (let e2 = e0; e2 < e1; e2++) {
      const o = e2 * p1;
      for (let c = 0; c < p1; c++) {
        let s = Lr1[o + c]!;
        for (let d = 0; d < c; d++) s -= L11[base + c + d * p1]! * Lr1[o + d]!;
        Lr1[o + c] = s / L11[base + c + c * p1]!;
      }
    }
  }
}

/**
 * Step 3 (after {@link formTerm1BlocksInPlace}): into `f.Lrr`, lower triangle only (both
 * Cholesky kernels read only it), the rest block Λrᵀ A_rr Λr + I − Σ_j Lr1_j Lr1_jᵀ.
 */
export function formRestInPlace(sys: LmmSystem, f: BlockedFactor): void {
  const { terms, p1, nl1, m, qRest, r1Ptr } = sys;
  const { lambdas, Lr1 } = f;
  const Lrr = f.Lrr;
  if (terms.every((t, k) => k === 0 || t.p === 1)) {
    // Λr diagonal: (Λrᵀ A Λr)_ij = s_i A_ij s_j, written from A_rr's non-zeros only
    const s = f.restScale;
    s.fill(1);
    for (let k = 1; k < terms.length; k++) {
      const o = sys.restOffset[k]!;
      s.fill(lambdas[k]![0]!, o, o + terms[k]!.nlevels);
    }
    const { arrPtr, arrRows, arrVals } = sys;
    for (let j = 0; j < m; j++) {
      const col = j * m;
      Lrr.fill(0, col + j, col + m);
      const sj = s[j]!;
      for (let e = arrPtr[j]!; e < arrPtr[j + 1]!; e++) {
        const i = arrRows[e]!;
        Lrr[i + col] = arrVals[e]! * s[i]! * sj;
      }
    }
  } else {
    Lrr.set(sys.Arr);
    for (let k = 1; k < terms.length; k++) {
      const t = terms[k]!;
      const pk = t.p;
      const lam = lambdas[k]!;
      for (let l = 0; l < t.nlevels; l++) {
        const g = sys.restOffset[k]! + l * pk;
        scaleGroupInPlace(Lrr, m, g, pk, lam);
      }
    }
  }
  for (let i = 0; i < qRest; i++) Lrr[i + i * m]! += 1;
  const { r1Rows } = sys;
  for (let j = 0; j < nl1; j++) {
    const e0 = r1Ptr[j]!;
    const e1 = r1Ptr[j + 1]!;
    for (let c = 0; c < p1; c++) {
      for (let eb = e0; eb < e1; eb++) {
        const vb = Lr1[eb * p1 + c]!;
        if (vb === 0) continue;
        const colOff = r1Rows[eb]! * m;
        for (let ea = eb; ea < e1; ea++) Lrr[r1Rows[ea]! + colOff]! -= Lr1[ea * p1 + c]! * vb;
      }
    }
  }
}

/**
 * Replaces rows and columns g … g+pk−1 of the symmetric m×m matrix S by those of ΛᵀSΛ for the
 * pk×pk lower-triangular Λ (columns: S[:,G] ← S[:,G]Λ; rows: S[G,:] ← ΛᵀS[G,:]).
 */
function scaleGroupInPlace(
  S: Float64Array,
  m: number,
  g: number,
  pk: number,
  lam: Float64Array,
): void {
  if (pk === 1) {
    const l = lam[0]!;
    const col = g * m;
    for (let i = 0; i < m; i++) S[i + col]! *= l;
    for (let j = 0; j < m; j++) S[g + j * m]! *= l;
    return;
  }
  for (let i = 0; i < m; i++) {
    for (let c = 0; c < pk; c++) {
      let s = 0;
      for (let d = c; d < pk; d++) s += S[i + (g + d) * m]! * lam[d + c * pk]!;
      S[i + (g + c) * m] = s;
    }
  }
  for (let j = 0; j < m; j++) {
    const col = j * m;
    for (let a = 0; a < pk; a++) {
      let s = 0;
      for (let b = a; b < pk; b++) s += lam[b + a * pk]! * S[g + b + col]!;
      S[g + a + col] = s;
    }
  }
}

/**
 * Step 1 for 2 × 2 blocks (random intercept and slope), the general loops of
 * {@link formTerm1BlocksInPlace} written out with the same operations in the same order (so
 * the same bits): T = A_j Λ, L11_j = chol(Λᵀ T + I), upper entry zeroed. Mutates `L11`.
 */
function term1Blocks2(A11: Float64Array, lam: Float64Array, L11: Float64Array, nl1: number): void {
  const l0 = lam[0]!;
  const l1 = lam[1]!;
  const l3 = lam[3]!;
  for (let b = 0; b < 4 * nl1; b += 4) {
    const a0 = A11[b]!;
    const a1 = A11[b + 1]!;
    const a2 = A11[b + 2]!;
    const a3 = A11[b + 3]!;
    const t0 = 0 + a0 * l0 + a2 * l1;
    const t1 = 0 + a1 * l0 + a3 * l1;
    const t3 = 0 + a3 * l3;
    // Λᵀ T + I, lower triangle, then the 2 × 2 Cholesky of choleskyLowerInPlace
    const d00 = 0 + l0 * t0 + l1 * t1 + 1;
    let m10 = 0 + l3 * t1 + 0;
    let d11 = 0 + l3 * t3 + 1;
    const L00 = Math.sqrt(d00);
    m10 *= 1 / L00;
    if (m10 !== 0) d11 -= m10 * m10;
    L11[b] = L00;
    L11[b + 1] = m10;
    L11[b + 2] = 0;
    L11[b + 3] = Math.sqrt(d11);
  }
}
