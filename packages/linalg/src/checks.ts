import type { DenseMatrix } from './dense.js';
import { DimensionError, NonFiniteError, NotSquareError } from './errors.js';

/** Throws `NotSquareError` unless `A` is square. */
export function assertSquare(A: DenseMatrix, arg: string): void {
  if (A.rows !== A.cols) throw new NotSquareError(arg, A.rows, A.cols);
}

/** Throws `DimensionError` unless `x.length === n`. */
export function assertLength(x: ArrayLike<number>, n: number, arg: string, what: string): void {
  if (x.length !== n) {
    throw new DimensionError(`${arg} has length ${x.length}, expected ${n} (${what})`);
  }
}

/** Throws `DimensionError` unless `A` is `rows × cols` (`-1` = any). */
export function assertShape(
  A: DenseMatrix,
  rows: number,
  cols: number,
  arg: string,
  what: string,
): void {
  if ((rows >= 0 && A.rows !== rows) || (cols >= 0 && A.cols !== cols)) {
    throw new DimensionError(
      `${arg} is ${A.rows} × ${A.cols}, expected ${rows < 0 ? 'any' : rows} × ${cols < 0 ? 'any' : cols} (${what})`,
    );
  }
}

/** Throws `NonFiniteError` naming `arg` and the index of the first NaN or ±Infinity in `x`. */
export function assertFiniteVector(x: ArrayLike<number>, arg: string): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new NonFiniteError(arg, i, 0, x[i]);
  }
}
