import { type DataInput, dataTable } from './data.js';
import { DataError } from './errors.js';
import { evaluateVariable, type FrameColumn } from './evaluate.js';
import { type ModelFrame, markMissingInPlace, splitRows, subsetColumn } from './model-frame.js';

/** Options of `newDataFrame`. */
export interface NewDataOptions {
  /** An offset added to the formula's `offset()` terms: a vector with one entry per row. */
  readonly offset?: ArrayLike<number>;
  /** `'omit'` (default) drops incomplete rows; `'fail'` throws `DataError`. */
  readonly naAction?: 'omit' | 'fail';
}

/**
 * R's `model.frame(delete.response(terms(fit)), newdata, xlev = fit$xlevels)`, for `predict`:
 * evaluates the fixed-effect variables of `frame`'s formula on `newdata`, coding factors with
 * the levels of `frame` (a level `frame` has not seen is a `FactorError` naming it) and
 * `poly()` terms with `frame`'s basis (R's `makepredictcall`). No response, no weights.
 */
export function newDataFrame(
  frame: ModelFrame,
  newdata: DataInput,
  options: NewDataOptions = {},
): ModelFrame {
  const table = dataTable(newdata);
  const n = table.nrows;
  const fixed = frame.formula.fixed;
  const full = new Map<string, FrameColumn>();
  for (const v of fixed.variables)
    full.set(v.label, evaluateVariable(table, v.label, v.expr, {}, frame.columns));
  let offsetOpt: Float64Array | null = null;
  if (options.offset !== undefined) {
    if (options.offset.length !== n)
      throw new DataError(`offset has length ${options.offset.length}, expected ${n}`);
    offsetOpt = Float64Array.from(options.offset);
  }
  const missing = new Uint8Array(n);
  for (const col of full.values()) markMissingInPlace(col, n, missing);
  if (offsetOpt !== null) markMissingInPlace({ kind: 'numeric', values: offsetOpt }, n, missing);
  if (options.naAction === 'fail' && missing.includes(1))
    throw new DataError(
      `new data are missing a value at row ${missing.indexOf(1)} (naAction: 'fail')`,
    );
  const { rows, dropped } = splitRows(missing);
  const columns = new Map<string, FrameColumn>();
  for (const [label, col] of full) columns.set(label, subsetColumn(col, rows, false));
  let offset: Float64Array | null = null;
  if (fixed.offsets.length > 0 || offsetOpt !== null) {
    offset = new Float64Array(rows.length);
    for (const v of fixed.offsets) {
      const c = columns.get(v.label)!;
      if (c.kind !== 'numeric') throw new DataError(`offset '${v.label}' must be numeric`);
      for (let i = 0; i < rows.length; i++) offset[i]! += c.values[i]!;
    }
    if (offsetOpt !== null)
      for (let i = 0; i < rows.length; i++) offset[i]! += offsetOpt[rows[i]!]!;
  }
  return {
    formula: frame.formula,
    nobs: rows.length,
    columns,
    response: null,
    offset,
    weights: null,
    droppedRows: dropped,
    rows,
  };
}
