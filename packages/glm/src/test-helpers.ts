import { expect } from 'vitest';

/**
 * Asserts |actual - expected| <= relTol * max(|expected|, absFloor). `absFloor` (default 1)
 * keeps the check meaningful for expected values at or near zero. Every caller states why
 * its tolerance is what it is.
 */
export function expectClose(
  actual: number,
  expected: number,
  relTol: number,
  absFloor = 1,
  label = '',
): void {
  const scale = Math.max(Math.abs(expected), absFloor);
  const err = Math.abs(actual - expected);
  if (!(err <= relTol * scale)) {
    expect.fail(
      `${label} actual ${actual} vs expected ${expected}: |diff| ${err} > ${relTol} * ${scale}`,
    );
  }
}

/** Element-wise `expectClose` over two equal-length arrays. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  relTol: number,
  absFloor = 1,
  label = '',
): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expectClose(actual[i]!, expected[i]!, relTol, absFloor, `${label}[${i}]`);
  }
}
