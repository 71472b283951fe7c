import { qnorm, qt } from './distributions.js';
import { GlmArgumentError, GlmFitError } from './errors.js';
import { type GlmFitResult, glmFit } from './glm-fit.js';
import { glmDispersion, summaryGlm } from './glm-summary.js';
import { selectColumns } from './select-columns.js';
import { approxLinear, splineFmm } from './spline.js';

/** A confidence interval per coefficient; NaN bounds for aliased coefficients. */
export interface ConfintRow {
  readonly term: string;
  readonly lower: number;
  readonly upper: number;
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1))
    throw new GlmArgumentError('level', `must be in (0, 1), got ${level}`);
}

/**
 * Wald intervals beta_j -/+ z_{(1+level)/2} SE_j with the normal quantile whatever the family
 * (R's `confint.default`).
 */
export function confintWald(fit: GlmFitResult, level = 0.95): ConfintRow[] {
  checkLevel(level);
  const s = summaryGlm(fit);
  const z = qnorm((1 + level) / 2);
  const byName = new Map(s.coefficients.map((r) => [r.term, r]));
  return fit.columnNames.map((term) => {
    const r = byName.get(term);
    if (r === undefined) return { term, lower: Number.NaN, upper: Number.NaN };
    return { term, lower: r.estimate - z * r.stdError, upper: r.estimate + z * r.stdError };
  });
}

/** The profile of one coefficient: signed root statistic z (or tau) against beta_j. */
export interface CoefficientProfile {
  readonly term: string;
  /** 'z' for binomial/poisson, 'tau' when the dispersion is estimated. */
  readonly statisticName: 'z' | 'tau';
  /** Sorted signed roots sign(b - beta_j) sqrt((D(b) - D_hat) / phi). */
  readonly z: Float64Array;
  /** The profiled coefficient's values matching `z`. */
  readonly beta: Float64Array;
}

/** Options of `profileGlm` (MASS's `profile.glm` defaults). */
export interface ProfileOptions {
  /** Profile out to the (1 - alpha) level: zmax = sqrt(qchisq(1 - alpha, 1)). Default 0.01. */
  readonly alpha?: number;
  readonly maxsteps?: number;
  /** Step in units of SE; default zmax / 5. */
  readonly del?: number;
  /** Columns to profile (default all). */
  readonly which?: readonly number[];
}

/**
 * MASS's `profile.glm`: for each coefficient beta_j, fixes beta_j = beta_hat_j +/- k del SE_j
 * (k = 1, 2, ... while |z| < zmax and k < maxsteps), refits the other coefficients with
 * X_j beta_j moved into the offset, and records z = sign sqrt((D - D_hat) / phi).
 */
export function profileGlm(fit: GlmFitResult, options: ProfileOptions = {}): CoefficientProfile[] {
  const alpha = options.alpha ?? 0.01;
  const maxsteps = options.maxsteps ?? 10;
  const { X } = fit;
  const n = X.rows;
  const p = X.cols;
  const fam = fit.family.family;
  const zStat = fam === 'binomial' || fam === 'poisson';
  const zmax = zStat ? qnorm(1 - alpha / 2) : qt(1 - alpha / 2, n - p);
  const del = options.del ?? zmax / 5;
  const s = summaryGlm(fit);
  const se = new Map(s.coefficients.map((r) => [r.term, r.stdError]));
  const phi = glmDispersion(fit);
  const B0 = fit.coefficients;
  const nonA = Array.from(B0, (b) => !Number.isNaN(b));
  const which = options.which ?? Array.from({ length: p }, (_, j) => j);
  const out: CoefficientProfile[] = [];
  for (const i of which) {
    if (!nonA[i]) continue;
    const keep: number[] = [];
    for (let j = 0; j < p; j++) if (nonA[j] && j !== i) keep.push(j);
    const Xi = selectColumns(X, keep);
    const zs: number[] = [0];
    const bs: number[] = [B0[i]!];
    const sei = se.get(fit.columnNames[i]!)!;
    for (const sgn of [-1, 1]) {
      let step = 0;
      let z = 0;
      const LP = Float64Array.from(fit.offset);
      for (let j = 0; j < p; j++) {
        if (!nonA[j]) continue;
        for (let r = 0; r < n; r++) LP[r] = LP[r]! + X.data[j * n + r]! * B0[j]!;
      }
      while (++step < maxsteps && Math.abs(z) < zmax) {
        const bi = B0[i]! + sgn * step * del * sei;
        const o = new Float64Array(n);
        for (let r = 0; r < n; r++) o[r] = fit.offset[r]! + X.data[i * n + r]! * bi;
        const fm = glmFit(Xi, fit.response, fit.family, {
          weights: fit.userWeights,
          etastart: LP,
          offset: o,
          control: fit.control,
          intercept: false,
        });
        LP.set(fm.linearPredictors);
        let zz = (fm.deviance - fit.deviance) / phi;
        if (zz > -1e-3) zz = Math.max(zz, 0);
        else {
          throw new GlmFitError(
            'profiling has found a better solution, so original fit had not converged',
          );
        }
        z = sgn * Math.sqrt(zz);
        zs.push(z);
        bs.push(bi);
      }
    }
    const order = zs.map((_, k) => k).sort((a, b) => zs[a]! - zs[b]!);
    out.push({
      term: fit.columnNames[i]!,
      statisticName: zStat ? 'z' : 'tau',
      z: Float64Array.from(order, (k) => zs[k]!),
      beta: Float64Array.from(order, (k) => bs[k]!),
    });
  }
  return out;
}

/**
 * Profile-likelihood intervals as MASS's `confint.glm`: profiles with alpha = (1 - level) / 4,
 * interpolates beta against z by R's `spline` (FMM) and reads off z = qnorm((1 -/+ level) / 2)
 * by linear interpolation (R's `approx`). NaN when the profile does not reach the cutoff.
 */
export function confintProfile(fit: GlmFitResult, level = 0.95): ConfintRow[] {
  checkLevel(level);
  const profiles = profileGlm(fit, { alpha: (1 - level) / 4 });
  const a = (1 - level) / 2;
  const cut = [qnorm(a), qnorm(1 - a)] as const;
  const byName = new Map(profiles.map((pr) => [pr.term, pr]));
  return fit.columnNames.map((term) => {
    const pr = byName.get(term);
    if (pr === undefined) return { term, lower: Number.NaN, upper: Number.NaN };
    const sp = splineFmm(pr.beta, pr.z);
    return {
      term,
      lower: approxLinear(sp.y, sp.x, cut[0]),
      upper: approxLinear(sp.y, sp.x, cut[1]),
    };
  });
}
