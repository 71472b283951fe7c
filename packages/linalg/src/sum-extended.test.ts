import { describe, expect, it } from 'vitest';
import { sumExtended } from './sum-extended.js';

describe('sumExtended (R sum(), long double accumulation)', () => {
  it("reproduces R's sum() where double summation is an ulp off", () => {
    // R 4.2.2: e <- lm(score ~ Machine + Worker, nlme::Machines)$effects; sprintf("%.17g", e[4:8]);
    // sprintf("%.17g", sum(e[4:8]^2)) = "1241.8949999999995" (left-to-right double: ...998).
    // Exact equality: the emulation must land on R's double, not near it.
    const e = [
      31.000246030769716, 12.951231785506142, 0.34534827652496336, -10.236537810666574,
      -2.8704301922423161,
    ];
    const sq = e.map((v) => v * v);
    let plain = 0;
    for (const v of sq) plain += v;
    expect(plain).toBe(1241.8949999999998);
    expect(sumExtended(sq)).toBe(1241.8949999999995);
  });

  it('recovers cancelled low-order parts and honours the index range', () => {
    // 1 + 2⁻⁶⁰ + ... (10 times) − 1: each 2⁻⁶⁰ is lost against 1 in double (plain sum 0);
    // the exact sum 10·2⁻⁶⁰ is a double, so equality is exact
    const x = [1, ...Array<number>(10).fill(2 ** -60), -1];
    let plain = 0;
    for (const v of x) plain += v;
    expect(plain).toBe(0);
    expect(sumExtended(x)).toBe(10 * 2 ** -60);
    expect(sumExtended([5, 1, 2, 3, 7], 1, 4)).toBe(6);
    expect(sumExtended([])).toBe(0);
  });
});
