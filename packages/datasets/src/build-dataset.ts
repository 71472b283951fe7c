import type { Column, Dataset, FactorInfo } from './dataset.js';

/** Description of a data set, shared by the literal and the packed encodings. */
export interface DatasetMeta {
  readonly name: string;
  readonly title: string;
  readonly doc: string;
  readonly license: string;
}

/** A factor column stored as 0-based codes into `levels` (`-1` = missing). */
export interface FactorSpec {
  readonly levels: readonly string[];
  readonly ordered: boolean;
  readonly codes: readonly number[];
}

/**
 * Build a {@link Dataset} from the literal encoding of the generated modules: numeric columns
 * as number arrays (`NaN` = missing), factor columns as codes into their levels. Internal.
 */
export function buildDataset<C extends Record<string, Column>>(
  meta: DatasetMeta,
  spec: Record<string, readonly number[] | FactorSpec>,
): Dataset<C> {
  const columns: Record<string, Column> = {};
  const factors: Record<string, FactorInfo> = {};
  let nrow = -1;
  for (const [name, col] of Object.entries(spec)) {
    if (isFactorSpec(col)) {
      columns[name] = decodeFactor(col.levels, col.codes);
      factors[name] = { levels: col.levels, ordered: col.ordered };
      nrow = col.codes.length;
    } else {
      columns[name] = Float64Array.from(col);
      nrow = col.length;
    }
  }
  return {
    ...meta,
    nrow,
    columnNames: Object.keys(spec),
    columns: columns as C,
    factors,
  };
}

function isFactorSpec(col: readonly number[] | FactorSpec): col is FactorSpec {
  return !Array.isArray(col);
}

/** Labels of a factor column from 0-based `codes` into `levels`; `-1` gives `null`. */
export function decodeFactor(
  levels: readonly string[],
  codes: ArrayLike<number>,
): Array<string | null> {
  const out = new Array<string | null>(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const k = codes[i];
    out[i] = k < 0 ? null : levels[k];
  }
  return out;
}
