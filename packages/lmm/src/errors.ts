/** Base class of every error thrown by @likelihood/lmm. */
export class LmmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An argument has the wrong shape, length or type; the message names the argument. */
export class LmmInputError extends LmmError {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}

/** The response is not a finite numeric vector (names the first offending row). */
export class NonNumericResponseError extends LmmInputError {}

/** A grouping factor has a missing (negative / NaN / null) code at some row. */
export class MissingGroupingValueError extends LmmInputError {
  constructor(
    readonly group: string,
    readonly row: number,
  ) {
    super(`grouping factor '${group}'`, `missing value at row ${row}`);
  }
}

/** A grouping factor has fewer than two levels (lme4: "grouping factors must have > 1 sampled level"). */
export class SingleLevelGroupingError extends LmmInputError {
  constructor(
    readonly group: string,
    nlevels: number,
  ) {
    super(`grouping factor '${group}'`, `must have more than one sampled level, has ${nlevels}`);
  }
}

/**
 * The random-effects design has as many or more random effects than observations
 * (lme4: "number of levels of each grouping factor must be < number of observations").
 */
export class TooManyRandomEffectsError extends LmmInputError {
  constructor(
    readonly group: string,
    readonly nRandomEffects: number,
    readonly nobs: number,
  ) {
    super(
      `random-effects term for '${group}'`,
      `has ${nRandomEffects} random effects for ${nobs} observations; it must have fewer random effects than observations`,
    );
  }
}
