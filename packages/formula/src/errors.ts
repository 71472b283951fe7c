/** Base class of every error thrown by @likelihood/formula. */
export class FormulaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The formula text cannot be read. `position` is the 0-based column in `formula` where the
 * problem starts; the message repeats the formula with a caret under that column.
 */
export class FormulaSyntaxError extends FormulaError {
  constructor(
    readonly formula: string,
    readonly position: number,
    readonly reason: string,
  ) {
    super(
      `${reason} at column ${position} of the formula\n  ${formula}\n  ${' '.repeat(position)}^`,
    );
  }
}

/** A variable of the formula names a column the data do not have. */
export class UnknownColumnError extends FormulaError {
  constructor(
    readonly column: string,
    readonly available: readonly string[],
    /** The 0-based column of the formula text where the name appears, when known. */
    readonly position: number | null = null,
  ) {
    super(
      `unknown column '${column}' in the formula${position === null ? '' : ` at column ${position}`} (data columns: ${available.slice(0, 20).join(', ')}${available.length > 20 ? ', …' : ''})`,
    );
  }
}

/** A data column or a computed variable holds ±Infinity (or a computed NaN) at `row`. */
export class NonFiniteValueError extends FormulaError {
  constructor(
    readonly variable: string,
    readonly row: number,
    readonly value: number,
  ) {
    super(`variable '${variable}' has the non-finite value ${value} at row ${row}`);
  }
}

/** Data are malformed: ragged columns, wrong types, bad weights or offsets. */
export class DataError extends FormulaError {}

/** A factor cannot be built or coded (unknown level, too few levels for contrasts). */
export class FactorError extends FormulaError {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`factor '${variable}': ${message}`);
  }
}

/** A function or operator of the formula cannot be evaluated on the data. */
export class EvaluationError extends FormulaError {}
