import { dense } from '@likelihood/linalg';
import { type DataInput, type DataTable, dataTable } from './data.js';
import { DataError, FactorError, NonFiniteValueError } from './errors.js';
import { evaluateVariable, type FrameColumn } from './evaluate.js';
import {
  dropUnusedLevels,
  type Factor,
  type FactorSpec,
  factorFromNumbers,
  interactionFactor,
  subsetFactor,
} from './factor.js';
import { type ParsedFormula, parseFormula } from './parse-formula.js';
import type { RandomGroup } from './random-terms.js';

/** Options of `modelFrame`. */
export interface ModelFrameOptions {
  /**
   * Factor declarations by column name: `true` reads a numeric column as a factor (levels
   * sorted numerically); `{ levels, ordered }` fixes the level order and/or makes it ordered.
   */
  readonly factors?: Readonly<Record<string, FactorSpec | true>>;
  /** Prior weights: a column name or a vector with one entry per data row. */
  readonly weights?: string | ArrayLike<number>;
  /** An offset added to the formula's `offset()` terms: a column name or a vector. */
  readonly offset?: string | ArrayLike<number>;
  /** `'omit'` (default, R's `na.omit`) drops incomplete rows; `'fail'` throws `DataError`. */
  readonly naAction?: 'omit' | 'fail';
  /**
   * R's `subset`: the rows to use, as a logical mask (one entry per data row) or 0-based row
   * indices. Rows outside the subset are neither kept nor reported in `droppedRows`.
   */
  readonly subset?: ArrayLike<boolean> | ArrayLike<number>;
  /** Drop factor levels no kept row has (default true, as `lm`/`glm`/`lmer` do). */
  readonly dropUnusedLevels?: boolean;
}

/** The variables of a formula evaluated on the complete rows of the data (R's `model.frame`). */
export interface ModelFrame {
  readonly formula: ParsedFormula;
  /** The number of rows kept. */
  readonly nobs: number;
  /** Every variable of the formula by its label (`store`, `log(normalSale)`, `poly(x, 2)`). */
  readonly columns: ReadonlyMap<string, FrameColumn>;
  /** The response variable's values (a matrix for `cbind(s, f)`), or null. */
  readonly response: FrameColumn | null;
  /** The sum of the `offset()` terms and the `offset` option, or null when there is none. */
  readonly offset: Float64Array | null;
  readonly weights: Float64Array | null;
  /** 0-based indices of the data rows dropped for missing values (R's `na.action`). */
  readonly droppedRows: Int32Array;
  /**
   * 0-based indices of the data rows kept, in order. When no row is dropped, numeric columns
   * may share storage with `Float64Array` input columns (frames are read-only).
   */
  readonly rows: Int32Array;
}

function vectorOption(table: DataTable, what: string, v: string | ArrayLike<number>): Float64Array {
  if (typeof v === 'string') {
    const raw = table.column(v);
    if (raw === undefined) throw new DataError(`${what} column '${v}' is not in the data`);
    if (raw.type !== 'number') throw new DataError(`${what} column '${v}' is not numeric`);
    v = raw.values;
  }
  if (v.length !== table.nrows)
    throw new DataError(
      `${what} has length ${v.length}, expected ${table.nrows} (one per data row)`,
    );
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number | null | undefined;
    out[i] = x === null || x === undefined ? Number.NaN : x;
    if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY)
      throw new NonFiniteValueError(what, i, x);
  }
  return out;
}

/** Sets `missing[i] = 1` where `col` is missing (NaN, or factor code -1) and `missing[i]` is 0. */
export function markMissingInPlace(col: FrameColumn, n: number, missing: Uint8Array): void {
  if (col.kind === 'factor') {
    for (let i = 0; i < n; i++) if (col.codes[i]! < 0 && missing[i] === 0) missing[i] = 1;
  } else {
    const d = col.kind === 'numeric' ? col.values : col.values.data;
    for (let j = 0; j < d.length / n; j++)
      for (let i = 0; i < n; i++)
        if (Number.isNaN(d[j * n + i]!) && missing[i] === 0) missing[i] = 1;
  }
}

/**
 * The indices of the rows kept (`missing[i] = 0`) and dropped (`missing[i] = 1`); rows with
 * `missing[i] = 2` (outside a subset) are in neither list.
 */
export function splitRows(missing: Uint8Array): { rows: Int32Array; dropped: Int32Array } {
  const n = missing.length;
  let nk = 0;
  let nd = 0;
  for (let i = 0; i < n; i++) {
    if (missing[i] === 0) nk++;
    else if (missing[i] === 1) nd++;
  }
  const rows = new Int32Array(nk);
  const dropped = new Int32Array(nd);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (missing[i] === 1) dropped[b++] = i;
    else if (missing[i] === 0) rows[a++] = i;
  }
  return { rows, dropped };
}

/** Marks with 2 the rows outside `subset` (a logical mask or 0-based row indices). */
function markSubsetInPlace(
  subset: ArrayLike<boolean> | ArrayLike<number>,
  missing: Uint8Array,
): void {
  const n = missing.length;
  if (subset.length > 0 && typeof subset[0] === 'boolean') {
    if (subset.length !== n)
      throw new DataError(`subset has length ${subset.length}, expected ${n} (one per data row)`);
    for (let i = 0; i < n; i++) if (!subset[i]) missing[i] = 2;
    return;
  }
  const inside = new Uint8Array(n);
  for (let k = 0; k < subset.length; k++) {
    const i = subset[k] as number;
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new DataError(`subset index ${i} at position ${k} is not a row (0…${n - 1})`);
    inside[i] = 1;
  }
  for (let i = 0; i < n; i++) if (!inside[i]) missing[i] = 2;
}

