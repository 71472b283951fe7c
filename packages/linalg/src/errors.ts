/** Base class of every error thrown by @likelihood/linalg. */
export class LinalgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Operand shapes do not conform. */
export class DimensionError extends LinalgError {}

/** An operand holds NaN or ±Infinity at (row, col). */
export class NonFiniteError extends LinalgError {
  constructor(
    readonly argument: string,
    readonly row: number,
    readonly col: number,
    readonly value: number,
  ) {
    super(`${argument} has a non-finite entry ${value} at row ${row}, column ${col}`);
  }
}

/** A matrix that must be square is not, e.g. the input of a Cholesky factorization. */
export class NotSquareError extends LinalgError {
  constructor(
    readonly argument: string,
    readonly rows: number,
    readonly cols: number,
  ) {
    super(`${argument} must be square, got ${rows} × ${cols}`);
  }
}

/**
 * A symmetric matrix is not (numerically) positive definite: the Cholesky pivot at
 * `index` (0-based) was not positive (`value` is the would-be squared diagonal).
 */
export class NotPositiveDefiniteError extends LinalgError {
  constructor(
    readonly argument: string,
    readonly index: number,
    readonly value: number,
  ) {
    super(
      `${argument} is not positive definite: the leading minor of order ${index + 1} is not positive (pivot ${value} at index ${index})`,
    );
  }
}

/** A triangular factor has a zero (or non-finite) diagonal entry at `index`: it is singular. */
export class SingularMatrixError extends LinalgError {
  constructor(
    readonly argument: string,
    readonly index: number,
    readonly value: number,
  ) {
    super(`${argument} is singular: diagonal entry ${value} at index ${index}`);
  }
}
