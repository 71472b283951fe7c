import { type EMControl, type EMModel, type EMResult, runEM } from '@likelihood/em';
import type { DenseMatrix } from '@likelihood/linalg';
import { MixtureInputError } from './errors.js';
import { mixtureRng } from './rng.js';
import type { MixtureFitInfo, MixtureRun, MixtureWarning } from './types.js';

/** EM control of every mixture fit unless overridden: relative l change <= 1e-10, 10 000 steps. */
export const DEFAULT_CONTROL: EMControl = { tol: 1e-10, criterion: 'loglik', maxIter: 10_000 };

/** The permutation sorting `key` increasingly. */
export function orderBy(key: ArrayLike<number>): Int32Array {
  const idx = Int32Array.from({ length: key.length }, (_, k) => k);
  return idx.sort((a, b) => key[a]! - key[b]!);
}

/** One start of a fit: the parameters and how they were obtained. */
export interface MixtureStart<P> {
  readonly theta: P;
  readonly run: Pick<MixtureRun, 'start' | 'seed'>;
}

/** What `bestOfStarts` keeps: the best EM run, its warnings, and a record of every run. */
export interface BestRun<P> {
  readonly fit: EMResult<P>;
  readonly warnings: MixtureWarning[];
  readonly runs: MixtureRun[];
}

/**
 * Seeded starts r = 0..restarts-1 (default 3), start r from `make(rng, seed + r)` with
 * `mixtureRng(seed + r)` (default seed 1). Throws unless `restarts` is a positive integer.
 */
export function seededStarts<P>(
  restarts: number | undefined,
  seed: number | undefined,
  make: (rng: ReturnType<typeof mixtureRng>) => P,
): MixtureStart<P>[] {
  const R = restarts ?? 3;
  if (!Number.isInteger(R) || R < 1)
    throw new MixtureInputError('restarts', `must be a positive integer, got ${R}`);
  const seed0 = seed ?? 1;
  return Array.from({ length: R }, (_, r) => ({
    theta: make(mixtureRng(seed0 + r)),
    run: { start: 'kmeans++', seed: seed0 + r },
  }));
}

/**
 * Runs EM from every start (each with a fresh model from `model(warnings)`, which collects that
 * run's warnings) and keeps the run with the largest l (a NaN l is replaced by any later run);
 * the kept run's warnings get the engine's warnings appended.
 */
export function bestOfStarts<P, S>(
  starts: readonly MixtureStart<P>[],
  model: (warnings: MixtureWarning[]) => EMModel<P, S>,
  control: EMControl,
): BestRun<P> {
  const runs: MixtureRun[] = [];
  let best: { fit: EMResult<P>; warnings: MixtureWarning[] } | undefined;
  for (const s of starts) {
    const warnings: MixtureWarning[] = [];
    const fit = runEM(model(warnings), s.theta, control);
    runs.push({
      ...s.run,
      logLik: fit.logLik,
      iterations: fit.iterations,
      converged: fit.converged,
    });
    if (best === undefined || fit.logLik > best.fit.logLik || Number.isNaN(best.fit.logLik)) {
      for (const w of fit.warnings)
        warnings.push({ type: w.type, iteration: w.iteration, message: w.message });
      best = { fit, warnings };
    }
  }
  return { ...best!, runs };
}

/** The component order of a result: `'mean'` by default for seeded starts, `'none'` for a user start. */
export function resultOrder(
  order: 'mean' | 'none' | undefined,
  userStart: boolean,
): 'mean' | 'none' {
  return order ?? (userStart ? 'none' : 'mean');
}

/**
 * The fit record shared by every mixture: l, df, BIC = -2 l + df log n and mclust's
 * 2 l - df log n, the EM summary (iterations, convergence, trace) of `best.fit`, the posterior
 * and classification at the reported parameters, every run and the warnings.
 */
export function mixtureFitInfo<P>(
  best: BestRun<P>,
  K: number,
  n: number,
  df: number,
  post: { posterior: DenseMatrix; classification: Int32Array },
): MixtureFitInfo {
  const { fit } = best;
  return {
    K,
    n,
    logLik: fit.logLik,
    df,
    bic: -2 * fit.logLik + df * Math.log(n),
    bicMclust: 2 * fit.logLik - df * Math.log(n),
    iterations: fit.iterations,
    converged: fit.converged,
    trace: fit.trace,
    posterior: post.posterior,
    classification: post.classification,
    runs: best.runs,
    warnings: best.warnings,
  };
}
