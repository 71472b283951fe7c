import { DataError } from './errors.js';

/** A data column as users give it. `null`/`undefined` (and NaN) mark missing values. */
export type ColumnInput =
  | Float64Array
  | ArrayLike<number | null | undefined>
  | ArrayLike<string | null | undefined>
  | ArrayLike<boolean | null | undefined>;

/** Data in: columnar `{ column: values }` or an array of row objects. */
export type DataInput =
  | { readonly [column: string]: ColumnInput }
  | ReadonlyArray<{ readonly [column: string]: number | string | boolean | null | undefined }>;

/** A column after type detection: numbers (NaN missing), strings or logicals (null missing). */
export type RawColumn =
  | { readonly type: 'number'; readonly values: Float64Array }
  | { readonly type: 'string'; readonly values: readonly (string | null)[] }
  | { readonly type: 'logical'; readonly values: readonly (boolean | null)[] };

/** Columns by name plus the number of rows; columns are typed lazily, on first use. */
export interface DataTable {
  readonly nrows: number;
  readonly names: readonly string[];
  column(name: string): RawColumn | undefined;
}

function typeColumn(name: string, values: ArrayLike<unknown>): RawColumn {
  if (values instanceof Float64Array) return { type: 'number', values };
  const n = values.length;
  let kind: 'number' | 'string' | 'boolean' | null = null;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const t = typeof v;
    if (t !== 'number' && t !== 'string' && t !== 'boolean')
      throw new DataError(`column '${name}' has a value of type ${t} at row ${i}`);
    if (kind === null) kind = t as 'number' | 'string' | 'boolean';
    else if (kind !== t)
      throw new DataError(`column '${name}' mixes ${kind} and ${t} values (row ${i} is a ${t})`);
  }
  if (kind === 'string' || kind === 'boolean') {
    const out: (string | boolean | null)[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = (values[i] as string | boolean | null | undefined) ?? null;
    return kind === 'string'
      ? { type: 'string', values: out as (string | null)[] }
      : { type: 'logical', values: out as (boolean | null)[] };
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number | null | undefined;
    out[i] = v === null || v === undefined ? Number.NaN : v;
  }
  return { type: 'number', values: out };
}

/**
 * Wraps columnar data or row objects as a `DataTable`.
 * @throws DataError for ragged columns, mixed types or a non-object row.
 */
export function dataTable(data: DataInput): DataTable {
  const raw = new Map<string, ArrayLike<unknown>>();
  let nrows: number;
  if (Array.isArray(data)) {
    const rows = data as ReadonlyArray<Record<string, unknown>>;
    nrows = rows.length;
    const names: string[] = [];
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (row === null || typeof row !== 'object') throw new DataError(`row ${i} is not an object`);
      for (const k of Object.keys(row))
        if (!seen.has(k)) {
          seen.add(k);
          names.push(k);
        }
    });
    for (const name of names)
      raw.set(
        name,
        rows.map((r) => r[name]),
      );
  } else {
    if (data === null || typeof data !== 'object')
      throw new DataError('data must be an object of columns or an array of rows');
    const entries = Object.entries(data as Record<string, ArrayLike<unknown>>);
    nrows = entries.length === 0 ? 0 : entries[0]![1].length;
    for (const [name, values] of entries) {
      if (values === null || typeof values !== 'object' || typeof values.length !== 'number')
        throw new DataError(`column '${name}' is not an array`);
      if (values.length !== nrows)
        throw new DataError(
          `column '${name}' has ${values.length} rows, expected ${nrows} (as '${entries[0]![0]}')`,
        );
      raw.set(name, values);
    }
  }
  const typed = new Map<string, RawColumn>();
  return {
    nrows,
    names: [...raw.keys()],
    column(name) {
      let c = typed.get(name);
      if (c === undefined) {
        const values = raw.get(name);
        if (values === undefined) return undefined;
        c = typeColumn(name, values);
        typed.set(name, c);
      }
      return c;
    },
  };
}
