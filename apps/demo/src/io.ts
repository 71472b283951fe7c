/** Where a command writes: stdout carries results (one JSON document with --json), stderr messages. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal, so progress may be shown there. */
  readonly stderrIsTty?: boolean;
}
