import { describe, expect, it } from 'vitest';
import { formatReal, toFixedC } from './format-r.js';

// R 4.2.2: format(x, digits = d) — printf rounds exact binary ties to the even digit.
describe('formatReal rounds exact ties as C printf (half to even)', () => {
  it('matches R on exact ties and near-ties', () => {
    expect(formatReal([7.5625], 4)).toEqual(['7.562']);
    expect(formatReal([0.125], 2)).toEqual(['0.12']);
    expect(formatReal([2.5], 1)).toEqual(['2']);
    expect(formatReal([-0.375], 2)).toEqual(['-0.38']);
    expect(formatReal([9.5], 1)).toEqual(['10']);
    // 0.15 is 0.1499999999999999944… in binary: no tie, rounds down in C and in JS
    expect(formatReal([0.15], 1)).toEqual(['0.1']);
    // 1.25e-10 is not an exact binary tie either: R prints 1.3e-10
    expect(formatReal([1.25e-10], 2)).toEqual(['1.3e-10']);
  });
  it('toFixedC keeps toFixed everywhere but at exact ties', () => {
    expect(toFixedC(1.005, 2)).toBe((1.005).toFixed(2));
    expect(toFixedC(0.5, 0)).toBe('0');
    expect(toFixedC(1.5, 0)).toBe('2');
    expect(toFixedC(-2.5, 0)).toBe('-2');
    expect(toFixedC(123.456, 1)).toBe('123.5');
  });
});

describe('significant digits of a tie', () => {
  it('10.5 with 2 digits is "10" as in R (the tie goes to the even digit 0)', () => {
    // R 4.2.2: format(10.5, digits = 2) is "10"; format(c(10.5, 1.25), digits = 2) is
    // "10.5" " 1.2" (1.25 needs one decimal, a tie rounded to the even 2)
    expect(formatReal([10.5], 2)).toEqual(['10']);
    expect(formatReal([10.5, 1.25], 2)).toEqual(['10.5', ' 1.2']);
  });
});
