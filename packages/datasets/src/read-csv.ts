import Papa from 'papaparse';
import { sortedLevelsR } from './compare-strings-r.js';
import type { Column, Dataset, FactorColumn, FactorInfo } from './dataset.js';
import { CsvError } from './errors.js';

/** Options of {@link readCsv}. */
export interface ReadCsvOptions {
  /** Columns read as factors even when every field looks numeric (e.g. store ids). */
  readonly factors?: readonly string[];
  /** Columns that must be numeric: a field that is not a number is an error. */
  readonly numeric?: readonly string[];
  /** Explicit level order (and ordering) of factor columns; a label not listed is an error. */
  readonly levels?: Readonly<Record<string, { levels: readonly string[]; ordered?: boolean }>>;
  /** Field values that mean "missing" (R's `na.strings`). Default `["NA", ""]`. */
  readonly naStrings?: readonly string[];
  /** Name given to the result. Default `"data"`. */
  readonly name?: string;
}

/** A decimal number as R's `type.convert` reads it: `12`, `-0.5`, `.5`, `1e-3`, `+3.`. */
const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

interface RawRecord {
  fields: string[];
  line: number;
}

/**
 * Read a comma-separated text with a header row into a {@link Dataset}, as R's
 * `read.csv(text, na.strings = naStrings)` followed by `factor()` on the character columns.
 *
 * - A column is numeric when every non-missing field is a decimal number (quoted or not, as in
 *   R); its missing fields become `NaN`. Any other column is a factor whose missing fields
 *   become `null`, with levels in R's sorted string order ({@link compareStringsR}) unless
 *   `levels` gives them.
 * - `factors` forces numeric-looking columns to factors; their levels are then sorted as
 *   strings (`"1" < "10" < "2"`), as R's `read.csv(colClasses = "character")` then `factor()`.
 * - `numeric` forces a column to be numeric; a field that is not a number throws.
 * - Blank lines are skipped; `\n`, `\r\n` and `\r` line ends are accepted.
 *
 * Throws {@link CsvError} naming the 1-based line (the header is line 1) and the column of a
 * malformed record: a wrong number of fields, an unterminated or malformed quote, a
 * non-number in a numeric column, a label outside given `levels`; and for an empty text, an
 * empty or duplicated header name, or an option naming an unknown column.
 */
export function readCsv(text: string, options: ReadCsvOptions = {}): Dataset {
  const naStrings = new Set(options.naStrings ?? ['NA', '']);
  const { header, records } = parseRecords(text);
  checkOptionColumns(header, options);
  const nrow = records.length;
  const forcedFactor = new Set([...(options.factors ?? []), ...Object.keys(options.levels ?? {})]);
  const forcedNumeric = new Set(options.numeric ?? []);
  const columns: Record<string, Column> = {};
  const factors: Record<string, FactorInfo> = {};
  for (let j = 0; j < header.length; j++) {
    const name = header[j];
    const numeric =
      forcedNumeric.has(name) || (!forcedFactor.has(name) && looksNumeric(records, j, naStrings));
    if (numeric) {
      columns[name] = numericColumn(records, j, name, naStrings);
    } else {
      const values: FactorColumn = new Array<string | null>(nrow);
      for (let i = 0; i < nrow; i++) {
        const field = records[i].fields[j];
        values[i] = naStrings.has(field) ? null : field;
      }
      const given = options.levels?.[name];
      factors[name] = given
        ? checkedLevels(values, records, name, given.levels, given.ordered ?? false)
        : { levels: sortedLevelsR(values), ordered: false };
      columns[name] = values;
    }
  }
  return {
    name: options.name ?? 'data',
    title: 'Data read by readCsv',
    doc: 'Data read from a CSV text by readCsv.',
    license: 'unknown',
    nrow,
    columnNames: header,
    columns,
    factors,
  };
}

function looksNumeric(records: readonly RawRecord[], j: number, naStrings: Set<string>): boolean {
  for (const r of records) {
    const field = r.fields[j];
    if (!naStrings.has(field) && !NUMBER.test(field)) return false;
  }
  return true;
}

