import { describe, expect, it } from 'vitest';
import { vegetables } from './data/vegetables.js';
import { CsvError } from './errors.js';
// R's levels of factor(store) after read.csv(colClasses = c(store = "character")), computed by
// scripts/checksums.R from /work/shared/data/vegetables.csv.
import checksums from './fixtures/checksums.json' with { type: 'json' };
import { readCsv } from './read-csv.js';

/** The CsvError thrown by `f` (fails the test when nothing or something else is thrown). */
function csvError(f: () => unknown): CsvError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CsvError);
    return e as CsvError;
  }
  throw new Error('expected a CsvError');
}

describe('readCsv: types', () => {
  it('reads numbers as Float64Array and strings as factors with R-sorted levels', () => {
    const d = readCsv('y,res,x\n1,Suva,0.5\n2,urban,-1e-3\n3,rural,".25"\n');
    expect(d.nrow).toBe(3);
    expect(d.columnNames).toEqual(['y', 'res', 'x']);
    expect(d.columns.y).toEqual(Float64Array.from([1, 2, 3]));
    // Quoted numbers are numbers, as in R's read.csv; exact decimal parsing (no tolerance).
    expect(d.columns.x).toEqual(Float64Array.from([0.5, -0.001, 0.25]));
    expect(d.columns.res).toEqual(['Suva', 'urban', 'rural']);
    expect(d.factors).toEqual({ res: { levels: ['rural', 'Suva', 'urban'], ordered: false } });
  });

  it('keeps quoted commas, quotes and line breaks inside fields', () => {
    const d = readCsv('name,n\n"Smith, J.",1\n"say ""hi""",2\n"two\nlines",3\n');
    expect(d.columns.name).toEqual(['Smith, J.', 'say "hi"', 'two\nlines']);
    expect(d.columns.n).toEqual(Float64Array.from([1, 2, 3]));
  });

  it('accepts CRLF line ends, a byte-order mark and skips blank lines', () => {
    const d = readCsv('\ufeffa,b\r\n1,x\r\n\r\n2,y\r\n');
    expect(d.columnNames).toEqual(['a', 'b']);
    expect(d.columns.a).toEqual(Float64Array.from([1, 2]));
    expect(d.columns.b).toEqual(['x', 'y']);
  });

  it('reads the header-only text as zero rows', () => {
    const d = readCsv('a,b\n');
    expect(d.nrow).toBe(0);
    expect(d.columns.a).toEqual(new Float64Array(0));
  });
});

describe('readCsv: missing values', () => {
  it('reads NA and empty fields as NaN in numeric and null in factor columns', () => {
    const d = readCsv('x,g\n1,a\nNA,\n,NA\n4,b\n');
    expect(Array.from(d.columns.x as Float64Array)).toEqual([1, Number.NaN, Number.NaN, 4]);
    expect(d.columns.g).toEqual(['a', null, null, 'b']);
    expect(d.factors.g.levels).toEqual(['a', 'b']);
  });

  it('honours naStrings; then "NA" is an ordinary label', () => {
    const d = readCsv('x,g\n-99,NA\n2,b\n', { naStrings: ['-99'] });
    expect(Array.from(d.columns.x as Float64Array)).toEqual([Number.NaN, 2]);
    expect(d.columns.g).toEqual(['NA', 'b']);
  });

  it('reads an all-missing column as numeric NaN', () => {
    const d = readCsv('x,y\nNA,1\n,2\n');
    expect(Array.from(d.columns.x as Float64Array)).toEqual([Number.NaN, Number.NaN]);
  });
});

