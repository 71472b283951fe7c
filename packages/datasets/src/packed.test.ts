import { describe, expect, it } from 'vitest';
import type { Dataset } from './dataset.js';
import { packDataset } from './pack-dataset.js';
import { unpackDataset } from './packed.js';

function dataset(columns: Dataset['columns'], factors: Dataset['factors']): Dataset {
  const columnNames = Object.keys(columns);
  return {
    name: 't',
    title: 'test',
    doc: 'doc',
    license: 'MIT',
    nrow: columns[columnNames[0]].length,
    columnNames,
    columns,
    factors,
  };
}

describe('packDataset / unpackDataset', () => {
  it('round-trips every storage type exactly, with missing values', () => {
    const n = 600;
    const bigLevels = Array.from({ length: 300 }, (_, k) => `L${k}`);
    const data = dataset(
      {
        real: Float64Array.from({ length: n }, (_, i) =>
          i === 7 ? Number.NaN : Math.sin(i) * 1e5,
        ),
        small: Float64Array.from({ length: n }, (_, i) => i % 200),
        medium: Float64Array.from({ length: n }, (_, i) => i * 100),
        negative: Float64Array.from({ length: n }, (_, i) => -(i + 1) * 1e4),
        negZero: Float64Array.from({ length: n }, (_, i) => (i === 0 ? -0 : i)),
        huge: Float64Array.from({ length: n }, (_, i) => i * 2 ** 40),
        f8: Array.from({ length: n }, (_, i) => (i === 3 ? null : ['b', 'a', 'c'][i % 3])),
        f16: Array.from({ length: n }, (_, i) => (i === 5 ? null : bigLevels[(i * 7) % 300])),
      },
      {
        f8: { levels: ['c', 'b', 'a'], ordered: true },
        f16: { levels: bigLevels, ordered: false },
      },
    );
    const packed = packDataset(data);
    expect(packed.columns.map((c) => c.type)).toEqual([
      'f64',
      'u8',
      'u16',
      'i32',
      'f64', // -0 is not an integer of any integer type
      'f64',
      'factor8',
      'factor16',
    ]);
    const back = unpackDataset(packed);
    expect(back.nrow).toBe(n);
    expect(back.columnNames).toEqual(data.columnNames);
    // Binary storage: bit-for-bit equality, NaN included (toEqual treats NaN as equal to NaN).
    for (const name of data.columnNames) expect(back.columns[name]).toEqual(data.columns[name]);
    expect(back.factors).toEqual(data.factors);
    expect([back.name, back.title, back.doc, back.license]).toEqual(['t', 'test', 'doc', 'MIT']);
  });

  it('is deterministic (the generated modules do not change between runs)', () => {
    const data = dataset({ x: Float64Array.from([1.5, 2, 3]) }, {});
    expect(packDataset(data).base64Gzip).toBe(packDataset(data).base64Gzip);
  });
});
