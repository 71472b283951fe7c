import { describe, expect, it } from 'vitest';
import { besselI0Scaled, besselI1Scaled, besselRatioI1I0, logBesselI0 } from './bessel-scaled.js';
import { expectAllClose, expectClose, readFixture } from './testing/expect-close.js';
import { trigamma } from './trigamma.js';

interface Fixture {
  bessel: { x: number[]; i0e: number[]; i1e: number[]; logI0: number[] };
  trigamma: { x: number[]; value: number[] };
}
/** R 4.2.2 `besselI(x, nu, expon.scaled = TRUE)` and `trigamma(x)`, from fixtures/expfam.R. */
const ref = readFixture<Fixture>('expfam.json');

describe('scaled Bessel I0, I1', () => {
  it("match R's besselI(x, nu, TRUE) from 0 to 1e4 (both sides of the series/asymptotic switch)", () => {
    // R uses Cody's rational approximations (relative error ~1e-16); the series (≤ 60 positive
    // terms) and Hankel's expansion are good to a few ulp, so 1e-14 relative.
    expectAllClose(ref.bessel.x.map(besselI0Scaled), ref.bessel.i0e, 1e-14, 1e-300);
    expectAllClose(ref.bessel.x.map(besselI1Scaled), ref.bessel.i1e, 1e-14, 1e-300);
  });
  it('log I0 is finite and right far beyond the overflow of I0 (x > 713)', () => {
    // absolute 1e-12: R's log(i0e) + x itself cancels at tiny x (logI0(1e-5) = 2.5e-11)
    expectAllClose(ref.bessel.x.map(logBesselI0), ref.bessel.logI0, 1e-14, 1e-12 / 1e-14);
    const x = 1e6;
    // Hankel: log I0(x) = x − ½ log(2πx) + log(1 + 1/(8x) + 9/(128x²) + …)
    expectClose(
      logBesselI0(x),
      x - 0.5 * Math.log(2 * Math.PI * x) + Math.log1p(1 / (8 * x)),
      1e-15,
    );
  });
  it('is even (I0) and odd (I1) and gives A = I1/I0', () => {
    expect(besselI0Scaled(-3.5)).toBe(besselI0Scaled(3.5));
    expect(besselI1Scaled(-3.5)).toBe(-besselI1Scaled(3.5));
    for (const x of [0.2, 5, 29, 31, 400]) {
      expectClose(besselRatioI1I0(x), besselI1Scaled(x) / besselI0Scaled(x), 1e-14);
    }
    expect(besselRatioI1I0(0)).toBe(0);
  });
});

describe('trigamma', () => {
  it("matches R's trigamma from 1e-6 to 1e5", () => {
    // recurrence + asymptotic series truncated below 1e-18: 1e-14 relative
    expectAllClose(ref.trigamma.x.map(trigamma), ref.trigamma.value, 1e-14, 1e-300);
    expect(trigamma(0)).toBeNaN();
  });
});
