import { describe, expect, it } from 'vitest';
import { expNonPositive } from './fast-exp.js';

describe('expNonPositive', () => {
  it('matches Math.exp within 4 ulp on [-700, 0] and is exact at 0', () => {
    expect(expNonPositive(0)).toBe(1);
    let worst = 0;
    for (let k = 0; k <= 200_000; k++) {
      const t = -k * 0.0035 - (k % 7) * 1e-7;
      const e = Math.exp(t);
      const rel = Math.abs(expNonPositive(t) - e) / e;
      if (rel > worst) worst = rel;
    }
    // 4 ulp of 1 = 8.9e-16: the bound stated in the module comment.
    expect(worst).toBeLessThan(4 * Number.EPSILON);
  });
});
