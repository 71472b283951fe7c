import { describe, expect, it } from 'vitest';
import { allocateFactor, formTerm1BlocksInPlace } from './blocked-cholesky.js';
import { expectClose } from './csv.test-helper.js';
import { groupedSchur, logDetTerm1Grouped } from './grouped-schur.js';
import { allocateOrderedWork, formRestOrderedInPlace } from './ordered-rest-factor.js';
import { restOrdering } from './rest-ordering.js';
import { crossedInterceptSystem } from './synthetic-design.test-helper.js';

/** Students (350 levels, few distinct rating counts) × lecturers (260) × a 7-level factor. */
function system(seed: number) {
  return crossedInterceptSystem(
    seed,
    2100,
    { s: 350, d: 260, g: 7 },
    (i, x, codes, z) => 1 + x + Math.sin(codes.d![i]!) + z(),
  );
}

describe('grouped Schur update of a scalar first term', () => {
  const sys = system(5);
  const ord = restOrdering(sys, 1);
  const gs = groupedSchur(sys, ord)!;

  it('groups the levels by n_j: counts add up to the levels, log|L11|² by groups', () => {
    expect(gs).not.toBeNull();
    expect(gs.groupCount.reduce((a, b) => a + b, 0)).toBe(sys.nl1);
    const f = allocateFactor(sys);
    for (const theta of [
      [1, 1, 1],
      [0.2, 2, 0.5],
      [4, 0.1, 0],
    ]) {
      formTerm1BlocksInPlace(sys, theta, f);
      let l1 = 0;
      for (let j = 0; j < sys.nl1; j++) l1 += Math.log(f.L11[j]!);
      // Σ_j log(λ² n_j + 1) summed per level or count_g times per group: rounding only, 1e-13
      expectClose(logDetTerm1Grouped(gs, theta[0]!), 2 * l1, 1e-13);
    }
  });

  it('forms the same ordered rest block as the per-level update, to 1e-12 of its diagonal', () => {
    const { m } = sys;
    const grouped = allocateOrderedWork(sys, ord, gs);
    const perLevel = allocateOrderedWork(sys, ord, null);
    const fg = allocateFactor(sys, grouped.rest.S);
    const fl = allocateFactor(sys, perLevel.rest.S);
    for (const theta of [
      [1, 1, 1],
      [2.5, 0.3, 1.1],
    ]) {
      formTerm1BlocksInPlace(sys, theta, fg);
      formTerm1BlocksInPlace(sys, theta, fl);
      formRestOrderedInPlace(sys, ord, fg, grouped.rest);
      formRestOrderedInPlace(sys, ord, fl, null);
      let worst = 0;
      for (let j = 0; j < m; j++) {
        const scale = Math.sqrt(Math.abs(fl.Lrr[j + j * m]!));
        for (let i = j; i < m; i++) {
          const scaleIJ = scale * Math.sqrt(Math.abs(fl.Lrr[i + i * m]!));
          worst = Math.max(worst, Math.abs(fg.Lrr[i + j * m]! - fl.Lrr[i + j * m]!) / scaleIJ);
        }
      }
      // Σ_j ω(n_j) a_j a_jᵀ regrouped as Σ_g ω(n_g) M_g: the same sum in another order, so
      // entries agree to rounding relative to √(S_ii S_jj): 1e-12
      expect(worst).toBeLessThan(1e-12);
    }
  });
});
