import { describe, expect, it } from 'vitest';
import { choleskyInPlace } from './cholesky.js';
import {
  type GroupedScatter,
  eliminateSparseInPlace,
  eliminationPattern,
  sparseEliminationKernel,
  sparseEliminationKind,
  subtractGroupedScatterInPlace,
} from './sparse-elimination.js';
import { rng } from './test-utils/helpers.js';

/**
 * A sparse symmetric positive definite m × m matrix (column-major, both triangles): about
 * `density` of the off-diagonal pairs non-zero, diagonal dominant.
 */
function sparseSpd(m: number, density: number, seed: number): Float64Array {
  const u = rng(seed);
  const A = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    for (let i = j + 1; i < m; i++) {
      if (u() < density) {
        const v = u() - 0.5;
        A[i + j * m] = v;
        A[j + i * m] = v;
      }
    }
  }
  for (let j = 0; j < m; j++) {
    let s = 1;
    for (let i = 0; i < m; i++) if (i !== j) s += Math.abs(A[i + j * m]!);
    A[j + j * m] = s;
  }
  return A;
}

/**
 * Symbolic factorization of the leading k0 columns in natural order: pattern(k) = rows i > k
 * non-zero in A or filled by an earlier column (each eliminated column joins its pattern into
 * a clique). Returns CSC-like colPtr/colRows (rows ascending).
 */
function symbolic(A: Float64Array, m: number, k0: number) {
  const nz = Array.from({ length: m }, (_, j) =>
    Array.from({ length: m }, (_, i) => A[i + j * m] !== 0),
  );
  const colPtr = new Int32Array(k0 + 1);
  const rows: number[] = [];
  for (let k = 0; k < k0; k++) {
    const pat: number[] = [];
    for (let i = k + 1; i < m; i++) if (nz[k]![i]) pat.push(i);
    for (const a of pat) for (const b of pat) nz[Math.min(a, b)]![Math.max(a, b)] = true;
    rows.push(...pat);
    colPtr[k + 1] = rows.length;
  }
  return { colPtr, colRows: Int32Array.from(rows) };
}

/** Lower triangle of A (zeros above), as the kernels read it. */
function lowerOf(A: Float64Array, m: number): Float64Array {
  const L = new Float64Array(m * m);
  for (let j = 0; j < m; j++) for (let i = j; i < m; i++) L[i + j * m] = A[i + j * m]!;
  return L;
}

function firstDifference(a: Float64Array, b: Float64Array): number {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return a.length === b.length ? -1 : 0;
}

