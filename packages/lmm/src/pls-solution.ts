import type { BlockedFactor } from './blocked-cholesky.js';
import type { LmmSystem } from './lmm-system.js';
import { lambdaBlockInto } from './re-terms.js';

/** Solution of the penalized least-squares problem at the factor's θ. */
export interface PlsSolution {
  /** Fixed effects β̂(θ). */
  readonly beta: Float64Array;
  /** Spherical random effects u (level-major within each term, terms in model order). */
  readonly u: Float64Array;
  /** Random effects on the original scale, b = Λ_θ u. */
  readonly b: Float64Array;
}

/**
 * Solves `Lᵀ [u; β] = l` where l is the last row of L_θ (without its diagonal): the
 * penalized least-squares solution min ‖y − Xβ − ZΛu‖² + ‖u‖², read off the blocked factor by
 * one back-substitution (dense rest block first, then term 1 level by level).
 */
export function plsSolution(sys: LmmSystem, f: BlockedFactor): PlsSolution {
  const { m, p1, nl1, qRest, p, terms, r1Ptr, r1Rows } = sys;
  const { Lrr, Lr1, L11 } = f;
  const mm = m - 1;
  const x = new Float64Array(mm);
  for (let i = 0; i < mm; i++) x[i] = Lrr[mm + i * m]!;
  for (let i = mm - 1; i >= 0; i--) {
    const col = i * m;
    let s = x[i]!;
    for (let k = i + 1; k < mm; k++) s -= Lrr[k + col]! * x[k]!;
    x[i] = s / Lrr[i + col]!;
  }
  const q1 = terms[0]!.q;
  const q = q1 + qRest;
  const u = new Float64Array(q);
  u.set(x.subarray(0, qRest), q1);
  const w = new Float64Array(p1);
  const pp = p1 * p1;
  for (let j = 0; j < nl1; j++) {
    const eY = r1Ptr[j + 1]! - 1;
    for (let c = 0; c < p1; c++) w[c] = Lr1[eY * p1 + c]!;
    for (let e = r1Ptr[j]!; e < eY; e++) {
      const xr = x[r1Rows[e]!]!;
      for (let c = 0; c < p1; c++) w[c]! -= Lr1[e * p1 + c]! * xr;
    }
    const base = j * pp;
    for (let c = p1 - 1; c >= 0; c--) {
      let s = w[c]!;
      for (let d = c + 1; d < p1; d++) s -= L11[base + d + c * p1]! * u[j * p1 + d]!;
      u[j * p1 + c] = s / L11[base + c + c * p1]!;
    }
  }
  const beta = Float64Array.from(x.subarray(qRest, qRest + p));
  return { beta, u, b: lambdaTimes(sys, f.theta, u) };
}

/** b = Λ_θ u, block by block. */
export function lambdaTimes(
  sys: LmmSystem,
  theta: ArrayLike<number>,
  u: Float64Array,
): Float64Array {
  const b = new Float64Array(u.length);
  for (const t of sys.terms) {
    const lam = new Float64Array(t.p * t.p);
    lambdaBlockInto(t, theta, lam);
    for (let l = 0; l < t.nlevels; l++) {
      const o = t.offset + l * t.p;
      for (let r = 0; r < t.p; r++) {
        let s = 0;
        for (let c = 0; c <= r; c++) s += lam[r + c * t.p]! * u[o + c]!;
        b[o + r] = s;
      }
    }
  }
  return b;
}

/**
 * Diagonal blocks of (L_Z L_Zᵀ)⁻¹ = (ΛᵀZᵀZΛ + I)⁻¹, one p_k×p_k block per level of each term,
 * from forward solves L_Z z = e_a (lme4's `condVar` uses σ² Λ (L_Z L_Zᵀ)⁻¹ Λᵀ). Returns, for each
 * u index, the p_k×p_k block at `offset·p_k`-style packing: `out[t][l·p² + r + c·p]`.
 * Cost O(q · (q − q1)²): meant for models whose rest block is small.
 */
export function uConditionalBlocks(sys: LmmSystem, f: BlockedFactor): Float64Array[] {
  const { m, p1, qRest, terms, r1Ptr, r1Rows, r1Term } = sys;
  const { Lrr, Lr1, L11 } = f;
  const pp1 = p1 * p1;
  const out = terms.map((t) => new Float64Array(t.nlevels * t.p * t.p));
  const zr = new Float64Array(Math.max(qRest, 1));
  const forwardRest = (from: number) => {
    for (let i = from; i < qRest; i++) {
      const zi = zr[i]! / Lrr[i + i * m]!;
      zr[i] = zi;
      if (zi === 0) continue;
      const col = i * m;
      for (let k = i + 1; k < qRest; k++) zr[k]! -= Lrr[k + col]! * zi;
    }
  };
  // Term 1: columns of L^{-1} for e_a, a in level j of term 1.
  const t1 = terms[0]!;
  const Zp = new Float64Array(p1 * p1);
  const cols = new Float64Array(p1 * Math.max(qRest, 1));
  for (let j = 0; j < t1.nlevels; j++) {
    const base = j * pp1;
    // z1 = L11_j^{-1} e_a for each a: lower-triangular inverse
    Zp.fill(0);
    for (let a = 0; a < p1; a++) {
      for (let r = a; r < p1; r++) {
        let s = r === a ? 1 : 0;
        for (let d = a; d < r; d++) s -= L11[base + r + d * p1]! * Zp[d + a * p1]!;
        Zp[r + a * p1] = s / L11[base + r + r * p1]!;
      }
    }
    let minRow = qRest;
    for (let a = 0; a < p1; a++) {
      zr.fill(0);
      for (let e = r1Ptr[j]!; e < r1Ptr[j + 1]!; e++) {
        if (r1Term[e]! < 0) break;
        let s = 0;
        for (let c = 0; c < p1; c++) s += Lr1[e * p1 + c]! * Zp[c + a * p1]!;
        zr[r1Rows[e]!] = -s;
        minRow = Math.min(minRow, r1Rows[e]!);
      }
      forwardRest(minRow);
      cols.set(zr.subarray(0, qRest), a * qRest);
    }
    for (let a = 0; a < p1; a++) {
      for (let b = 0; b < p1; b++) {
        let s = 0;
        for (let r = 0; r < p1; r++) s += Zp[r + a * p1]! * Zp[r + b * p1]!;
        for (let r = 0; r < qRest; r++) s += cols[r + a * qRest]! * cols[r + b * qRest]!;
        out[0]![j * pp1 + a + b * p1] = s;
      }
    }
  }
  // Other terms: e_a lives in the rest block only.
  for (let k = 1; k < terms.length; k++) {
    const t = terms[k]!;
    const pk = t.p;
    const ck = new Float64Array(pk * qRest);
    for (let l = 0; l < t.nlevels; l++) {
      const g = sys.restOffset[k]! + l * pk;
      for (let a = 0; a < pk; a++) {
        zr.fill(0);
        zr[g + a] = 1;
        forwardRest(g + a);
        ck.set(zr.subarray(0, qRest), a * qRest);
      }
      for (let a = 0; a < pk; a++) {
        for (let b = 0; b < pk; b++) {
          let s = 0;
          for (let r = g; r < qRest; r++) s += ck[r + a * qRest]! * ck[r + b * qRest]!;
          out[k]![l * pk * pk + a + b * pk] = s;
        }
      }
    }
  }
  return out;
}
