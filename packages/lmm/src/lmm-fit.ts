import { chol2inv, dense, toMatrix } from '@likelihood/linalg';
import { Matrix } from 'ml-matrix';
import type { BlockedFactor } from './blocked-cholesky.js';
import type { LmmSystem } from './lmm-system.js';
import type { OptimizedTheta, OptimizerSummary, ThetaOptimizer } from './optimize-theta.js';
import { plsSolution, uConditionalBlocks } from './pls-solution.js';
import { devianceFromSummary, factorSummary } from './profiled-deviance.js';
import { lambdaBlockInto, thetaLower, thetaNames } from './re-terms.js';
import { type VarCorrGroup, varCorr } from './var-corr.js';

/** One row of the fixed-effects table. */
export interface FixefRow {
  readonly term: string;
  readonly estimate: number;
  readonly stdError: number;
  readonly tValue: number;
}

/** Conditional modes of one random-effects term, with conditional SDs when computed. */
export interface RanefTerm {
  readonly group: string;
  readonly terms: readonly string[];
  readonly levels: readonly string[];
  /** `values[a][l]`: effect of column a at level l. */
  readonly values: Float64Array[];
  /** `condSd[a][l]`, or null when not computed (see {@link LmmFit.notes}). */
  readonly condSd: Float64Array[] | null;
  /** Conditional covariance blocks (p×p column-major per level), or null. */
  readonly condVar: Float64Array | null;
}

/** A fitted linear mixed model (read-only record). */
export interface LmmFit {
  readonly reml: boolean;
  readonly formula: string | null;
  readonly responseName: string;
  readonly nobs: number;
  readonly colnames: readonly string[];
  readonly beta: Float64Array;
  readonly fixef: Readonly<Record<string, number>>;
  readonly coefficients: readonly FixefRow[];
  /** σ² (R_XᵀR_X)⁻¹. */
  readonly vcov: Matrix;
  /** Correlation of the fixed-effects estimates. */
  readonly corrFixef: Matrix;
  readonly theta: Float64Array;
  readonly thetaNames: readonly string[];
  readonly thetaLower: Float64Array;
  readonly sigma: number;
  readonly varCorr: readonly VarCorrGroup[];
  readonly ranef: readonly RanefTerm[];
  readonly ngroups: Readonly<Record<string, number>>;
  readonly fitted: Float64Array;
  readonly residuals: Float64Array;
  readonly scaledResiduals: Float64Array;
  /** Objective at the optimum: REML criterion for REML fits, ML deviance otherwise. */
  readonly objective: number;
  /** REML criterion (REML fits) or null. */
  readonly remlCriterion: number | null;
  /** ML deviance −2ℓ (for REML fits: the ML profiled deviance at the REML θ̂, as lme4). */
  readonly deviance: number;
  /** −objective/2 (the REML log-likelihood for REML fits, as lme4's `logLik`). */
  readonly logLik: number;
  /** Number of parameters: p + length(θ) + 1. */
  readonly df: number;
  readonly aic: number;
  readonly bic: number;
  readonly dfResid: number;
  readonly singular: boolean;
  readonly optimizer: OptimizerSummary;
  readonly warnings: readonly string[];
  /** Informational notes that are not warnings (e.g. conditional variances not computed). */
  readonly notes: readonly string[];
  /** The blocked system (for refits, simulation, bootstrap). */
  readonly system: LmmSystem;
  /** Optimizer used, reused by refits. */
  readonly thetaOptimizer: ThetaOptimizer;
}

/** Above this many operations the conditional variances are skipped (with a warning). */
const COND_VAR_BUDGET = 2e8;

/**
 * lme4's `mkMerMod`: every result of the fit from the factor at the optimum θ̂ (the factor
 * must have been updated at `opt.theta`).
 */
