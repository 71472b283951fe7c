import { describe, expect, it } from 'vitest';
import { qnorm } from './normal-quantile.js';
import { expectAllClose, readFixture } from './testing/expect-close.js';

/** R 4.2.2 `qnorm(p)` at full precision, from fixtures/glm-family.R. */
const { qnorm: ref } = readFixture<{ qnorm: { p: number[]; q: number[] } }>('glm-family.json');

describe('qnorm (AS 241, as R)', () => {
  it("matches R's qnorm from 1e-300 to 1 − 1e-10", () => {
    // Same algorithm and operation order as nmath/qnorm.c; only libm's log/sqrt may differ by
    // an ulp, so 1e-15 relative.
    expectAllClose(
      ref.p.map((p) => qnorm(p)),
      ref.q,
      1e-15,
      1e-300,
    );
  });
  it('returns ±Inf at 0 and 1 and NaN outside [0, 1]', () => {
    expect(qnorm(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(qnorm(1)).toBe(Number.POSITIVE_INFINITY);
    expect(qnorm(-0.1)).toBeNaN();
    expect(qnorm(Number.NaN)).toBeNaN();
  });
});
