/** Base class of every error thrown by @likelihood/expfam. */
export class ExpfamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A link name that R's `make.link` does not know, or a link object without the needed methods. */
export class LinkError extends ExpfamError {}

/** A value outside the domain of a family or link (e.g. `y < 0` for Poisson, `mu` outside (0, 1) for logit). */
export class DomainError extends ExpfamError {}

/** Counts that must be non-negative integers are not (negative, non-integer or non-finite). */
export class CountError extends ExpfamError {}

/** Vector arguments whose lengths do not conform. */
export class LengthError extends ExpfamError {}

/** A cell partition that does not cover 1…K exactly once. */
export class PartitionError extends ExpfamError {}

/** A user parametrization ψ ↦ p(ψ) that returned a vector of the wrong length or not summing to 1. */
export class ParametrizationError extends ExpfamError {}
