/** One example of the tour: what it shows (one line), its R-style printout and its JSON. */
export interface TourSection {
  readonly key: string;
  readonly title: string;
  readonly shows: string;
  readonly text: string;
  /** Plain data; NaN and ±Infinity (R's NA, Inf) stay numbers here and become null in `toJson`. */
  readonly json: unknown;
}
