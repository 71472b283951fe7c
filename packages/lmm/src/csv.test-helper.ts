// Test helpers: read the small CSV fixtures (copied from /work/shared/data) and build
// matrix-level inputs. Not shipped (excluded by tsconfig and package.json `files`).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { LmmMatrixInput } from './lmm-from-matrices.js';
import type { GroupingFactor } from './re-terms.js';

export type Columns = Record<string, string[]>;

/** Reads `fixtures/<name>` (plain or .gz) into string columns (quotes stripped). */
export function readCsv(name: string): Columns {
  const path = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const buf = readFileSync(path);
  const text = name.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
  const lines = text.trim().split(/\r?\n/);
  const unq = (s: string) => s.replace(/^"|"$/g, '');
  const header = lines[0]!.split(',').map(unq);
  const cols: Columns = {};
  for (const h of header) cols[h] = [];
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r]!.split(',');
    header.forEach((h, c) => {
      cols[h]!.push(unq(cells[c]!));
    });
  }
  return cols;
}

export function num(col: string[]): Float64Array {
  return Float64Array.from(col, Number);
}

/** A factor with the given level order (default: R's sort of the distinct values). */
export function factor(name: string, col: string[], levels?: string[]): GroupingFactor {
  const lev = levels ?? [...new Set(col)].sort();
  const map = new Map(lev.map((l, i) => [l, i]));
  return { name, levels: lev, codes: Int32Array.from(col, (v) => map.get(v) ?? -1) };
}

/** Interaction factor a:b with lme4's level naming `a:b`, sampled levels only, in sorted order. */
export function interaction(name: string, a: string[], b: string[]): GroupingFactor {
  return factor(
    name,
    a.map((v, i) => `${v}:${b[i]}`),
  );
}

export function ones(n: number): Float64Array {
  return new Float64Array(n).fill(1);
}

/** Column-major n×p design from columns. */
export function design(cols: Float64Array[]): { rows: number; cols: number; data: Float64Array } {
  const n = cols[0]!.length;
  const data = new Float64Array(n * cols.length);
  cols.forEach((c, j) => {
    data.set(c, j * n);
  });
  return { rows: n, cols: cols.length, data };
}

/**
 * |actual − expected| ≤ relTol·max(|expected|, 1e-300) … for expected values near 0 the tolerance
 * is taken relative to `scale` (default 1), since a relative tolerance on 0 cannot be met.
 */
export function expectClose(actual: number, expected: number, relTol: number, scale = 0): void {
  const tol = relTol * Math.max(Math.abs(expected), scale);
  if (!(Math.abs(actual - expected) <= tol)) {
    expect.fail(`expected ${actual} to be within ${tol} of ${expected} (relTol ${relTol})`);
  }
}

/** |actual − expected| ≤ absTol (for figures printed to a fixed number of decimals). */
export function expectAbs(actual: number, expected: number, absTol: number): void {
  if (!(Math.abs(actual - expected) <= absTol)) {
    expect.fail(`expected ${actual} to be within ${absTol} of ${expected} (absolute)`);
  }
}

/** sleepstudy as the matrices of `Reaction ~ Days + (Days | Subject)`. */
export function sleepstudyInput(): LmmMatrixInput {
  const d = readCsv('sleepstudy.csv');
  const y = num(d.Reaction!);
  const days = num(d.Days!);
  const n = y.length;
  return {
    X: design([ones(n), days]),
    colnames: ['(Intercept)', 'Days'],
    y,
    reTerms: [
      {
        group: factor('Subject', d.Subject!),
        Zcols: [ones(n), days],
        termNames: ['(Intercept)', 'Days'],
      },
    ],
  };
}
