import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Reads a fixture file beside the tests. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** Reads a JSON fixture. */
export function fixtureJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixture(name)) as T;
}

/** faithful.csv columns. */
export function faithful(): { eruptions: Float64Array; waiting: Float64Array } {
  const lines = fixture('faithful.csv').trim().split('\n').slice(1);
  const e = new Float64Array(lines.length);
  const w = new Float64Array(lines.length);
  lines.forEach((l, i) => {
    const [a, b] = l.split(',');
    e[i] = Number(a);
    w[i] = Number(b);
  });
  return { eruptions: e, waiting: w };
}

/** |actual - expected| <= relTol * |expected|; the caller states why relTol. */
export function expectClose(actual: number, expected: number, relTol: number): void {
  const err = Math.abs(actual - expected);
  if (!(err <= relTol * Math.abs(expected))) {
    expect.fail(
      `expected ${actual} within rel ${relTol} of ${expected} (rel err ${err / Math.abs(expected)})`,
    );
  }
}

/** |actual - expected| <= absTol. */
export function expectAbs(actual: number, expected: number, absTol: number): void {
  const err = Math.abs(actual - expected);
  if (!(err <= absTol))
    expect.fail(`expected ${actual} within abs ${absTol} of ${expected} (err ${err})`);
}
