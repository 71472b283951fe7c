import { formatReal } from '@likelihood/glm';

/**
 * R's `print()` of a numeric matrix with row and column names: each column formatted on its
 * own with `format(x, digits)` (R's `formatReal`), row names left-aligned, column headers and
 * values right-aligned to the column's width, columns separated by one space.
 */
export function printMatrix(
  rowNames: readonly string[],
  colNames: readonly string[],
  columns: readonly (readonly number[])[],
  digits = 7,
): string {
  const cells = columns.map((col) => formatReal(col, digits).map((s) => s.trim()));
  const widths = colNames.map((h, j) => Math.max(h.length, ...cells[j]!.map((s) => s.length)));
  const rw = Math.max(0, ...rowNames.map((s) => s.length));
  const lines = [''.padEnd(rw) + colNames.map((h, j) => ` ${h.padStart(widths[j]!)}`).join('')];
  rowNames.forEach((name, i) => {
    lines.push(name.padEnd(rw) + cells.map((c, j) => ` ${c[i]!.padStart(widths[j]!)}`).join(''));
  });
  return lines.join('\n');
}

/**
 * R's `print()` of a long named numeric vector (`width = 80`): values formatted together with
 * `format(x, digits)`, every cell right-aligned to the widest name or value and followed by one
 * space, `floor(80 / (w + 1))` cells per line, each block a line of names then a line of values.
 */
export function printNamedVectorWrapped(
  names: readonly string[],
  xs: readonly number[],
  digits = 7,
  width = 80,
): string {
  const values = formatReal(xs, digits).map((s) => s.trim());
  const w = Math.max(...names.map((s) => s.length), ...values.map((s) => s.length));
  const perLine = Math.max(1, Math.floor(width / (w + 1)));
  const lines: string[] = [];
  for (let i = 0; i < xs.length; i += perLine) {
    const cell = (s: string) => `${s.padStart(w)} `;
    lines.push(
      names
        .slice(i, i + perLine)
        .map(cell)
        .join(''),
    );
    lines.push(
      values
        .slice(i, i + perLine)
        .map(cell)
        .join(''),
    );
  }
  return lines.join('\n');
}
