import { expect } from 'vitest';

/**
 * Asserts |actual - expected| <= relTol * |expected| + absTol, naming the quantity on failure.
 * Callers state why their tolerance is what it is.
 */
export function expectClose(
  actual: number,
  expected: number,
  relTol: number,
  what: string,
  absTol = 0,
): void {
  const err = Math.abs(actual - expected);
  const bound = relTol * Math.abs(expected) + absTol;
  expect(err <= bound, `${what}: ${actual} vs ${expected} (|diff| ${err} > ${bound})`).toBe(true);
}

/** The printed text split into lines, for exact line-by-line comparison with a source text. */
export function lines(text: string): string[] {
  return text.split('\n');
}
