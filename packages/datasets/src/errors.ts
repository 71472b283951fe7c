/** Base class of every error thrown by @likelihood/datasets. */
export class DatasetsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A CSV text (or an option of `readCsv`) cannot be read. `line` is the 1-based line of the file
 * on which the offending record starts (the header is line 1), or `null` when the problem is
 * not tied to a line (e.g. an option naming an unknown column); `column` names the column at
 * fault, or is `null` when none applies.
 */
export class CsvError extends DatasetsError {
  constructor(
    message: string,
    readonly line: number | null,
    readonly column: string | null,
  ) {
    super(message);
  }
}

/** `loadDataset` was asked for a name that is not a bundled data set. */
export class UnknownDatasetError extends DatasetsError {
  constructor(
    readonly requested: string,
    readonly available: readonly string[],
  ) {
    super(`unknown data set "${requested}"; available: ${available.join(', ')}`);
  }
}
