/** Base class of every error thrown by @likelihood/mixture. */
export class MixtureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad argument at the public edge; `argument` names it (and the message the entry at fault). */
export class MixtureInputError extends MixtureError {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}

/** Data hold NaN or +-Infinity at `row` (and `column` for multivariate data). */
export class NonFiniteDataError extends MixtureInputError {
  constructor(
    argument: string,
    readonly row: number,
    readonly column: number,
    readonly value: number,
  ) {
    super(argument, `non-finite value ${value} at row ${row}, column ${column}`);
  }
}

/** More components than distinct data points. */
export class TooManyComponentsError extends MixtureInputError {}

/** Shapes do not conform (e.g. a start with means of the wrong dimension). */
export class MixtureDimensionError extends MixtureInputError {}

/** Mixture weights of a user-supplied start do not form a probability vector. */
export class InvalidWeightsError extends MixtureInputError {}
