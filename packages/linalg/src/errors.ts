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
