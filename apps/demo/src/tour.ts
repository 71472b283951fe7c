import { fromRows, toMatrix } from '@likelihood/linalg';

export interface TourResult {
  text: string;
  json: Record<string, unknown>;
}

/** The tour of what the packages can do; grows as packages land. */
export function tour(): TourResult {
  const a = fromRows([
    [4, 2],
    [2, 3],
  ]);
  const text = `@likelihood tour\n\nlinalg: a column-major 2x2 matrix as ml-matrix sees it\n${toMatrix(a).toString()}\n`;
  return { text, json: { linalg: { matrix: Array.from(a.data) } } };
}
