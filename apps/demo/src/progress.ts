import type { Io } from './io.js';

/** A progress line for long work: shown on stderr only when stderr is a terminal. */
export interface Progress {
  /** Replaces the progress line with `message` (at most every `intervalMs`). */
  tick(message: string): void;
  /** Clears the progress line. */
  done(): void;
}

/**
 * Progress on stderr as one line rewritten in place (`\r` + erase-line), throttled to one write
 * per `intervalMs`. Silent when stderr is not a terminal, so logs, pipes and `--json` output
 * never carry it.
 */
export function createProgress(
  io: Io,
  label: string,
  options: { intervalMs?: number; now?: () => number } = {},
): Progress {
  if (io.stderrIsTty !== true) return { tick() {}, done() {} };
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? Date.now;
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    tick(message) {
      const t = now();
      if (t - last < interval) return;
      last = t;
      shown = true;
      io.stderr(`\r\x1b[K${label}: ${message}`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[K');
      shown = false;
    },
  };
}
