import { describe, expect, it } from 'vitest';
import { modelFrame, modelMatrix, parseFormula } from './index.js';

// The README example, run as a test so the README stays true. Expected values are R's:
// model.matrix(score ~ Machine * Worker + offset(log(n)), d) with Worker levels c("2", "1").
describe('README example', () => {
  it('prints what the README says', () => {
    const data = {
      score: [52, 51.8, 60, 62.1, 64, 66.3, 59.2, 61.3],
      Machine: ['A', 'A', 'B', 'B', 'C', 'C', 'A', 'B'],
      Worker: ['1', '2', '1', '2', '1', '2', '2', '1'],
      n: [10, 12, 9, 11, 10, 12, 9, 10],
    };
    const f = parseFormula('score ~ Machine * Worker + offset(log(n))');
    expect(f.fixed.terms.map((t) => t.label)).toEqual(['Machine', 'Worker', 'Machine:Worker']);
    const frame = modelFrame(f, data, { factors: { Worker: { levels: ['2', '1'] } } });
    const { X, colnames, assign } = modelMatrix(frame.formula.fixed, frame);
    expect(colnames).toEqual([
      '(Intercept)',
      'MachineB',
      'MachineC',
      'Worker1',
      'MachineB:Worker1',
      'MachineC:Worker1',
    ]);
    expect(Array.from(assign)).toEqual([0, 1, 1, 2, 3, 3]);
    expect([X.rows, X.cols]).toEqual([8, 6]);
    // log(10) by Math.log: correctly rounded, so equal to R's log(10) exactly.
    expect(frame.offset![0]).toBe(Math.log(10));
    const m = parseFormula('y ~ x + (x || g) + (1 | a/b)');
    expect(m.random.map((r) => r.label)).toEqual(['1 | g', '0 + x | g', '1 | b:a', '1 | a']);
  });
});