export function lmmFit(
  sys: LmmSystem,
  f: BlockedFactor,
  opt: OptimizedTheta,
  reml: boolean,
  info: {
    colnames: readonly string[];
    responseName: string;
    formula: string | null;
    optimizer: ThetaOptimizer;
  },
): LmmFit {
  const { n, p, terms, X, y } = sys;
  const s = factorSummary(sys, f);
  const objective = devianceFromSummary(s, n, p, reml);
  const sigma2 = s.pwrss / (reml ? n - p : n);
  const sigma = Math.sqrt(sigma2);
  const sol = plsSolution(sys, f);
  const vcov = fixefVcov(sys, f, sigma2);
  const colnames = info.colnames;
  const coefficients = colnames.map((term, i) => {
    const se = Math.sqrt(vcov.get(i, i));
    return { term, estimate: sol.beta[i]!, stdError: se, tValue: sol.beta[i]! / se };
  });
  const corr = new Matrix(p, p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++)
      corr.set(i, j, vcov.get(i, j) / Math.sqrt(vcov.get(i, i) * vcov.get(j, j)));

  // fitted = Xβ + Zb
  const fitted = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const bj = sol.beta[j]!;
    const col = j * n;
    for (let i = 0; i < n; i++) fitted[i]! += X.data[col + i]! * bj;
  }
  for (const t of terms) {
    const codes = t.group.codes;
    for (let a = 0; a < t.p; a++) {
      const z = t.Zcols[a]!;
      for (let i = 0; i < n; i++) fitted[i]! += z[i]! * sol.b[t.offset + codes[i]! * t.p + a]!;
    }
  }
  const residuals = new Float64Array(n);
  const scaledResiduals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    residuals[i] = y[i]! - fitted[i]!;
    scaledResiduals[i] = residuals[i]! / sigma;
  }

  const warnings = [...opt.optimizer.warnings];
  const q = terms.reduce((acc, t) => acc + t.q, 0);
  const qRest = sys.qRest;
  const blocks =
    q * (qRest * qRest + sys.p1 * sys.p1) <= COND_VAR_BUDGET ? uConditionalBlocks(sys, f) : null;
  const notes: string[] = [];
  if (blocks === null)
    notes.push(
      'conditional variances not computed: the random-effects system is too large (condSd is null)',
    );
  const vc = varCorr(terms, opt.theta, sigma);
  const ranef: RanefTerm[] = terms.map((t, k) => {
    const values = t.termNames.map((_, a) => {
      const v = new Float64Array(t.nlevels);
      for (let l = 0; l < t.nlevels; l++) v[l] = sol.b[t.offset + l * t.p + a]!;
      return v;
    });
    let condVar: Float64Array | null = null;
    let condSd: Float64Array[] | null = null;
    if (blocks !== null) {
      const pk = t.p;
      const lam = new Float64Array(pk * pk);
      lambdaBlockInto(t, opt.theta, lam);
      condVar = new Float64Array(t.nlevels * pk * pk);
      for (let l = 0; l < t.nlevels; l++) {
        const S = blocks[k]!.subarray(l * pk * pk, (l + 1) * pk * pk);
        for (let i = 0; i < pk; i++)
          for (let j = 0; j < pk; j++) {
            let acc = 0;
            for (let a = 0; a <= i; a++)
              for (let b = 0; b <= j; b++)
                acc += lam[i + a * pk]! * S[a + b * pk]! * lam[j + b * pk]!;
            condVar[l * pk * pk + i + j * pk] = sigma2 * acc;
          }
      }
      const cv = condVar;
      condSd = t.termNames.map((_, a) =>
        Float64Array.from({ length: t.nlevels }, (_, l) =>
          Math.sqrt(cv[l * pk * pk + a + a * pk]!),
        ),
      );
    }
    return {
      group: vc[k]!.group,
      terms: t.termNames,
      levels: t.group.levels,
      values,
      condSd,
      condVar,
    };
  });
  const ngroups: Record<string, number> = {};
  for (const t of terms) ngroups[t.group.name] = t.nlevels;

  const ntheta = opt.theta.length;
  const df = p + ntheta + 1;
  const logLik = -objective / 2;
  // lme4's `deviance()` of a REML fit: the ML profiled deviance at θ̂ (σ and β profiled),
  // log|L|² + n(1 + log(2π r²/n))
  const deviance = reml ? devianceFromSummary(s, n, p, false) : objective;
  const fixef: Record<string, number> = {};
  colnames.forEach((c, i) => {
    fixef[c] = sol.beta[i]!;
  });
  return {
    reml,
    formula: info.formula,
    responseName: info.responseName,
    nobs: n,
    colnames,
    beta: sol.beta,
    fixef,
    coefficients,
    vcov,
    corrFixef: corr,
    theta: opt.theta,
    thetaNames: thetaNames(terms),
    thetaLower: thetaLower(terms),
    sigma,
    varCorr: vc,
    ranef,
    ngroups,
    fitted,
    residuals,
    scaledResiduals,
    objective,
    remlCriterion: reml ? objective : null,
    deviance,
    logLik,
    df,
    aic: objective + 2 * df,
    bic: objective + df * Math.log(n),
    dfResid: n - df,
    singular: opt.singular,
    optimizer: opt.optimizer,
    warnings,
    notes,
    system: sys,
    thetaOptimizer: info.optimizer,
  };
}

/** σ² (R_X R_Xᵀ)⁻¹ from the X rows of the rest block (R_X lower here, lme4's RXᵀ): `chol2inv`. */
function fixefVcov(sys: LmmSystem, f: BlockedFactor, sigma2: number): Matrix {
  const { p, m, qRest } = sys;
  const RX = dense(p, p);
  for (let c = 0; c < p; c++)
    for (let r = c; r < p; r++) RX.data[r + c * p] = f.Lrr[qRest + r + (qRest + c) * m]!;
  const V = chol2inv(RX);
  for (let i = 0; i < V.data.length; i++) V.data[i]! *= sigma2;
  return toMatrix(V);
}
