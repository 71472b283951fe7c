import { describe, expect, it } from 'vitest';
import { expectClose } from './csv.test-helper.js';
import { groupedSchur } from './grouped-schur.js';
import { lmmSystemFromMatrices } from './lmm-from-matrices.js';
import { orderedDevianceObjective } from './ordered-rest-factor.js';
import { lmmDeviance } from './profiled-deviance.js';
import type { ReTermInput } from './re-terms.js';
import { restOrdering } from './rest-ordering.js';
import { syntheticDesign } from './synthetic-design.test-helper.js';

/** A synthetic crossed design: students s (300 levels) × lecturers d (120) × dept (9). */
function crossed(seed: number) {
  const n = 1500;
  const { z, x, ones, factor: mk } = syntheticDesign(seed, n);
  const s = mk('s', 300);
  const d = mk('d', 120);
  const g = mk('g', 9);
  const y = Float64Array.from(
    { length: n },
    (_, i) => 3 + x[i]! + 0.3 * Math.sin(s.codes[i]!) + 0.5 * Math.cos(d.codes[i]!) + z(),
  );
  const term = (group: typeof s): ReTermInput => ({
    group,
    Zcols: [ones],
    termNames: ['(Intercept)'],
  });
  const X = { rows: n, cols: 2, data: Float64Array.from([...ones, ...x]) };
  return { X, y, s, d, g, x, term };
}

describe('fill-reducing ordered rest factor vs the natural-order blocked factor', () => {
  it('deviance to 1e-10 at several θ, ML and REML, two and three crossed scalar terms', () => {
    const { X, y, s, d, g, term } = crossed(7);
    for (const reTerms of [
      [term(s), term(d)],
      [term(s), term(d), term(g)],
    ]) {
      const sys = lmmSystemFromMatrices({ X, colnames: ['(Intercept)', 'x'], y, reTerms });
      const ord = restOrdering(sys, 1);
      // a true permutation of the rest rows, X and y rows last, some columns eliminated sparsely
      expect([...ord.perm].sort((a, b) => a - b)).toEqual(
        Array.from({ length: sys.m }, (_, i) => i),
      );
      expect(Array.from(ord.perm.subarray(sys.qRest))).toEqual(
        Array.from({ length: sys.m - sys.qRest }, (_, i) => sys.qRest + i),
      );
      expect(ord.k0).toBeGreaterThan(0);
      // students have few distinct rating counts: the grouped Schur update applies
      const gs = groupedSchur(sys, ord);
      expect(gs).not.toBeNull();
      expect(gs!.groupN.length).toBeLessThan(300 / 4);
      for (const reml of [true, false]) {
        const natural = lmmDeviance(sys, reml).objective;
        for (const grouped of [true, false]) {
          const ordered = orderedDevianceObjective(sys, reml, {
            minRest: 1,
            sparseCost: 1,
            groupedSchur: grouped,
          });
          expect(ordered).not.toBeNull();
          for (const theta of [
            [1, 1, 1],
            [0.35, 1.7, 0.2],
            [2.5, 0.05, 0],
            [0, 0.8, 1.4],
          ]) {
            const th = theta.slice(0, reTerms.length);
            // the same determinant and residual by two exact factorizations (different row
            // orders, Schur update per level or grouped by n_j): agreement to rounding, 1e-10
            expectClose(ordered!(th), natural(th), 1e-10);
          }
        }
      }
    }
  });

  it('is declined for small rest blocks and vector-valued rest terms', () => {
    const { X, y, s, d, x, term } = crossed(11);
    const small = lmmSystemFromMatrices({
      X,
      colnames: ['(Intercept)', 'x'],
      y,
      reTerms: [term(s), term(d)],
    });
    expect(orderedDevianceObjective(small, true)).toBeNull(); // 120 < 256 rest rows
    const vec = lmmSystemFromMatrices({
      X,
      colnames: ['(Intercept)', 'x'],
      y,
      reTerms: [
        term(s),
        { ...term(d), Zcols: [X.data.subarray(0, y.length), x], termNames: ['(Intercept)', 'x'] },
      ],
    });
    expect(orderedDevianceObjective(vec, true, { minRest: 1 })).toBeNull();
  });
});
