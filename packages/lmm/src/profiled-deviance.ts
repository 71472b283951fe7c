import { allocateFactor, type BlockedFactor, updateLInPlace } from './blocked-cholesky.js';
import type { LmmSystem } from './lmm-system.js';

/** The pieces of the profiled objective read off L_θ. */
export interface FactorSummary {
  /** log|L_θ|² = 2 Σ log diag of the random-effects part of L. */
  readonly logDetL2: number;
  /** log|R_X|² = 2 Σ log diag of the X part. */
  readonly logDetRX2: number;
  /** r²_θ, the penalized residual sum of squares (last diagonal entry of L, squared). */
  readonly pwrss: number;
}

/** Reads log|L_θ|², log|R_X|² and r²_θ off an updated factor. */
export function factorSummary(sys: LmmSystem, f: BlockedFactor): FactorSummary {
  const { p1, nl1, m, qRest, p } = sys;
  let ld = 0;
  const L11 = f.L11;
  for (let j = 0; j < nl1; j++) {
    const base = j * p1 * p1;
    for (let c = 0; c < p1; c++) ld += Math.log(L11[base + c + c * p1]!);
  }
  const Lrr = f.Lrr;
  for (let i = 0; i < qRest; i++) ld += Math.log(Lrr[i + i * m]!);
  let ldx = 0;
  for (let i = qRest; i < qRest + p; i++) ldx += Math.log(Lrr[i + i * m]!);
  const r = Lrr[m * m - 1]!;
  return { logDetL2: 2 * ld, logDetRX2: 2 * ldx, pwrss: r * r };
}

/**
 * Profiled deviance (Bates et al. 2015, JSS, eqs. 34 and 41):
 * ML:   −2ℓ(θ)    = log|L_θ|² + n (1 + log(2π r²_θ / n));
 * REML: −2ℓ_R(θ) = log|L_θ|² + log|R_X|² + (n − p)(1 + log(2π r²_θ / (n − p))).
 */
export function devianceFromSummary(s: FactorSummary, n: number, p: number, reml: boolean): number {
  const nu = reml ? n - p : n;
  const ld = reml ? s.logDetL2 + s.logDetRX2 : s.logDetL2;
  return ld + nu * (1 + Math.log((2 * Math.PI * s.pwrss) / nu));
}

/** A profiled objective `theta → number` with the factor it updates. */
export interface ProfiledDeviance {
  readonly objective: (theta: ArrayLike<number>) => number;
  readonly factor: BlockedFactor;
  readonly system: LmmSystem;
  readonly reml: boolean;
}

/**
 * lme4's `mkLmerDevfun`, MixedModels.jl's `objective(updateL!(setθ!(m, θ)))`: returns the
 * profiled deviance (ML) or REML criterion as a function of θ alone. The function updates one
 * factor in place (not re-entrant); +∞ if the rest block is not positive definite.
 */
export function lmmDeviance(sys: LmmSystem, reml: boolean): ProfiledDeviance {
  const factor = allocateFactor(sys);
  const objective = (theta: ArrayLike<number>): number => {
    updateLInPlace(sys, theta, factor);
    if (factor.failedAt >= 0) return Number.POSITIVE_INFINITY;
    return devianceFromSummary(factorSummary(sys, factor), sys.n, sys.p, reml);
  };
  return { objective, factor, system: sys, reml };
}
