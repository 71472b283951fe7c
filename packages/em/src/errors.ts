/** Base class of every error thrown by @likelihood/em. */
export class EMError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad argument at the public edge (the message names the argument). */
export class EMInputError extends EMError {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}

/** The model lacks an optional method the requested computation needs. */
export class EMCapabilityError extends EMError {}
