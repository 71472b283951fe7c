import type { DataInput } from '@likelihood/formula';
import { type GlmModel, type GlmOptions, glm } from './glm-model.js';
import { type GlmSparseModel, glmSparse, summaryGlmSparse } from './glm-sparse.js';
import { type GlmSummary, logLikGlm, summaryGlm } from './glm-summary.js';
import { modelFrame, modelMatrix, parseFormula } from '@likelihood/formula';

/** A formula GLM fitted densely (R's QR) or with a sparse factor block. */
export type GlmAutoModel =
  | { readonly kind: 'dense'; readonly model: GlmModel }
  | { readonly kind: 'sparse'; readonly model: GlmSparseModel };

/**
 * `glm` that keeps a factor main effect with at least `sparseLevels` (default 50) columns as a
 * sparse indicator block (`glmSparse`), solves tall designs (at least `tallRows`, default
 * 100 000, rows and at most 200 columns) by the normal equations unless they are
 * ill-conditioned (Schur pivot ratio < 1e-8), and otherwise fits with R's QR (`glm`).
 */
export function glmAuto(
  formula: string,
  data: DataInput,
  options: GlmOptions & { readonly sparseLevels?: number; readonly tallRows?: number } = {},
): GlmAutoModel {
  const threshold = options.sparseLevels ?? 50;
  const parsed = parseFormula(formula);
  const frame = modelFrame(
    parsed,
    data,
    options.factors === undefined ? {} : { factors: options.factors },
  );
  const mm = modelMatrix(parsed.fixed, frame, {
    omitIndicatorBlocks: true,
    ...(options.contrasts === undefined ? {} : { contrasts: options.contrasts }),
  });
  const big = mm.blocks.filter((b) => b.ncols >= threshold);
  const tall = frame.nobs >= (options.tallRows ?? 100_000) && mm.colnames.length <= 200;
  if ((big.length === 0 && !tall) || options.family === undefined) {
    return { kind: 'dense', model: glm(formula, data, options) };
  }
  const { start: _s, etastart: _e, mustart: _m, ...rest } = options;
  const model = glmSparse(formula, data, { ...rest, family: options.family });
  // Normal equations on an ill-conditioned design: refit with R's QR instead.
  if (big.length === 0 && model.minPivotRatio < 1e-8) {
    return { kind: 'dense', model: glm(formula, data, options) };
  }
  return { kind: 'sparse', model };
}

/** The numbers of a GLM fit as the CLI reports them (DESIGN's `likelihood glm --json`). */
export interface GlmReport {
  readonly coefficients: readonly {
    term: string;
    estimate: number;
    stdError: number;
    statistic: number;
    pValue: number;
  }[];
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly dfResidual: number;
  readonly dfNull: number;
  readonly aic: number | null;
  readonly logLik: number;
  readonly dispersion: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: readonly string[];
}

/** Summary of either kind of fit. */
export function summaryGlmAuto(fit: GlmAutoModel): GlmSummary {
  return fit.kind === 'dense' ? summaryGlm(fit.model) : summaryGlmSparse(fit.model);
}

/**
 * The report of a fit: coefficient table (aliased coefficients left out, as R's table),
 * deviances and df, AIC, logLik (df - AIC/2 with R's df; NaN for quasi families), dispersion.
 */
export function glmReport(fit: GlmAutoModel): GlmReport {
  const s = summaryGlmAuto(fit);
  const m = fit.model;
  const fam = m.family.family;
  const df = m.rank + (fam === 'gaussian' || fam === 'Gamma' || fam === 'inverse.gaussian' ? 1 : 0);
  const logLik =
    fit.kind === 'dense'
      ? logLikGlm(fit.model).value
      : m.aic === null
        ? Number.NaN
        : df - m.aic / 2;
  return {
    coefficients: s.coefficients.map((r) => ({ ...r })),
    deviance: m.deviance,
    nullDeviance: m.nullDeviance,
    dfResidual: m.dfResidual,
    dfNull: m.dfNull,
    aic: m.aic,
    logLik,
    dispersion: s.dispersion,
    iterations: m.iter,
    converged: m.converged,
    warnings: m.warnings,
  };
}
