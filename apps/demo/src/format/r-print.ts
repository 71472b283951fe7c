import { formatReal } from '@likelihood/glm';

/** R's print of an unnamed numeric vector on one line: `[1] 0.07085 0.18872`. */
export function printVector(xs: readonly number[], digits = 7): string {
  return `[1] ${formatReal(xs, digits).join(' ')}`;
}

/**
 * R's print of a named vector: names and values right-aligned to a common width, each followed
 * by one space, e.g. `function gradient \n      71       NA `. `null` prints as NA.
 */
export function printNamedVector(
  names: readonly string[],
  xs: readonly (number | null)[],
  digits = 7,
): string {
  const values = formatReal(
    xs.map((x) => (x === null ? Number.NaN : x)),
    digits,
  ).map((s) => s.trim());
  const w = Math.max(...names.map((s) => s.length), ...values.map((s) => s.length));
  const line = (cells: readonly string[]) => cells.map((s) => `${s.padStart(w)} `).join('');
  return `${line(names)}\n${line(values)}`;
}
