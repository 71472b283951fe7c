import { describe, expect, it } from 'vitest';
import { anovaLm } from './anova-lm.js';
import ties from './fixtures/r-ties.json' with { type: 'json' };
import { formatAnovaLm } from './format-anova.js';
import { lmFit } from './lm-fit.js';

interface TieCase {
  rows: number;
  cols: number;
  assign: number[];
  X: number[];
  y: number[];
  effects: number[];
  sumSq: number[];
}

// R 4.2.2 (reference BLAS), fixtures/r/ties.R: the Worker sums of squares of
// lm(score ~ Machine + Worker) on nlme's Machines (1241.895) and on its cell means (413.965) sit
// on print ties; R's QR and sum() land a few ulps below/above and print 1241.89 / 413.97. With
// R's model matrix, linalg's QR (dqrdc2/dqrsl operation order) and R-style extended summation
// give R's doubles EXACTLY, so every comparison here has tolerance 0.
describe('anova.lm on print ties: bit-identical to R', () => {
  const cases: [string, TieCase, string][] = [
    ['machines', ties.machines, 'Worker     5 1241.89  248.38  24.848 4.867e-12 ***'],
    ['machinesMeans', ties.machinesMeans, 'Worker     5 413.97  82.793  5.8232 0.0089495 **'],
  ];
  for (const [name, c, workerLine] of cases) {
    it(`${name}: effects and Sum Sq equal R's doubles, and the table prints R's line`, () => {
      const fit = lmFit({ rows: c.rows, cols: c.cols, data: Float64Array.from(c.X) }, c.y);
      expect(Array.from(fit.effects)).toEqual(c.effects);
      const rows = anovaLm(fit, { assign: c.assign, labels: ['Machine', 'Worker'] });
      expect(rows.map((r) => r.sumSq)).toEqual(c.sumSq);
      // R's printout (anova(fit) in R 4.2.2), trailing blanks aside
      const printed = formatAnovaLm(rows, 'score')
        .split('\n')
        .map((l) => l.trimEnd());
      expect(printed).toContain(workerLine);
    });
  }
});
