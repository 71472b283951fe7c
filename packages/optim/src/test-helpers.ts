import { expect } from 'vitest';

/**
 * Assert |actual − expected| <= relTol·max(|expected|, absFloor). Every call site states why its
 * tolerance is what it is.
 */
export function expectClose(actual: number, expected: number, relTol: number, absFloor = 0): void {
  const scale = Math.max(Math.abs(expected), absFloor);
  const err = Math.abs(actual - expected);
  if (!(err <= relTol * scale)) {
    expect.fail(
      `expected ${actual} to be within rel ${relTol} of ${expected} (error ${err}, scale ${scale})`,
    );
  }
}

/** Elementwise {@link expectClose}. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  relTol: number,
  absFloor = 0,
): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i], expected[i], relTol, absFloor);
}

/** Assert |actual − expected| <= absTol (for values near zero, where relative error is moot). */
export function expectAbsClose(actual: number, expected: number, absTol: number): void {
  const err = Math.abs(actual - expected);
  if (!(err <= absTol)) {
    expect.fail(`expected ${actual} to be within abs ${absTol} of ${expected} (error ${err})`);
  }
}