describe('readCsv: overrides', () => {
  it('factors: numeric-looking ids become a factor with levels sorted as strings', () => {
    const d = readCsv('sale,store\n5,10\n6,2\n7,1\n8,10\n', { factors: ['store'] });
    expect(d.columns.store).toEqual(['10', '2', '1', '10']);
    expect(d.factors.store).toEqual({ levels: ['1', '10', '2'], ordered: false });
    expect(readCsv('sale,store\n5,10\n6,2\n').columns.store).toEqual(Float64Array.from([10, 2]));
  });

  it("factors: vegetables' store levels equal R's read.csv(colClasses = 'character') + factor()", () => {
    const { sale, normalSale, store } = vegetables.columns;
    const lines = ['sale,normalSale,store'];
    for (let i = 0; i < vegetables.nrow; i++) lines.push(`${sale[i]},${normalSale[i]},${store[i]}`);
    const d = readCsv(lines.join('\n'), { factors: ['store'] });
    const rLevels = checksums.datasets.vegetables.checks.store.levels;
    expect(rLevels).toHaveLength(352);
    expect(d.factors.store.levels).toEqual(rLevels);
    expect(d.columns.sale).toEqual(sale);
  });

  it('levels: given order and ordering; a label outside them is an error naming line and column', () => {
    const text = 'w,score\n1,5\n6,7\n2,3\n';
    const d = readCsv(text, { levels: { w: { levels: ['6', '2', '1'], ordered: true } } });
    expect(d.factors.w).toEqual({ levels: ['6', '2', '1'], ordered: true });
    const e = csvError(() => readCsv(text, { levels: { w: { levels: ['6', '1'] } } }));
    expect(e.line).toBe(4);
    expect(e.column).toBe('w');
    expect(e.message).toBe('line 4, column "w": "2" is not one of the given levels');
  });

  it('numeric: a non-number is an error naming the line and the column', () => {
    const e = csvError(() => readCsv('a,b\n1,2\n3,x4\n', { numeric: ['b'] }));
    expect(e.line).toBe(3);
    expect(e.column).toBe('b');
    expect(e.message).toBe('line 3, column "b": "x4" is not a number (the column is numeric)');
  });

  it('rejects options that name unknown columns or ask for both types', () => {
    expect(csvError(() => readCsv('a\n1\n', { factors: ['b'] })).column).toBe('b');
    expect(csvError(() => readCsv('a\n1\n', { numeric: ['a'], factors: ['a'] })).message).toMatch(
      /both numeric and a factor/,
    );
  });
});

describe('readCsv: malformed text', () => {
  it('too few fields: names the line and the first missing column', () => {
    const e = csvError(() => readCsv('a,b,c\n1,2,3\n4,5\n'));
    expect([e.line, e.column]).toEqual([3, 'c']);
    expect(e.message).toBe(
      'line 3: expected 3 fields but found 2 (column "c" and after are missing)',
    );
  });

  it('too many fields: names the line', () => {
    const e = csvError(() => readCsv('a,b\n1,2\n\n3,4,5\n'));
    // The blank line 3 is skipped but still counted.
    expect(e.line).toBe(4);
    expect(e.message).toBe('line 4: expected 2 fields but found 3 (1 field(s) beyond column "b")');
  });

  it('line numbers count line breaks inside quoted fields', () => {
    const e = csvError(() => readCsv('a,b\n"x\ny\nz",1\n2\n'));
    expect(e.line).toBe(5);
  });

  it('unterminated quote: names the line and the column where it opens', () => {
    const e = csvError(() => readCsv('a,b,c\n1,2,3\n4,"5,6\n7,8,9\n'));
    expect([e.line, e.column]).toEqual([3, 'b']);
    expect(e.message).toMatch(/^line 3, column "b": quoted field unterminated$/);
  });

  it('malformed quote (text after a closing quote): names line and column', () => {
    const e = csvError(() => readCsv('a,b\n1,2\n3,"4"x\n'));
    expect([e.line, e.column]).toEqual([3, 'b']);
  });

  it('empty text, empty or repeated header names', () => {
    expect(csvError(() => readCsv('')).message).toMatch(/empty/);
    expect(csvError(() => readCsv('\n\n')).message).toMatch(/empty/);
    expect(csvError(() => readCsv('a,,c\n1,2,3\n')).message).toBe(
      'line 1: header field 2 is empty',
    );
    expect(csvError(() => readCsv('"",x\n"1",2\n')).message).toBe(
      "line 1: header field 1 is empty (a row-names column written by R's write.csv? give it a name)",
    );
    const dup = csvError(() => readCsv('a,b,a\n1,2,3\n'));
    expect([dup.line, dup.column, dup.message]).toEqual([
      1,
      'a',
      'line 1: column name "a" appears twice',
    ]);
  });

  it('every message is a single line', () => {
    const cases = ['a,b\n1\n', 'a,b\n"1,2\n', 'a,a\n', ''];
    for (const text of cases) expect(csvError(() => readCsv(text)).message).not.toContain('\n');
  });
});
