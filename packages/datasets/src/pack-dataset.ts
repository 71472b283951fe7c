import { gzipSync } from 'fflate';
import type { Column, Dataset } from './dataset.js';
import { factorCodes, isNumericColumn } from './dataset.js';
import { type PackedColumn, type PackedDataset, type PackedType, packedWidth } from './packed.js';

/** Smallest storage type that holds every value of a numeric column exactly (-0 and NaN need f64). */
function numericType(x: Float64Array): PackedType {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!Number.isInteger(v) || Object.is(v, -0)) return 'f64';
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo >= 0 && hi <= 0xff) return 'u8';
  if (lo >= 0 && hi <= 0xffff) return 'u16';
  if (lo >= -0x80000000 && hi <= 0x7fffffff) return 'i32';
  return 'f64';
}

/** Base64 (RFC 4648) of bytes with the platform's `btoa`. */
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * Pack a data set into the compressed encoding read by `unpackDataset` (the inverse): each
 * column in its smallest exact storage type, laid end to end little-endian, gzipped (level 9),
 * base64. Used by `scripts/generate.ts` for the large data sets.
 */
export function packDataset(data: Dataset<Record<string, Column>>): PackedDataset {
  const n = data.nrow;
  const columns: PackedColumn[] = [];
  const parts: Uint8Array[] = [];
  for (const name of data.columnNames) {
    const col = data.columns[name];
    let type: PackedType;
    if (isNumericColumn(col)) {
      type = numericType(col);
      const buf = new Uint8Array(packedWidth(type) * n);
      const view = new DataView(buf.buffer);
      for (let i = 0; i < n; i++) {
        if (type === 'f64') view.setFloat64(8 * i, col[i], true);
        else if (type === 'i32') view.setInt32(4 * i, col[i], true);
        else if (type === 'u16') view.setUint16(2 * i, col[i], true);
        else view.setUint8(i, col[i]);
      }
      columns.push({ name, type });
      parts.push(buf);
    } else {
      const info = data.factors[name];
      type = info.levels.length < 0xff ? 'factor8' : 'factor16';
      const codes = factorCodes(col, info.levels);
      const buf = new Uint8Array(packedWidth(type) * n);
      const view = new DataView(buf.buffer);
      for (let i = 0; i < n; i++) {
        const k = codes[i] < 0 ? (type === 'factor8' ? 0xff : 0xffff) : codes[i];
        if (type === 'factor8') view.setUint8(i, k);
        else view.setUint16(2 * i, k, true);
      }
      columns.push({ name, type, levels: [...info.levels], ordered: info.ordered });
      parts.push(buf);
    }
  }
  const total = parts.reduce((s, p) => s + p.length, 0);
  const raw = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    raw.set(p, offset);
    offset += p.length;
  }
  return {
    name: data.name,
    title: data.title,
    doc: data.doc,
    license: data.license,
    nrow: n,
    columns,
    base64Gzip: bytesToBase64(gzipSync(raw, { level: 9, mtime: 0 })),
  };
}