/** `col` restricted to `rows`; shared, not copied, when `rows` keeps every row. */
export function subsetColumn(col: FrameColumn, rows: Int32Array, drop: boolean): FrameColumn {
  const n =
    col.kind === 'factor'
      ? col.codes.length
      : col.kind === 'numeric'
        ? col.values.length
        : col.values.rows;
  if (rows.length === n) return col.kind === 'factor' && drop ? dropUnusedLevels(col) : col;
  if (col.kind === 'factor') {
    const f = subsetFactor(col, rows);
    return drop ? dropUnusedLevels(f) : f;
  }
  if (col.kind === 'numeric')
    return { kind: 'numeric', values: Float64Array.from(rows, (r) => col.values[r]!) };
  const m = rows.length;
  const out = dense(m, col.values.cols);
  for (let j = 0; j < col.values.cols; j++)
    for (let i = 0; i < m; i++) out.data[j * m + i] = col.values.data[j * n + rows[i]!]!;
  return { ...col, values: out };
}

/**
 * R's `model.frame(formula, data, na.action = na.omit, drop.unused.levels = TRUE)` (a formula
 * given as text may use `.` for the other columns of `data`): evaluates
 * every variable of the formula (functions, `I()`, `offset()`, `cbind()`, `poly()`), drops the
 * rows with a missing value in any of them (or in weights/offset) and reports those rows.
 * @throws UnknownColumnError, NonFiniteValueError, FactorError, DataError (naming the column/row).
 */
export function modelFrame(
  formula: string | ParsedFormula,
  data: DataInput,
  options: ModelFrameOptions = {},
): ModelFrame {
  const table = dataTable(data);
  const parsed =
    typeof formula === 'string' ? parseFormula(formula, { dataColumns: table.names }) : formula;
  const n = table.nrows;
  const factors = options.factors ?? {};
  for (const name of Object.keys(factors))
    if (table.column(name) === undefined)
      throw new FactorError(name, 'declared as a factor but is not a data column');
  const full = new Map<string, FrameColumn>();
  for (const v of parsed.variables)
    full.set(v.label, evaluateVariable(table, v.label, v.expr, factors));
  const weights =
    options.weights === undefined ? null : vectorOption(table, 'weights', options.weights);
  const offsetOpt =
    options.offset === undefined ? null : vectorOption(table, 'offset', options.offset);
  const missing = new Uint8Array(n);
  if (options.subset !== undefined) markSubsetInPlace(options.subset, missing);
  for (const [label, col] of full) {
    markMissingInPlace(col, n, missing);
    if (options.naAction === 'fail') {
      const i = missing.indexOf(1);
      if (i >= 0)
        throw new DataError(`variable '${label}' is missing at row ${i} (naAction: 'fail')`);
    }
  }
  if (weights !== null) markMissingInPlace({ kind: 'numeric', values: weights }, n, missing);
  if (offsetOpt !== null) markMissingInPlace({ kind: 'numeric', values: offsetOpt }, n, missing);
  if (options.naAction === 'fail' && missing.includes(1))
    throw new DataError(
      `weights or offset are missing at row ${missing.indexOf(1)} (naAction: 'fail')`,
    );
  const { rows, dropped } = splitRows(missing);
  const drop = options.dropUnusedLevels ?? true;
  const columns = new Map<string, FrameColumn>();
  for (const [label, col] of full) columns.set(label, subsetColumn(col, rows, drop));
  const w = weights === null ? null : Float64Array.from(rows, (r) => weights[r]!);
  if (w !== null) {
    const bad = w.findIndex((x) => x < 0);
    if (bad >= 0)
      throw new DataError(`weights must be non-negative: ${w[bad]} at row ${rows[bad]}`);
  }
  let offset: Float64Array | null = null;
  const offsetParts: Float64Array[] = [];
  for (const v of parsed.fixed.offsets) {
    const c = columns.get(v.label)!;
    if (c.kind !== 'numeric') throw new DataError(`offset '${v.label}' must be numeric`);
    offsetParts.push(c.values);
  }
  if (offsetOpt !== null) offsetParts.push(Float64Array.from(rows, (r) => offsetOpt[r]!));
  if (offsetParts.length > 0) {
    offset = new Float64Array(rows.length);
    for (const p of offsetParts) for (let i = 0; i < p.length; i++) offset[i]! += p[i]!;
  }
  return {
    formula: parsed,
    nobs: rows.length,
    columns,
    response: parsed.response === null ? null : columns.get(parsed.response.label)!,
    offset,
    weights: w,
    droppedRows: dropped,
    rows,
  };
}

/**
 * The grouping factor of a random-effect term as lme4 builds it: each factor of the group
 * (numeric ones read as factors), their interaction (`a:b`, first factor slowest, unused
 * combinations dropped) when there are several.
 */
export function groupingFactor(frame: ModelFrame, group: RandomGroup): Factor {
  const parts = group.factors.map((v) => {
    const col = frame.columns.get(v.label);
    if (col === undefined) throw new FactorError(v.label, 'is not a variable of the model frame');
    if (col.kind === 'factor') return col;
    if (col.kind === 'numeric') return factorFromNumbers(v.label, col.values);
    throw new FactorError(v.label, 'a matrix cannot be a grouping factor');
  });
  return interactionFactor(parts);
}
