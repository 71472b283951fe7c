import { describe, expect, it } from 'vitest';
import { brent } from './brent.js';
import { expectClose } from './test-helpers.js';

// References: R 4.2.2 optimize(), printed with %.17g.
describe('brent (R optimize)', () => {
  it('minimizes (x − 1/3)² on [0, 1] as R does', () => {
    const r = brent((x) => (x - 1 / 3) ** 2, 0, 1);
    // Same steps as Brent_fmin: R returns exactly 0.33333333333333331 with objective 0.
    expect(r.minimum).toBe(0.33333333333333331);
    expect(r.objective).toBe(0);
  });

  it('follows R on sin(x) + x/3 with default and tight tol', () => {
    const g = (x: number): number => Math.sin(x) + x / 3;
    const a = brent(g, -4, 2);
    // Identical iteration: agreement to 1e-14 (sin() may differ by an ulp between libms).
    expectClose(a.minimum, -1.9106206153579721, 1e-14);
    expectClose(a.objective, -1.5796867869233142, 1e-14);
    const b = brent(g, -4, 2, { tol: 1e-10 });
    expectClose(b.minimum, -1.9106332364572438, 1e-14);
    expectClose(b.objective, -1.579686786998403, 1e-14);
    expect(b.evaluations).toBeGreaterThan(a.evaluations);
  });

  it('rejects an empty interval', () => {
    expect(() => brent((x) => x, 1, 0)).toThrow(/lower/);
  });
});
