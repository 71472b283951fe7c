import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Asserts |actual − expected| ≤ relTol·max(|expected|, absFloor). Every caller states why its
 * tolerance is what it is. Infinities must match exactly.
 */
export function expectClose(actual: number, expected: number, relTol: number, absFloor = 1): void {
  if (!Number.isFinite(expected)) {
    expect(actual).toBe(expected);
    return;
  }
  const err = Math.abs(actual - expected);
  const scale = Math.max(Math.abs(expected), absFloor);
  if (!(err <= relTol * scale)) {
    expect.fail(
      `expected ${actual} to be within ${relTol} (relative, floor ${absFloor}) of ${expected}; error ${err}`,
    );
  }
}

/** Element-wise `expectClose`. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  relTol: number,
  absFloor = 1,
): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i]!, expected[i]!, relTol, absFloor);
}

/** R's JSON spelling of non-finite doubles (see /work/shared/reference/README.md). */
const NON_FINITE: Record<string, number> = {
  Inf: Number.POSITIVE_INFINITY,
  '-Inf': Number.NEGATIVE_INFINITY,
  NaN: Number.NaN,
};

/** Reads a JSON fixture (`src/fixtures/<name>`), turning "Inf", "-Inf", "NaN" into numbers. */
export function readFixture<T>(name: string): T {
  const text = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  return JSON.parse(text, (_key, value: unknown) =>
    typeof value === 'string' && Object.hasOwn(NON_FINITE, value) ? NON_FINITE[value] : value,
  ) as T;
}

/** Central difference (f(x+h) − f(x−h))/(2h) with h = step·max(|x|, 1). */
export function centralDiff(f: (x: number) => number, x: number, step = 1e-6): number {
  const h = step * Math.max(Math.abs(x), 1);
  return (f(x + h) - f(x - h)) / (2 * h);
}