function numericColumn(
  records: readonly RawRecord[],
  j: number,
  name: string,
  naStrings: Set<string>,
): Float64Array {
  const out = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const field = records[i].fields[j];
    if (naStrings.has(field)) {
      out[i] = Number.NaN;
    } else if (NUMBER.test(field)) {
      out[i] = Number(field);
    } else {
      throw new CsvError(
        `line ${records[i].line}, column "${name}": "${field}" is not a number (the column is numeric)`,
        records[i].line,
        name,
      );
    }
  }
  return out;
}

function checkedLevels(
  values: FactorColumn,
  records: readonly RawRecord[],
  name: string,
  levels: readonly string[],
  ordered: boolean,
): FactorInfo {
  const known = new Set(levels);
  if (known.size !== levels.length) {
    throw new CsvError(`levels of column "${name}" repeat a label`, null, name);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && !known.has(v)) {
      throw new CsvError(
        `line ${records[i].line}, column "${name}": "${v}" is not one of the given levels`,
        records[i].line,
        name,
      );
    }
  }
  return { levels: [...levels], ordered };
}

function checkOptionColumns(header: readonly string[], options: ReadCsvOptions): void {
  const names = new Set(header);
  const check = (option: string, columns: Iterable<string>) => {
    for (const c of columns) {
      if (!names.has(c)) {
        throw new CsvError(
          `option ${option} names column "${c}", which is not in the header (${header.join(', ')})`,
          null,
          c,
        );
      }
    }
  };
  check('factors', options.factors ?? []);
  check('numeric', options.numeric ?? []);
  check('levels', Object.keys(options.levels ?? {}));
  for (const c of options.numeric ?? []) {
    if (options.factors?.includes(c) || options.levels?.[c]) {
      throw new CsvError(`column "${c}" cannot be both numeric and a factor`, null, c);
    }
  }
}

/** Split `text` into the header and the records, each with the line it starts on. */
function parseRecords(text: string): { header: string[]; records: RawRecord[] } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: RawRecord[] = [];
  let start = 0;
  let line = 1;
  let failure: CsvError | null = null;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: ',',
    skipEmptyLines: false,
    step: (result, parser) => {
      const fields = result.data;
      if (result.errors.length > 0) {
        const error = result.errors[0];
        const at = error.index ?? start;
        const errorLine = line + countLineBreaks(text, start, Math.min(at, text.length));
        const column = rows.length > 0 ? (rows[0].fields[fields.length - 1] ?? null) : null;
        failure = new CsvError(
          `line ${errorLine}${column === null ? '' : `, column "${column}"`}: ${error.message.toLowerCase()}`,
          errorLine,
          column,
        );
        parser.abort();
        return;
      }
      if (!(fields.length === 1 && fields[0] === '')) rows.push({ fields, line });
      const end = result.meta.cursor;
      line += countLineBreaks(text, start, end);
      start = end;
    },
  });
  if (failure) throw failure;
  if (rows.length === 0) throw new CsvError('the CSV text is empty (no header line)', null, null);
  const [head, ...records] = rows;
  const header = head.fields;
  const seen = new Set<string>();
  header.forEach((name, j) => {
    if (name === '') {
      const hint = j === 0 ? " (a row-names column written by R's write.csv? give it a name)" : '';
      throw new CsvError(
        `line ${head.line}: header field ${j + 1} is empty${hint}`,
        head.line,
        null,
      );
    }
    if (seen.has(name)) {
      throw new CsvError(`line ${head.line}: column name "${name}" appears twice`, head.line, name);
    }
    seen.add(name);
  });
  for (const r of records) {
    if (r.fields.length !== header.length) {
      const n = r.fields.length;
      const column = n < header.length ? header[n] : null;
      const detail =
        n < header.length
          ? `column "${column}" and after are missing`
          : `${n - header.length} field(s) beyond column "${header[header.length - 1]}"`;
      throw new CsvError(
        `line ${r.line}: expected ${header.length} fields but found ${n} (${detail})`,
        r.line,
        column,
      );
    }
  }
  return { header, records };
}

/** Number of line breaks (`\n`, `\r\n`, or a lone `\r`) in `text[from, to)`. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}
