import type { MixtureWarning } from './types.js';

/** Per-model bookkeeping of `'collapsing-component'` warnings. */
export interface CollapseWarnings {
  /** Counts one more M-step (the iteration the next warnings carry). */
  nextStep(): void;
  /** Pushes a warning for component k (0-based) unless k has already been reported. */
  warn(k: number, message: string): void;
}

/** Collects at most one `'collapsing-component'` warning per component into `warnings`. */
export function collapseWarnings(warnings: MixtureWarning[]): CollapseWarnings {
  let iteration = 0;
  const warned = new Set<number>();
  return {
    nextStep: () => {
      iteration++;
    },
    warn: (k, message) => {
      if (warned.has(k)) return;
      warned.add(k);
      warnings.push({ type: 'collapsing-component', component: k, iteration, message });
    },
  };
}
