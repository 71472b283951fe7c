/** Base class of every error thrown by @likelihood/optim. */
export class OptimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The objective is NaN or ±Infinity at the starting parameters (R: same message). */
export class NonFiniteStartError extends OptimError {
  constructor(
    readonly argument: string,
    readonly value: number,
  ) {
    super(`function cannot be evaluated at initial parameters (${argument}): value ${value}`);
  }
}

/** Two arguments whose lengths must agree do not (e.g. `par` and `lower`). */
export class DimensionMismatchError extends OptimError {
  constructor(
    readonly argument: string,
    readonly actual: number,
    readonly expected: number,
  ) {
    super(`${argument} has length ${actual}, expected ${expected} (the length of par)`);
  }
}

/** A user gradient returned a vector of the wrong length. */
export class GradientLengthError extends OptimError {
  constructor(
    readonly actual: number,
    readonly expected: number,
  ) {
    super(`gradient (gr) evaluated to length ${actual}, expected ${expected}`);
  }
}

/** An argument is outside its domain (a non-finite start, lower > upper, a bad control value). */
export class InvalidArgumentError extends OptimError {
  constructor(
    readonly argument: string,
    detail: string,
  ) {
    super(`${argument}: ${detail}`);
  }
}

/** The objective or gradient became non-finite where the method cannot proceed. */
export class NonFiniteValueError extends OptimError {
  constructor(
    readonly argument: string,
    detail: string,
  ) {
    super(`${argument}: ${detail}`);
  }
}
