/** Base class of every error thrown by `@likelihood/glm`. */
export class GlmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad argument at the public edge; `argument` names it (e.g. `weights`, `y`, `X`). */
export class GlmArgumentError extends GlmError {
  readonly argument: string;
  constructor(argument: string, message: string) {
    super(`${argument}: ${message}`);
    this.argument = argument;
  }
}

/** A response value outside the support of the family (e.g. a negative Poisson count). */
export class ResponseSupportError extends GlmError {
  readonly row: number;
  readonly value: number;
  constructor(family: string, row: number, value: number, rule: string) {
    super(`y[${row}] = ${value} is outside the support of the ${family} family: ${rule}`);
    this.row = row;
    this.value = value;
  }
}

/** NaN or ±Infinity where a finite number is required; names the argument and row. */
export class NonFiniteInputError extends GlmError {
  readonly argument: string;
  readonly row: number;
  constructor(argument: string, row: number, value: number, column?: string) {
    super(
      `${argument}${column === undefined ? '' : ` column '${column}'`} has a non-finite value ${value} at row ${row}`,
    );
    this.argument = argument;
    this.row = row;
  }
}

/** A vector whose length does not match the number of observations. */
export class LengthMismatchError extends GlmError {
  readonly argument: string;
  constructor(argument: string, actual: number, expected: number) {
    super(`${argument} has length ${actual}, expected ${expected} (one per observation)`);
    this.argument = argument;
  }
}

/** The IRLS could not produce a valid deviance/eta/mu even after step-halving. */
export class GlmFitError extends GlmError {}
