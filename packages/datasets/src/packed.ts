import { gunzipSync } from 'fflate';
import { type DatasetMeta, decodeFactor } from './build-dataset.js';
import type { Column, Dataset, FactorInfo } from './dataset.js';

/**
 * Storage type of one column in the packed (binary) encoding used for the large data sets:
 * `f64` a little-endian Float64 per row; `u8`/`u16`/`i32` integers (a numeric column whose
 * values are all integers in range); `factor8`/`factor16` 0-based level codes, the largest
 * code value (255 / 65535) meaning missing.
 */
export type PackedType = 'f64' | 'i32' | 'u16' | 'u8' | 'factor8' | 'factor16';

/** One column of a packed data set. */
export interface PackedColumn {
  readonly name: string;
  readonly type: PackedType;
  readonly levels?: readonly string[];
  readonly ordered?: boolean;
}

/**
 * A data set packed as the base64 text of the gzip of its columns laid end to end (each column
 * `nrow` values of its storage type, little-endian). Internal: produced by
 * `scripts/generate.ts`, read by {@link unpackDataset}.
 */
export interface PackedDataset extends DatasetMeta {
  readonly nrow: number;
  readonly columns: readonly PackedColumn[];
  readonly base64Gzip: string;
}

const BYTES: Record<PackedType, number> = {
  f64: 8,
  i32: 4,
  u16: 2,
  u8: 1,
  factor8: 1,
  factor16: 2,
};

/** Size in bytes of one value of a storage type. */
export function packedWidth(type: PackedType): number {
  return BYTES[type];
}

/** Decode base64 (RFC 4648) to bytes with the platform's `atob` (browsers, Node >= 16). */
function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Inflate a {@link PackedDataset} into a {@link Dataset}. */
export function unpackDataset<C extends Record<string, Column>>(packed: PackedDataset): Dataset<C> {
  const bytes = gunzipSync(base64ToBytes(packed.base64Gzip));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = packed.nrow;
  const columns: Record<string, Column> = {};
  const factors: Record<string, FactorInfo> = {};
  let offset = 0;
  for (const col of packed.columns) {
    const width = BYTES[col.type];
    if (col.type === 'factor8' || col.type === 'factor16') {
      const missing = col.type === 'factor8' ? 0xff : 0xffff;
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const k = width === 1 ? view.getUint8(offset + i) : view.getUint16(offset + 2 * i, true);
        codes[i] = k === missing ? -1 : k;
      }
      const levels = col.levels ?? [];
      columns[col.name] = decodeFactor(levels, codes);
      factors[col.name] = { levels, ordered: col.ordered ?? false };
    } else {
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = readNumber(view, col.type, offset + width * i);
      columns[col.name] = x;
    }
    offset += width * n;
  }
  return {
    name: packed.name,
    title: packed.title,
    doc: packed.doc,
    license: packed.license,
    nrow: n,
    columnNames: packed.columns.map((c) => c.name),
    columns: columns as C,
    factors,
  };
}

function readNumber(view: DataView, type: PackedType, at: number): number {
  switch (type) {
    case 'f64':
      return view.getFloat64(at, true);
    case 'i32':
      return view.getInt32(at, true);
    case 'u16':
      return view.getUint16(at, true);
    default:
      return view.getUint8(at);
  }
}
