import { formatReal } from './format-real.js';

/**
 * R's `print.default` of a numeric matrix (printMatrix): each column formatted on its own by
 * `formatReal(column, digits)`, its width the larger of the entries' and the column label's;
 * row labels left-aligned to a common width, column labels right-aligned, one space between
 * columns. `X` is column-major rows x cols; labels default to R's `[i,]` and `[,j]`.
 */
export function printRealMatrix(
  X: { readonly rows: number; readonly cols: number; readonly data: ArrayLike<number> },
  digits: number,
  rowNames?: readonly string[],
  colNames?: readonly string[],
): string {
  const { rows, cols } = X;
  const rn = rowNames ?? Array.from({ length: rows }, (_, i) => `[${i + 1},]`);
  const cn = colNames ?? Array.from({ length: cols }, (_, j) => `[,${j + 1}]`);
  const rw = Math.max(0, ...rn.map((s) => s.length));
  const columns: string[][] = [];
  for (let j = 0; j < cols; j++) {
    const col = Array.from({ length: rows }, (_, i) => X.data[i + j * rows]!);
    const cells = formatReal(col, digits);
    const w = Math.max(cn[j]!.length, ...cells.map((s) => s.length));
    columns.push([cn[j]!.padStart(w), ...cells.map((s) => s.padStart(w))]);
  }
  const lines: string[] = [];
  for (let i = 0; i <= rows; i++) {
    const label = i === 0 ? '' : rn[i - 1]!;
    lines.push(label.padEnd(rw) + columns.map((c) => ` ${c[i]}`).join(''));
  }
  return lines.join('\n');
}

/**
 * R's print of a named vector (printNamedVector) with already formatted values: names and
 * values right-aligned to one common width, separated by a space, each line ending in a space.
 */
export function printNamedVector(names: readonly string[], values: readonly string[]): string {
  const w = Math.max(...names.map((s) => s.length), ...values.map((s) => s.length));
  const line = (r: readonly string[]) => `${r.map((s) => s.padStart(w)).join(' ')} `;
  return `${line(names)}\n${line(values)}`;
}

/**
 * mclust's `catwrap(x)`: `cat(strwrap(x, width = 80), "\n")` — words filled greedily into
 * lines shorter than 80 characters, the lines joined by newlines, then a space.
 */
export function catwrap(text: string, width = 80): string {
  const words = text.split(/\s+/).filter((s) => s.length > 0);
  const lines: string[] = [];
  let cur = '';
  for (const word of words) {
    if (cur === '') cur = word;
    else if (cur.length + 1 + word.length < width) cur += ` ${word}`;
    else {
      lines.push(cur);
      cur = word;
    }
  }
  lines.push(cur);
  return `${lines.join('\n')} `;
}
