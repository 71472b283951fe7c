/**
 * The shape every data set of this package has, and the shape `readCsv` returns: columnar
 * records that `@likelihood/formula` accepts directly.
 *
 * - Numeric columns are `Float64Array`s; a missing value is `NaN`.
 * - Factor (categorical) columns are arrays of their labels; a missing value is `null`. The
 *   level order (R's `levels()`) and whether the factor is ordered live in `factors[column]`.
 *   Every non-null label of a factor column is one of its levels.
 */

/** A numeric column; `NaN` marks a missing value (R's `NA`). */
export type NumericColumn = Float64Array;

/** A factor column: one label per row; `null` marks a missing value (R's `NA`). */
export type FactorColumn = Array<string | null>;

/** Any column of a {@link Dataset}. */
export type Column = NumericColumn | FactorColumn;

/** Level order of a factor column, as R's `levels(x)` and `is.ordered(x)` give them. */
export interface FactorInfo {
  readonly levels: readonly string[];
  readonly ordered: boolean;
}

/** The names of the factor (non-numeric) columns of a column record `C`. */
export type FactorNames<C> = {
  [K in keyof C]: C[K] extends Float64Array ? never : K;
}[keyof C];

/** A columnar data set: `nrow` rows, columns in the order of `columnNames`. */
export interface Dataset<C extends Record<string, Column> = Record<string, Column>> {
  /** Name of the data set (the name of its export, e.g. `sleepstudy`, `instEval`). */
  readonly name: string;
  /** One-line description. */
  readonly title: string;
  /** Provenance (repository, package or publication), licence, variables and units. */
  readonly doc: string;
  /** Licence or terms of use of the data. */
  readonly license: string;
  /** Number of rows. */
  readonly nrow: number;
  /** Column names in file order (object key order is not reliable for names such as `"1"`). */
  readonly columnNames: readonly string[];
  /** The columns, each of length `nrow`. */
  readonly columns: C;
  /** Level order of every factor column (keyed by column name; see {@link FactorNames}). */
  readonly factors: Readonly<Record<string, FactorInfo>>;
}

/** True when `column` is numeric (a `Float64Array`). */
export function isNumericColumn(column: Column): column is NumericColumn {
  return column instanceof Float64Array;
}

/**
 * Integer codes of a factor column: `codes[i] = levels.indexOf(column[i])` (0-based), `-1` for a
 * missing value — R's `as.integer(f) - 1`.
 */
export function factorCodes(column: FactorColumn, levels: readonly string[]): Int32Array {
  const index = new Map<string, number>();
  for (let k = 0; k < levels.length; k++) index.set(levels[k], k);
  const codes = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const label = column[i];
    codes[i] = label === null ? -1 : (index.get(label) ?? -1);
  }
  return codes;
}
