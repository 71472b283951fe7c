import { eliminateSparseInPlace, eliminationPattern } from '@likelihood/linalg';
import { describe, expect, it } from 'vitest';
import { allocateFactor, formTerm1BlocksInPlace, updateLInPlace } from './blocked-cholesky.js';
import { expectClose } from './csv.test-helper.js';
import { choleskyLowerInPlace } from './dense-cholesky.js';
import { groupedSchur } from './grouped-schur.js';
import {
  allocateOrderedWork,
  factorRestOrderedInPlace,
  formRestOrderedInPlace,
  orderedDevianceObjective,
} from './ordered-rest-factor.js';
import { lmmDeviance } from './profiled-deviance.js';
import { restKernel } from './rest-kernel.js';
import { restOrdering } from './rest-ordering.js';
import { crossedInterceptSystem } from './synthetic-design.test-helper.js';

/** Students s (400 levels) × lecturers d (300) with a covariate: a small InstEval-like design. */
function crossedSystem(seed: number) {
  return crossedInterceptSystem(
    seed,
    2400,
    { s: 400, d: 300 },
    (i, x, codes, z) =>
      2 + 0.5 * x + Math.sin(codes.s![i]!) + 0.7 * Math.cos(3 * codes.d![i]!) + z(),
  );
}

/** First index where a and b hold different numbers (−1: none); a fast exact comparison. */
function firstDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

const hasWasm = typeof (globalThis as { WebAssembly?: unknown }).WebAssembly === 'object';

