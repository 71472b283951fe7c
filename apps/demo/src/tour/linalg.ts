import { fromRows, toMatrix } from '@likelihood/linalg';
import type { TourSection } from './section.js';

export function linalgSection(): TourSection {
  const a = fromRows([
    [4, 2],
    [2, 3],
  ]);
  return {
    key: 'linalg',
    title: 'Column-major matrices',
    shows: 'A column-major Float64Array matrix and its ml-matrix view.',
    text: toMatrix(a).toString(),
    json: { rows: a.rows, cols: a.cols, data: Array.from(a.data) },
  };
}
