import { pchisqUpper, pfUpper } from './distributions.js';
import { GlmArgumentError } from './errors.js';
import { type GlmFitResult, glmFit } from './glm-fit.js';
import { selectColumns } from './select-columns.js';
import { type GlmSparseFit, sparseDispersion } from './glm-sparse.js';
import { glmDispersion } from './glm-summary.js';

/** Tests of R's `anova.glm`: none, chi-squared (= "LRT"), or F with the dispersion's df. */
export type AnovaGlmTest = 'none' | 'Chisq' | 'LRT' | 'F';

/** One row of an analysis-of-deviance table (R's `anova.glm` columns). */
export interface AnovaGlmRow {
  /** Term label ("NULL" for the first row) or model index ("1", "2", ...) for comparisons. */
  readonly term: string;
  /** Df and Deviance are NaN (R's NA) in the first row. */
  readonly df: number;
  readonly deviance: number;
  readonly resDf: number;
  readonly resDev: number;
  /** F value (test "F"); NaN otherwise. */
  readonly fValue: number;
  /** Pr(>Chi) or Pr(>F); NaN when no test. */
  readonly pValue: number;
}

/** The terms of a design: `assign[j]` is the term index of column j (0 = intercept). */
export interface TermsInfo {
  readonly assign: readonly number[];
  /** Labels of terms 1..max(assign). */
  readonly labels: readonly string[];
}

/** Adds R's `stat.anova` test columns with scale phi and df.scale. */
function withTest(
  rows: { term: string; df: number; deviance: number; resDf: number; resDev: number }[],
  test: AnovaGlmTest,
  scale: number,
  dfScale: number,
): AnovaGlmRow[] {
  return rows.map((r) => {
    let fValue = Number.NaN;
    let pValue = Number.NaN;
    if (test === 'Chisq' || test === 'LRT') {
      const v = (r.deviance / scale) * Math.sign(r.df);
      if (r.df !== 0 && !Number.isNaN(v) && v >= 0) pValue = pchisqUpper(v, Math.abs(r.df));
    } else if (test === 'F') {
      const f = r.deviance / r.df / scale;
      if (r.df !== 0 && !Number.isNaN(f) && f >= 0) {
        fValue = f;
        pValue = pfUpper(f, Math.abs(r.df), dfScale);
      }
    }
    return { ...r, fValue, pValue };
  });
}

/**
 * Sequential analysis of deviance (R's `anova.glm`): refits the model with the columns of
 * terms 1..k for k = 1, ..., K - 1 (same y, prior weights, offset, family and control) and
 * tabulates Deviance_k = D_{k-1} - D_k; tests use the full model's summary dispersion
 * (df = Inf when it is 1, else the residual df).
 */
export function anovaGlm(
  fit: GlmFitResult,
  terms: TermsInfo,
  options: { test?: AnovaGlmTest; dispersion?: number } = {},
): AnovaGlmRow[] {
  const { X } = fit;
  if (terms.assign.length !== X.cols) {
    throw new GlmArgumentError(
      'terms.assign',
      `has length ${terms.assign.length}, expected ${X.cols}`,
    );
  }
  const nvars = Math.max(0, ...terms.assign);
  const resDf = [fit.dfNull];
  const resDev = [fit.nullDeviance];
  for (let k = 1; k < nvars; k++) {
    const cols: number[] = [];
    terms.assign.forEach((a, j) => {
      if (a <= k) cols.push(j);
    });
    const Xk = selectColumns(X, cols);
    const sub = glmFit(Xk, fit.y, fit.family, {
      weights: fit.priorWeights,
      offset: fit.offset,
      control: fit.control,
      intercept: false,
    });
    resDf.push(sub.dfResidual);
    resDev.push(sub.deviance);
  }
  if (nvars > 0) {
    resDf.push(fit.dfResidual);
    resDev.push(fit.deviance);
  }
  const rows = resDf.map((rdf, k) => ({
    term: k === 0 ? 'NULL' : terms.labels[k - 1]!,
    df: k === 0 ? Number.NaN : resDf[k - 1]! - rdf,
    deviance: k === 0 ? Number.NaN : Math.max(0, resDev[k - 1]! - resDev[k]!),
    resDf: rdf,
    resDev: resDev[k]!,
  }));
  const phi = options.dispersion ?? glmDispersion(fit);
  return withTest(
    rows,
    options.test ?? 'none',
    phi,
    phi === 1 ? Number.POSITIVE_INFINITY : fit.dfResidual,
  );
}

/**
 * Comparison of nested GLMs (R's `anova(m1, m2, ...)` for glm; dense or sparse-factor fits):
 * Df and Deviance are the
 * changes from the previous model; tests use the dispersion of the model with the smallest
 * residual df (df = Inf when it is 1).
 */
export function anovaGlmModels(
  fits: readonly (GlmFitResult | GlmSparseFit)[],
  options: { test?: AnovaGlmTest; dispersion?: number } = {},
): AnovaGlmRow[] {
  if (fits.length < 2) throw new GlmArgumentError('fits', 'need at least two models to compare');
  const rows = fits.map((f, k) => ({
    term: String(k + 1),
    df: k === 0 ? Number.NaN : fits[k - 1]!.dfResidual - f.dfResidual,
    deviance: k === 0 ? Number.NaN : fits[k - 1]!.deviance - f.deviance,
    resDf: f.dfResidual,
    resDev: f.deviance,
  }));
  let big = fits[0]!;
  for (const f of fits) if (f.dfResidual < big.dfResidual) big = f;
  const phi = options.dispersion ?? ('core' in big ? sparseDispersion(big) : glmDispersion(big));
  return withTest(
    rows,
    options.test ?? 'none',
    phi,
    phi === 1 ? Number.POSITIVE_INFINITY : big.dfResidual,
  );
}
