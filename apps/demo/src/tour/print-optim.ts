import { printNamedVector, printVector } from '../format/r-print.js';
import { printMatrix } from './print-matrix.js';

/**
 * R's print of an `optim()` result list (`digits` as `options(digits)`), with its Hessian.
 * `blankLines: false` drops the empty line R prints after each element, as the knitr output of
 * seed 000 shows it.
 */
export function printOptimList(
  r: {
    par: ArrayLike<number>;
    value: number;
    counts: { function: number; gradient: number | null };
    convergence: number;
    message: string | null;
    hessian?: Float64Array;
  },
  digits = 7,
  options: { blankLines?: boolean } = {},
): string {
  const out = [
    '$par',
    printVector(Array.from(r.par), digits),
    '',
    '$value',
    printVector([r.value], digits),
    '',
    '$counts',
    printNamedVector(['function', 'gradient'], [r.counts.function, r.counts.gradient], digits),
    '',
    '$convergence',
    `[1] ${r.convergence}`,
    '',
    '$message',
    r.message === null ? 'NULL' : `[1] "${r.message}"`,
  ];
  if (r.hessian !== undefined) {
    const p = r.par.length;
    out.push('', '$hessian', printSquare(r.hessian, p, digits));
  }
  return (options.blankLines === false ? out.filter((line) => line !== '') : out).join('\n');
}

/** R's print of an unnamed square matrix given row-major: `[1,]` rows, `[,1]` columns. */
export function printSquare(rowMajor: ArrayLike<number>, p: number, digits = 7): string {
  const cols = Array.from({ length: p }, (_, j) =>
    Array.from({ length: p }, (_, i) => rowMajor[i * p + j]!),
  );
  return printMatrix(
    Array.from({ length: p }, (_, i) => `[${i + 1},]`),
    Array.from({ length: p }, (_, j) => `[,${j + 1}]`),
    cols,
    digits,
  );
}
