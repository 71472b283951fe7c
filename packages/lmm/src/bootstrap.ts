import { LmmInputError } from './errors.js';
import type { LmmFit } from './lmm-fit.js';
import { refitSystem } from './lmm-from-matrices.js';
import { buildLmmSystem } from './lmm-system.js';
import { simulateLmm } from './simulate.js';

/** Refits the model of `fit` to a new response (same X, Z, REML setting and optimizer). */
export function refitResponse(fit: LmmFit, y: Float64Array): LmmFit {
  const sys = fit.system;
  if (y.length !== sys.n) throw new LmmInputError('y', `has length ${y.length}, expected ${sys.n}`);
  for (let i = 0; i < y.length; i++)
    if (!Number.isFinite(y[i]!)) throw new LmmInputError('y', `non-finite value at row ${i}`);
  return refitSystem(fit, buildLmmSystem(sys.terms, sys.X, y), fit.reml);
}

/** lme4's parameter vector for intervals: sd_/cor_ of each term, sigma, then the fixed effects. */
export function lmeParameters(fit: LmmFit): { names: string[]; values: number[] } {
  const names: string[] = [];
  const values: number[] = [];
  for (const g of fit.varCorr) {
    const p = g.terms.length;
    for (let j = 0; j < p; j++) {
      names.push(`sd_${g.terms[j]}|${g.group}`);
      values.push(g.sds[j]!);
      for (let i = j + 1; i < p; i++) {
        names.push(`cor_${g.terms[i]}.${g.terms[j]}|${g.group}`);
        values.push(g.correlation.get(i, j));
      }
    }
  }
  names.push('sigma');
  values.push(fit.sigma);
  fit.colnames.forEach((c, i) => {
    names.push(c);
    values.push(fit.beta[i]!);
  });
  return { names, values };
}

export interface BootstrapOptions {
  readonly nsim: number;
  readonly seed: number;
  /** Called after each refit with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BootstrapResult {
  readonly names: string[];
  /** `samples[s][k]`: parameter k (see {@link lmeParameters}) of bootstrap replicate s. */
  readonly samples: number[][];
  /** Replicates whose refit reported a warning (e.g. singular); kept in `samples`. */
  readonly warnings: string[];
}

/**
 * Parametric bootstrap (lme4's `bootMer` with `simulate`): `nsim` responses simulated from the
 * fit (seeded), each refitted; collects the sd/cor/sigma/fixed-effect parameters.
 */
export function parametricBootstrap(fit: LmmFit, options: BootstrapOptions): BootstrapResult {
  const ys = simulateLmm(fit, options.nsim, options.seed);
  const samples: number[][] = [];
  const warnings: string[] = [];
  const { names } = lmeParameters(fit);
  ys.forEach((y, s) => {
    const r = refitResponse(fit, y);
    samples.push(lmeParameters(r).values);
    for (const w of r.warnings) warnings.push(`replicate ${s + 1}: ${w}`);
    options.onProgress?.(s + 1, options.nsim);
  });
  return { names, samples, warnings };
}
