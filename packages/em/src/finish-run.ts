import type { EMResult, EMWarning } from './types.js';

/** Where a run (plain EM or SQUAREM) stopped: its result but for the warnings. */
export type RunEnd<P> = Omit<EMResult<P>, 'warnings'>;

/**
 * The `EMResult` of a finished run: appends (mutating `warnings`) a `'non-convergence'`
 * warning naming the last stopping statistics when the run hit `maxIter` steps (EM
 * "iterations", SQUAREM "cycles") without converging.
 */
export function finishRun<P>(
  scheme: 'EM' | 'SQUAREM',
  maxIter: number,
  end: RunEnd<P>,
  warnings: EMWarning[],
): EMResult<P> {
  if (!end.converged) {
    const unit = scheme === 'EM' ? 'iterations' : 'cycles';
    warnings.push({
      type: 'non-convergence',
      iteration: end.iterations,
      message: `${scheme} did not converge in ${maxIter} ${unit} (last relative log-likelihood change ${end.lastLogLikChange}, parameter change ${end.lastParamChange})`,
    });
  }
  return { ...end, warnings };
}
