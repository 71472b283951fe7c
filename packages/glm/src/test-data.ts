import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A CSV fixture as columns: numeric-looking columns as numbers, others as strings. */
export type Columns = Record<string, number[] | string[]>;

/** Reads `src/fixtures/<name>` (test-only helper; quoted fields without embedded commas). */
export function readCsvFixture(name: string): Columns {
  const text = readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const unq = (s: string) => s.replace(/^"(.*)"$/, '$1');
  const header = lines[0]!.split(',').map(unq);
  const raw = header.map(() => [] as string[]);
  const quoted = header.map(() => false);
  for (const line of lines.slice(1)) {
    line.split(',').forEach((cell, j) => {
      if (cell.startsWith('"')) quoted[j] = true;
      raw[j]!.push(unq(cell));
    });
  }
  const out: Columns = {};
  header.forEach((h, j) => {
    const col = raw[j]!;
    const numeric = !quoted[j] && col.every((s) => s !== '' && Number.isFinite(Number(s)));
    out[h] = numeric ? col.map(Number) : col;
  });
  return out;
}

/** Reads a JSON fixture. */
export function readJsonFixture<T>(name: string): T {
  const p = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  return JSON.parse(readFileSync(p, 'utf8')) as T;
}

/** Treatment-coded indicator columns for `levels[1..]` of a string column (test design helper). */
export function treatmentColumns(values: readonly string[], levels: readonly string[]): number[][] {
  return levels.slice(1).map((lv) => values.map((v) => (v === lv ? 1 : 0)));
}

/** Column-major design from column arrays (test helper). */
export function designFromColumns(cols: readonly (readonly number[])[]): {
  rows: number;
  cols: number;
  data: Float64Array;
} {
  const n = cols[0]!.length;
  const data = new Float64Array(n * cols.length);
  for (let j = 0; j < cols.length; j++) data.set(cols[j]!, j * n);
  return { rows: n, cols: cols.length, data };
}

/** Column names of R's model.matrix(~ dur + res + educ, ceb): treatment coding, R's level order. */
export const CEB_COLUMN_NAMES: readonly string[] = [
  '(Intercept)',
  'dur10-14',
  'dur15-19',
  'dur20-24',
  'dur25-29',
  'dur5-9',
  'resSuva',
  'resurban',
  'educnone',
  'educsec+',
  'educupper',
];

/** R's model.matrix(count ~ spray, InsectSprays) (treatment coding, levels A–F) and y = count. */
export function insectSpraysDesign(): { X: ReturnType<typeof designFromColumns>; y: number[] } {
  const d = readCsvFixture('InsectSprays.csv');
  const spray = d.spray as string[];
  const X = designFromColumns([
    spray.map(() => 1),
    ...treatmentColumns(spray, ['A', 'B', 'C', 'D', 'E', 'F']),
  ]);
  return { X, y: d.count as number[] };
}

/**
 * R's model.matrix(~ period, lme4::cbpp) (treatment coding, levels 1–4) and the binomial
 * response cbind(incidence, size − incidence).
 */
export function cbppDesign(): {
  X: ReturnType<typeof designFromColumns>;
  y: { successes: number[]; failures: number[] };
} {
  const d = readCsvFixture('cbpp.csv');
  const period = d.period as string[];
  const inc = d.incidence as number[];
  const size = d.size as number[];
  const X = designFromColumns([
    period.map(() => 1),
    ...treatmentColumns(period, ['1', '2', '3', '4']),
  ]);
  return { X, y: { successes: inc, failures: inc.map((s, i) => size[i]! - s) } };
}
