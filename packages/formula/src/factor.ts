import { FactorError } from './errors.js';
import { formatRNumber } from './expr.js';

/**
 * A factor: `codes[i]` is the 0-based index into `levels` of observation i, or -1 when the
 * observation is missing. Ordered factors get polynomial contrasts by default (as in R).
 */
export interface Factor {
  readonly kind: 'factor';
  readonly codes: Int32Array;
  readonly levels: readonly string[];
  readonly ordered: boolean;
}

/** How to build a factor from a column: explicit levels (in order) and/or ordering. */
export interface FactorSpec {
  readonly levels?: readonly string[];
  readonly ordered?: boolean;
  /**
   * For numeric columns without `levels`: sort the levels numerically (R's `factor(x)`, the
   * default) or as strings (R's `factor(as.character(x))`, i.e. ids read as text:
   * `1 < 10 < 100 < 2`).
   */
  readonly levelOrder?: 'numeric' | 'string';
}

const collator = new Intl.Collator('en-US');

/**
 * R's `sort()` order for strings under ICU collation (R's default on Linux/macOS builds with
 * ICU, the en_US locale): case-insensitive first, lowercase before uppercase on ties,
 * punctuation and digits compared character-wise (`store1 < store10 < store100 < store2`);
 * remaining ties broken by code points.
 */
export function compareStringsR(a: string, b: string): number {
  const c = collator.compare(a, b);
  if (c !== 0) return c;
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkLevels(name: string, levels: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  levels.forEach((l, i) => {
    if (index.has(l)) throw new FactorError(name, `level '${l}' is given twice`);
    index.set(l, i);
  });
  return index;
}

/**
 * R's `factor(x)` for strings (`null`/`undefined` missing): levels are the distinct values in
 * R's sort order unless `spec.levels` gives them.
 * @throws FactorError when a value is not one of the given levels (naming the value and row).
 */
export function factorFromStrings(
  name: string,
  values: ArrayLike<string | null | undefined>,
  spec: FactorSpec = {},
): Factor {
  const n = values.length;
  let levels = spec.levels;
  if (levels === undefined) {
    const distinct = new Set<string>();
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== null && v !== undefined) distinct.add(v);
    }
    levels = [...distinct].sort(compareStringsR);
  }
  const index = checkLevels(name, levels);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      codes[i] = -1;
      continue;
    }
    const c = index.get(v);
    if (c === undefined)
      throw new FactorError(
        name,
        `value '${v}' at row ${i} is not one of the levels ${levels.join(', ')}`,
      );
    codes[i] = c;
  }
  return { kind: 'factor', codes, levels: [...levels], ordered: spec.ordered ?? false };
}

/**
 * R's `factor(x)` for numbers (NaN missing): levels are the distinct values sorted numerically,
 * labelled as R's `as.character` writes them (15 significant digits), unless `spec.levels`
 * gives the labels.
 */
export function factorFromNumbers(
  name: string,
  values: ArrayLike<number>,
  spec: FactorSpec = {},
): Factor {
  const n = values.length;
  const labels: (string | null)[] = new Array(n);
  let levels = spec.levels;
  const distinct = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      labels[i] = null;
      continue;
    }
    let s = distinct.get(v);
    if (s === undefined) {
      s = formatRNumber(v);
      distinct.set(v, s);
    }
    labels[i] = s;
  }
  if (levels === undefined) {
    levels =
      spec.levelOrder === 'string'
        ? [...distinct.values()].sort(compareStringsR)
        : [...distinct.keys()].sort((a, b) => a - b).map((v) => distinct.get(v)!);
  }
  return factorFromStrings(name, labels, { levels, ordered: spec.ordered ?? false });
}

/** R's `droplevels`: removes levels no observation has, keeping the order of the others. */
export function dropUnusedLevels(f: Factor): Factor {
  const used = new Uint8Array(f.levels.length);
  for (let i = 0; i < f.codes.length; i++) if (f.codes[i]! >= 0) used[f.codes[i]!] = 1;
  if (used.every((u) => u === 1)) return f;
  const map = new Int32Array(f.levels.length).fill(-1);
  const levels: string[] = [];
  for (let l = 0; l < f.levels.length; l++) {
    if (used[l]) {
      map[l] = levels.length;
      levels.push(f.levels[l]!);
    }
  }
  const codes = new Int32Array(f.codes.length);
  for (let i = 0; i < codes.length; i++) codes[i] = f.codes[i]! < 0 ? -1 : map[f.codes[i]!]!;
  return { kind: 'factor', codes, levels, ordered: f.ordered };
}

/** The factor restricted to the observations `rows` (in that order). */
export function subsetFactor(f: Factor, rows: Int32Array): Factor {
  const codes = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) codes[i] = f.codes[rows[i]!]!;
  return { kind: 'factor', codes, levels: f.levels, ordered: f.ordered };
}

/**
 * The interaction of factors as R's `a:b` builds it and lme4 uses it for a grouping factor
 * `(1 | a:b)`: levels `la:lb`, the first factor varying slowest, keeping only the combinations
 * that occur (`drop = TRUE`). Missing in any factor gives missing.
 */
export function interactionFactor(factors: readonly Factor[]): Factor {
  if (factors.length === 0) throw new RangeError('interactionFactor: no factors');
  if (factors.length === 1) return dropUnusedLevels(factors[0]!);
  const n = factors[0]!.codes.length;
  const combined = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (const f of factors) {
      const k = f.codes[i]!;
      if (k < 0) {
        c = -1;
        break;
      }
      c = c * f.levels.length + k;
    }
    combined[i] = c;
  }
  const present = [...new Set(combined)].filter((c) => c >= 0).sort((a, b) => a - b);
  const index = new Map<number, number>();
  const levels = present.map((c, j) => {
    index.set(c, j);
    const parts: string[] = new Array(factors.length);
    let rest = c;
    for (let k = factors.length - 1; k >= 0; k--) {
      const m = factors[k]!.levels.length;
      parts[k] = factors[k]!.levels[rest % m]!;
      rest = Math.floor(rest / m);
    }
    return parts.join(':');
  });
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = combined[i]! < 0 ? -1 : index.get(combined[i]!)!;
  return { kind: 'factor', codes, levels, ordered: false };
}
