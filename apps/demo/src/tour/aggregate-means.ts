import type { FactorColumn } from '@likelihood/datasets';
import { sumExtended } from '@likelihood/linalg';

/**
 * R's `mean()` of doubles: the sum accumulated in long double (emulated by `sumExtended`)
 * divided by n, then refined by the mean residual, so cell means are R's to the last bit.
 */
function meanR(x: readonly number[]): number {
  const m = sumExtended(x) / x.length;
  return m + sumExtended(x.map((v) => v - m)) / x.length;
}

/** One row per observed combination of the grouping factors, with the mean response. */
export interface AggregatedMeans {
  readonly columns: Record<string, string[] | Float64Array>;
  readonly nrow: number;
}

/**
 * R's `aggregate(y ~ a * b, data, FUN = mean)`: the mean of `y` within each observed cell of the
 * factors `by`, cells ordered with the first factor varying fastest (levels in `levels` order).
 */
export function aggregateMeans(
  y: Float64Array,
  response: string,
  by: readonly { name: string; values: FactorColumn; levels: readonly string[] }[],
): AggregatedMeans {
  const sizes = by.map((f) => f.levels.length);
  const ncell = sizes.reduce((a, b) => a * b, 1);
  const cells: number[][] = Array.from({ length: ncell }, () => []);
  const index = by.map((f) => new Map(f.levels.map((l, k) => [l, k])));
  for (let i = 0; i < y.length; i++) {
    let cell = 0;
    let stride = 1;
    by.forEach((f, j) => {
      cell += index[j]!.get(f.values[i]!)! * stride;
      stride *= sizes[j]!;
    });
    cells[cell]!.push(y[i]!);
  }
  const columns: Record<string, string[] | Float64Array> = {};
  for (const f of by) columns[f.name] = [];
  const means: number[] = [];
  for (let cell = 0; cell < ncell; cell++) {
    if (cells[cell]!.length === 0) continue;
    let rest = cell;
    by.forEach((f, j) => {
      (columns[f.name] as string[]).push(f.levels[rest % sizes[j]!]!);
      rest = Math.floor(rest / sizes[j]!);
    });
    means.push(meanR(cells[cell]!));
  }
  columns[response] = Float64Array.from(means);
  return { columns, nrow: means.length };
}
