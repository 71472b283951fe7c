import { describe, expect, it } from 'vitest';
import { expNonPositive } from './fast-exp.js';
import { expAboveCut, UNDERFLOW_CUT } from './fast-exp-table.js';

describe('expAboveCut', () => {
  it('is exp within 4 ulp on [-40, 0], exact at 0, and equals expNonPositive off ties', () => {
    expect(expAboveCut(0)).toBe(1);
    let worst = 0;
    let differ = 0;
    const m = 400_000;
    for (let k = 0; k <= m; k++) {
      const t = (UNDERFLOW_CUT * k) / m - (k % 7) * 1e-9;
      if (t < UNDERFLOW_CUT) continue;
      const v = expAboveCut(t);
      const e = Math.exp(t);
      const rel = Math.abs(v - e) / e;
      if (rel > worst) worst = rel;
      if (v !== expNonPositive(t)) differ++;
    }
    // 4 ulp of 1 = 8.9e-16: the bound of expNonPositive, whose arithmetic this repeats.
    expect(worst).toBeLessThan(4 * Number.EPSILON);
    // Same reduction, polynomial and table values: bit-identical except at exact ties.
    expect(differ).toBe(0);
    expect(expAboveCut(UNDERFLOW_CUT)).toBe(expNonPositive(UNDERFLOW_CUT));
  });

  it('rounds exact ties to even and stays within 4 ulp there', () => {
    // t = (j + 1/2) ln2/64 up to rounding of t itself: whichever way k rounds, |r| <= ln2/128.
    for (const j of [-1, -2, -3, -64, -1000, -3692]) {
      const t = ((j + 0.5) * Math.LN2) / 64;
      const rel = Math.abs(expAboveCut(t) - Math.exp(t)) / Math.exp(t);
      expect(rel).toBeLessThan(4 * Number.EPSILON);
    }
  });
});
