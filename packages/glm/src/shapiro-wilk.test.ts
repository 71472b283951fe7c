import { describe, expect, it } from 'vitest';
import { GlmArgumentError } from './errors.js';
import cases from './fixtures/shapiro-wilk.json' with { type: 'json' };
import { shapiroWilk } from './shapiro-wilk.js';
import { expectClose } from './test-helpers.js';

// Fixture: /tmp/sw.R run with Rscript (R 4.2.2):
//   gen <- function(n, k) { i <- 1:n; ((i * 7919) %% 1000) / 1000 + k * log(i) + sin(i)^3 }
//   shapiro.test(gen(n, k)) for each (n, k) in the fixture; written with 15 significant digits.
function gen(n: number, k: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 1; i <= n; i++)
    x[i - 1] = ((i * 7919) % 1000) / 1000 + k * Math.log(i) + Math.sin(i) ** 3;
  return x;
}

describe('shapiroWilk', () => {
  for (const c of cases) {
    const label = 'data' in c ? `data ${JSON.stringify(c.data)}` : `n = ${c.n}, k = ${c.k}`;
    it(`matches R's shapiro.test for ${label}`, () => {
      const x = 'data' in c ? c.data! : gen(c.n!, c.k!);
      const r = shapiroWilk(x);
      // Same algorithm in double precision; the fixture holds 15 significant digits and the
      // data generator uses libm sin/log, so 1e-10 relative leaves room for last-bit noise
      // amplified by the normalizing transform.
      expectClose(r.statistic, c.W, 1e-10, 0, 'W');
      expectClose(r.pValue, c.p, 1e-9, 0, 'p');
    });
  }

  it('ignores order and NaN', () => {
    const a = shapiroWilk([3, 1, 2, 7, 5]);
    const b = shapiroWilk([7, Number.NaN, 1, 5, 2, 3]);
    expect(b.statistic).toBe(a.statistic);
    expect(b.n).toBe(5);
  });

  it('rejects too small, too large and constant samples', () => {
    expect(() => shapiroWilk([1, 2])).toThrow(GlmArgumentError);
    expect(() => shapiroWilk(new Float64Array(5001).map((_, i) => i))).toThrow(
      /between 3 and 5000/,
    );
    expect(() => shapiroWilk([2, 2, 2, 2])).toThrow(/identical/);
    expect(() => shapiroWilk([1, 2, Number.POSITIVE_INFINITY])).toThrow(/x\[2\]/);
  });
});
