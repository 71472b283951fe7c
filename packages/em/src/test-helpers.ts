import { expect } from 'vitest';

/** |actual - expected| <= relTol * max(|expected|, 1e-300); the caller states why relTol. */
export function expectClose(actual: number, expected: number, relTol: number): void {
  const err = Math.abs(actual - expected);
  const bound = relTol * Math.max(Math.abs(expected), 1e-300);
  if (!(err <= bound)) {
    expect.fail(
      `expected ${actual} to be within rel ${relTol} of ${expected} (abs err ${err}, rel ${err / Math.abs(expected)})`,
    );
  }
}

/** |actual - expected| <= absTol. */
export function expectAbs(actual: number, expected: number, absTol: number): void {
  const err = Math.abs(actual - expected);
  if (!(err <= absTol))
    expect.fail(`expected ${actual} within abs ${absTol} of ${expected} (err ${err})`);
}