describe('sparse elimination', () => {
  const m = 70;

  it('is the WebAssembly kernel by default under Node', () => {
    expect(sparseEliminationKind()).toBe('wasm');
  });

  for (const k0 of [m, 45, 1]) {
    it(`eliminating ${k0} of ${m} columns, then a dense Cholesky of the rest, is A's Cholesky (1e-13)`, () => {
      const A = sparseSpd(m, 0.06, 11 + k0);
      const { colPtr, colRows } = symbolic(A, m, k0);
      const pat = eliminationPattern(m, k0, colPtr, colRows);
      const S = lowerOf(A, m);
      expect(eliminateSparseInPlace(S, pat, new Float64Array(colRows.length))).toBe(-1);
      // the trailing block now holds the Schur complement: factor it densely in place
      const t = m - k0;
      const T = new Float64Array(t * t);
      for (let j = 0; j < t; j++)
        for (let i = j; i < t; i++) T[i + j * t] = S[k0 + i + (k0 + j) * m]!;
      expect(choleskyInPlace({ rows: t, cols: t, data: T }).failedAt).toBe(-1);
      for (let j = 0; j < t; j++)
        for (let i = j; i < t; i++) S[k0 + i + (k0 + j) * m] = T[i + j * t]!;
      const ref = lowerOf(A, m);
      expect(choleskyInPlace({ rows: m, cols: m, data: ref }).failedAt).toBe(-1);
      let worst = 0;
      for (let j = 0; j < m; j++) {
        for (let i = j; i < m; i++) {
          worst = Math.max(worst, Math.abs(S[i + j * m]! - ref[i + j * m]!));
        }
      }
      // different summation orders of the same products: rounding-level differences only
      expect(worst).toBeLessThan(1e-13 * Math.max(...ref.map(Math.abs)));
    });
  }

  it('WebAssembly and JavaScript kernels give the same bits, and the same failing pivot', () => {
    for (const k0 of [m, 40]) {
      const A = sparseSpd(m, 0.08, 5 + k0);
      const { colPtr, colRows } = symbolic(A, m, k0);
      const pat = eliminationPattern(m, k0, colPtr, colRows);
      const [kw, kj] = [
        sparseEliminationKernel(pat, null),
        sparseEliminationKernel(pat, null, 'js'),
      ];
      expect([kw.kind, kj.kind]).toEqual(['wasm', 'js']);
      kw.S.set(lowerOf(A, m));
      kj.S.set(lowerOf(A, m));
      expect(kw.eliminate()).toBe(-1);
      expect(kj.eliminate()).toBe(-1);
      expect(firstDifference(kw.S, kj.S)).toBe(-1);
      // not positive definite at column 3: both report 3
      const bad = lowerOf(A, m);
      bad[3 + 3 * m] = -1;
      kw.S.set(bad);
      kj.S.set(bad);
      expect(kw.eliminate()).toBe(3);
      expect(kj.eliminate()).toBe(3);
    }
  });

  it("grouped scatter subtracts D (Σ_g w_g M_g) D at its positions (the formula's bits, both kernels)", () => {
    const u = rng(9);
    const n = 12;
    const G = 3;
    // positions (a ≥ b) with 1–3 group terms each
    const target: number[] = [];
    const rowA: number[] = [];
    const rowB: number[] = [];
    const ptr = [0];
    const grp: number[] = [];
    const val: number[] = [];
    for (let b = 0; b < n; b++) {
      for (let a = b; a < n; a++) {
        if (u() > 0.3) continue;
        target.push(a + b * n);
        rowA.push(a);
        rowB.push(b);
        const terms = 1 + Math.floor(u() * 3);
        for (let t = 0; t < terms; t++) {
          grp.push(Math.floor(u() * G));
          val.push(u() - 0.5);
        }
        ptr.push(grp.length);
      }
    }
    const gs: GroupedScatter = {
      target: Int32Array.from(target),
      rowA: Int32Array.from(rowA),
      rowB: Int32Array.from(rowB),
      ptr: Int32Array.from(ptr),
      grp: Int32Array.from(grp),
      val: Float64Array.from(val),
    };
    const w = Float64Array.from([0.25, 2, -1.5]);
    const s = Float64Array.from({ length: n }, () => 0.5 + u());
    const S0 = Float64Array.from({ length: n * n }, () => u());
    // dense oracle: S0 − D (Σ_g w_g M_g) D
    const expected = S0.slice();
    for (let k = 0; k < target.length; k++) {
      let v = 0;
      for (let e = ptr[k]!; e < ptr[k + 1]!; e++) v += w[grp[e]!]! * val[e]!;
      expected[target[k]!]! -= v * s[rowA[k]!]! * s[rowB[k]!]!;
    }
    const direct = S0.slice();
    subtractGroupedScatterInPlace(direct, gs, w, s);
    expect(firstDifference(direct, expected)).toBe(-1);
    const pat = eliminationPattern(n, 0, new Int32Array(1), new Int32Array(0));
    for (const kind of ['wasm', 'js'] as const) {
      const k = sparseEliminationKernel(pat, gs, kind);
      k.S.set(S0);
      k.subtractGroupedScatter(w, s);
      expect(firstDifference(k.S, expected)).toBe(-1);
      expect(k.eliminate()).toBe(-1); // k0 = 0: nothing to eliminate
    }
    expect(() => sparseEliminationKernel(pat, null).subtractGroupedScatter(w, s)).toThrow(
      /no grouped scatter was bound/,
    );
  });
});