describe('rest kernel: WebAssembly loops vs their JavaScript versions', () => {
  const sys = crossedSystem(3);
  // sparse cost 1: most columns eliminated sparsely, so the kernel does most of the work
  const ord = restOrdering(sys, 1);
  const gs = groupedSchur(sys, ord);

  it('binds the WebAssembly kernel where WebAssembly exists', () => {
    expect(gs).not.toBeNull();
    expect(ord.k0).toBeGreaterThan(sys.qRest / 2);
    expect(restKernel(sys.m, ord, gs).kernel).toBe(hasWasm ? 'wasm' : 'js');
    expect(restKernel(sys.m, ord, gs, 'js').kernel).toBe('js');
  });

  it('grouped Schur update and sparse elimination agree bit for bit', () => {
    const works = (['wasm', 'js'] as const).map((k) => allocateOrderedWork(sys, ord, gs, k));
    for (const theta of [
      [0.8, 0.6],
      [2.2, 0.05],
      [0.1, 3],
    ]) {
      const S = works.map((w) => {
        const f = allocateFactor(sys, w.rest.S);
        formTerm1BlocksInPlace(sys, theta, f);
        formRestOrderedInPlace(sys, ord, f, w.rest);
        const formed = Float64Array.from(w.rest.S);
        expect(w.rest.eliminate()).toBe(-1);
        return { formed, factored: w.rest.S };
      });
      // the same IEEE operations in the same order: identical bits, no tolerance
      expect(firstDifference(S[0]!.formed, S[1]!.formed)).toBe(-1);
      expect(firstDifference(S[0]!.factored, S[1]!.factored)).toBe(-1);
    }
  });

  it('the ordered factor matches the natural-order factor (R_X, r, log-determinant) to 1e-10', () => {
    const work = allocateOrderedWork(sys, ord, gs);
    const f = allocateFactor(sys, work.rest.S);
    const nat = allocateFactor(sys);
    const { m, p, qRest: q, nl1 } = sys;
    for (const theta of [
      [1, 1],
      [0.3, 1.9],
    ]) {
      formTerm1BlocksInPlace(sys, theta, f);
      formRestOrderedInPlace(sys, ord, f, work.rest);
      const s = factorRestOrderedInPlace(sys, ord, work);
      expect(s).not.toBeNull();
      updateLInPlace(sys, theta, nat);
      expect(nat.failedAt).toBe(-1);
      let ldRest = 0;
      for (let i = 0; i < q; i++) ldRest += Math.log(nat.Lrr[i + i * m]!);
      let ldx = 0;
      for (let i = q; i < q + p; i++) ldx += Math.log(nat.Lrr[i + i * m]!);
      const r = nat.Lrr[m * m - 1]!;
      // two exact factorizations of the same matrix in different row orders (the trailing
      // X, y rows eliminated last in both): agreement to rounding, 1e-10
      expectClose(s!.logDetRest2, 2 * ldRest, 1e-10);
      expectClose(s!.logDetRX2, 2 * ldx, 1e-10);
      expectClose(s!.pwrss, r * r, 1e-10);
      // the trailing (p + 1) × (p + 1) corner of the factor: [R_X 0; r_Xyᵀ r]
      const t = m - ord.k0;
      for (let j = 0; j <= p; j++)
        for (let i = j; i <= p; i++) {
          const ours = work.T[t - 1 - p + i + (t - 1 - p + j) * t]!;
          const natural = nat.Lrr[q + i + (q + j) * m]!;
          expectClose(ours, natural, 1e-10, Math.abs(nat.Lrr[q + j + (q + j) * m]!));
        }
    }
    expect(nl1).toBe(400);
  });

  it('deviance: wasm and JavaScript loops identical, both equal to the natural order to 1e-10', () => {
    for (const reml of [true, false]) {
      const natural = lmmDeviance(sys, reml).objective;
      const [wasm, js] = (['wasm', 'js'] as const).map((kernel) =>
        orderedDevianceObjective(sys, reml, { minRest: 1, sparseCost: 1, kernel }),
      );
      for (const theta of [
        [1, 1],
        [0.45, 0.9],
        [3, 0.01],
        [0, 1.2],
      ]) {
        expect(wasm!(theta)).toBe(js!(theta));
        expectClose(wasm!(theta), natural(theta), 1e-10);
      }
    }
  });

  it('every random-effect column sparse (tail = X and y rows only): same deviance', () => {
    const all = restOrdering(sys, 1e-6);
    expect(all.k0).toBe(sys.qRest);
    const natural = lmmDeviance(sys, true).objective;
    const ordered = orderedDevianceObjective(sys, true, { minRest: 1, sparseCost: 1e-6 });
    // exact factorizations in two row orders: rounding only, 1e-10
    for (const theta of [
      [1, 1],
      [0.6, 2],
    ])
      expectClose(ordered!(theta), natural(theta), 1e-10);
  });

  it("linalg's sparse elimination on a full pattern is lmm's dense Cholesky; a bad pivot is reported", () => {
    // a 6 × 6 SPD matrix, every column's pattern all rows below it
    const m = 6;
    const A = new Float64Array(m * m);
    for (let j = 0; j < m; j++)
      for (let i = j; i < m; i++) A[i + j * m] = i === j ? 4 + i : 1 / (1 + i + 2 * j);
    const colPtr = Int32Array.from({ length: m + 1 }, (_, k) => (k * (2 * m - k - 1)) / 2);
    const colRows = new Int32Array(colPtr[m]!);
    for (let k = 0; k < m; k++) for (let i = k + 1; i < m; i++) colRows[colPtr[k]! + i - k - 1] = i;
    const sparse = Float64Array.from(A);
    const pat = eliminationPattern(m, m, colPtr, colRows);
    expect(eliminateSparseInPlace(sparse, pat, new Float64Array(colPtr[m]!))).toBe(-1);
    const dense = Float64Array.from(A);
    expect(choleskyLowerInPlace(dense, m)).toBe(-1);
    for (let j = 0; j < m; j++)
      for (let i = j; i < m; i++) expectClose(sparse[i + j * m]!, dense[i + j * m]!, 1e-14, 1);
    // the same through the kernel (k0 = m columns), and a failing pivot at column 3
    const ord = { k0: m, colPtr, colRows };
    const bad = Float64Array.from(A);
    bad[3 + 3 * m] = -1;
    for (const kernel of ['wasm', 'js'] as const) {
      const rk = restKernel(m, ord, null, kernel);
      rk.S.set(A);
      expect(rk.eliminate()).toBe(-1);
      expect(firstDifference(rk.S, sparse)).toBe(-1);
      rk.S.set(bad);
      expect(rk.eliminate()).toBe(3);
    }
  });
});
