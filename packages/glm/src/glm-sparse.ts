import { dense } from '@likelihood/linalg';
import {
  type DataInput,
  type ModelFrameOptions,
  type ModelMatrixOptions,
  modelFrame,
  modelMatrix,
  parseFormula,
} from '@likelihood/formula';
import { Matrix } from 'ml-matrix';
import { pValueT, pValueZ } from './distributions.js';
import { GlmArgumentError } from './errors.js';
import type { GlmFamily, GlmResponseInput } from './family-types.js';
import type { GlmFitOptions } from './glm-fit.js';
import { type ModelInfo, frameResponse, modelInfo } from './glm-model.js';
import type { CoefficientRow, GlmSummary } from './glm-summary.js';
import { type IndicatorDesign, IndicatorWlsSolver } from './indicator-solver.js';
import { type IrlsCore, nullDevianceSimple, runIrls } from './irls.js';

/** A GLM fitted with one factor as a sparse indicator block. */
export interface GlmSparseFit {
  readonly design: IndicatorDesign;
  readonly columnNames: readonly string[];
  readonly core: IrlsCore;
  readonly coefficients: Float64Array;
  readonly fittedValues: Float64Array;
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly aic: number | null;
  readonly iter: number;
  readonly converged: boolean;
  readonly rank: number;
  readonly dfResidual: number;
  readonly dfNull: number;
  readonly family: GlmFamily;
  readonly warnings: readonly string[];
  /** (X'WX)^{-1} diagonal of the last IRLS step (full-design order, NaN if aliased). */
  readonly covUnscaledDiagonal: Float64Array;
  /** The full (X'WX)^{-1}, p × p column-major, built on demand (O(L^2 q)). */
  covUnscaled(): Float64Array;
  /** Hat values (diagonal of W^{1/2} X (X'WX)^{-1} X' W^{1/2}) in O(n q^2). */
  hatValues(): Float64Array;
  /** Conditioning of the dense part in the last step (see `IndicatorState.minPivotRatio`). */
  readonly minPivotRatio: number;
}

/**
 * `glmFit` for X = [Z | Xd] with Z a factor's indicator block: the same IRLS (R's rules), each
 * step solved by block elimination so the cost is O(n q^2 + L q^2) for L levels and q dense
 * columns. The null deviance with an offset uses the weighted mean (no offset refit).
 */
export function glmFitSparse(
  design: IndicatorDesign,
  y: GlmResponseInput,
  family: GlmFamily,
  options: GlmFitOptions = {},
): GlmSparseFit {
  const solver = new IndicatorWlsSolver(design);
  const p = solver.p;
  const columnNames = options.columnNames ?? Array.from({ length: p }, (_, j) => `X${j + 1}`);
  const core = runIrls(solver, y, family, options);
  const intercept = options.intercept ?? true;
  const covDiag = solver.covUnscaledDiagonal();
  return {
    design,
    columnNames,
    core,
    coefficients: core.coefficients,
    fittedValues: core.mu,
    deviance: core.deviance,
    nullDeviance: nullDevianceSimple(core, family, intercept),
    aic: core.aic,
    iter: core.iter,
    converged: core.converged,
    rank: core.step.rank,
    dfResidual: core.nOk - core.step.rank,
    dfNull: core.nOk - (intercept ? 1 : 0),
    family,
    warnings: core.warnings,
    covUnscaledDiagonal: covDiag,
    covUnscaled: () => solver.covUnscaled(),
    hatValues: () => solver.hatValues(core.weights),
    minPivotRatio: solver.state!.minPivotRatio,
  };
}

/**
 * Cook's distances (r_P,i / (1 - h_i))^2 h_i / (phi p) of a sparse fit, as R's
 * `cooks.distance.glm`.
 */
export function cooksDistanceGlmSparse(fit: GlmSparseFit): Float64Array {
  const h = fit.hatValues();
  const phi = sparseDispersion(fit);
  const { y, mu, prior } = fit.core;
  return Float64Array.from(h, (hi, i) => {
    const r = ((y[i]! - mu[i]!) * Math.sqrt(prior[i]!)) / Math.sqrt(fit.family.variance(mu[i]!));
    const t = r / (1 - hi);
    return (t * t * hi) / (phi * fit.rank);
  });
}

/** Pearson dispersion of a sparse fit (R's `summary.glm` rule), 1 for fixed families. */
export function sparseDispersion(fit: GlmSparseFit): number {
  if (fit.family.dispersionFixed) return 1;
  if (fit.dfResidual <= 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < fit.core.weights.length; i++) {
    const w = fit.core.weights[i]!;
    if (w > 0) s += w * fit.core.residuals[i]! ** 2;
  }
  return s / fit.dfResidual;
}

/** `summary.glm` for a sparse fit (coefficients in design order; `covUnscaled` left empty). */
export function summaryGlmSparse(fit: GlmSparseFit): GlmSummary {
  const estimated = !fit.family.dispersionFixed;
  const phi = sparseDispersion(fit);
  const rows: CoefficientRow[] = [];
  const aliased: string[] = [];
  fit.columnNames.forEach((term, j) => {
    const estimate = fit.coefficients[j]!;
    if (Number.isNaN(estimate)) {
      aliased.push(term);
      return;
    }
    const stdError = Math.sqrt(phi * fit.covUnscaledDiagonal[j]!);
    const statistic = estimate / stdError;
    rows.push({
      term,
      estimate,
      stdError,
      statistic,
      pValue: estimated ? pValueT(statistic, fit.dfResidual) : pValueZ(statistic),
    });
  });
  const { y, mu, prior } = fit.core;
  const devRes = Float64Array.from(y, (yi, i) => {
    const d = fit.family.devResid(yi, mu[i]!, prior[i]!);
    return Math.sign(yi - mu[i]!) * Math.sqrt(Math.max(d, 0));
  });
  return {
    family: fit.family.family,
    link: fit.family.link,
    coefficients: rows,
    aliased,
    statisticName: estimated ? 't' : 'z',
    dispersion: phi,
    dispersionEstimated: estimated,
    deviance: fit.deviance,
    nullDeviance: fit.nullDeviance,
    dfResidual: fit.dfResidual,
    dfNull: fit.dfNull,
    aic: fit.aic,
    iter: fit.iter,
    devianceResiduals: devRes,
    covUnscaled: new Matrix(0, 0),
    warnings: fit.warnings,
  };
}

/** A sparse-factor GLM fitted from a formula. */
export type GlmSparseModel = GlmSparseFit & ModelInfo;

/** Options of `glmSparse`: those of `glm` plus which factor to keep sparse. */
export interface GlmSparseOptions {
  readonly family: GlmFamily;
  readonly weights?: string | ArrayLike<number>;
  readonly offset?: string | ArrayLike<number>;
  readonly control?: GlmFitOptions['control'];
  readonly factors?: ModelFrameOptions['factors'];
  readonly contrasts?: ModelMatrixOptions['contrasts'];
  /** The factor to keep as a sparse block (default: the main-effect factor with most levels). */
  readonly sparseFactor?: string;
}

/**
 * `glm` with one many-level factor kept as a sparse indicator block (R's results, R's column
 * names and order). The other factor blocks are expanded densely. Without any factor main
 * effect, the whole design is dense and each IRLS step solves the normal equations (fast for
 * tall designs; check `minPivotRatio` for conditioning).
 */
export function glmSparse(
  formula: string,
  data: DataInput,
  options: GlmSparseOptions,
): GlmSparseModel {
  const parsed = parseFormula(formula);
  if (parsed.response === null) {
    throw new GlmArgumentError('formula', `'${formula}' has no response (left-hand side)`);
  }
  const frame = modelFrame(parsed, data, {
    ...(options.weights === undefined ? {} : { weights: options.weights }),
    ...(options.offset === undefined ? {} : { offset: options.offset }),
    ...(options.factors === undefined ? {} : { factors: options.factors }),
  });
  const mm = modelMatrix(parsed.fixed, frame, {
    ...(options.contrasts === undefined ? {} : { contrasts: options.contrasts }),
    omitIndicatorBlocks: true,
  });
  // Without a factor main effect every column is dense: the normal-equations solver alone.
  const noBlock = {
    variable: '',
    firstColumn: 0,
    ncols: 0,
    codes: new Int32Array(frame.nobs).fill(-1),
  };
  const sparse =
    mm.blocks.length === 0
      ? noBlock
      : options.sparseFactor === undefined
        ? mm.blocks.reduce((a, b) => (b.ncols > a.ncols ? b : a))
        : mm.blocks.find((b) => b.variable === options.sparseFactor);
  if (sparse === undefined) {
    throw new GlmArgumentError(
      'sparseFactor',
      `'${options.sparseFactor}' is not a factor main effect of the formula`,
    );
  }
  const n = frame.nobs;
  const p = mm.colnames.length;
  const denseCols: number[] = [];
  for (let j = 0; j < p; j++)
    if (j < sparse.firstColumn || j >= sparse.firstColumn + sparse.ncols) denseCols.push(j);
  const xPos = new Map<number, number>();
  mm.xColumns.forEach((j, k) => {
    xPos.set(j, k);
  });
  const Xd = dense(n, denseCols.length);
  denseCols.forEach((j, c) => {
    const k = xPos.get(j);
    const out = Xd.data.subarray(c * n, (c + 1) * n);
    if (k !== undefined) {
      out.set(mm.X.data.subarray(k * n, (k + 1) * n));
      return;
    }
    const b = mm.blocks.find((bl) => j >= bl.firstColumn && j < bl.firstColumn + bl.ncols)!;
    const level = j - b.firstColumn;
    for (let i = 0; i < n; i++) out[i] = b.codes[i] === level ? 1 : 0;
  });
  const design: IndicatorDesign = {
    Xd,
    codes: sparse.codes,
    nlevels: sparse.ncols,
    blockPositions: Int32Array.from({ length: sparse.ncols }, (_, k) => sparse.firstColumn + k),
    densePositions: Int32Array.from(denseCols),
  };
  const fit = glmFitSparse(design, frameResponse(frame.response, formula), options.family, {
    ...(frame.weights === null ? {} : { weights: frame.weights }),
    ...(frame.offset === null ? {} : { offset: frame.offset }),
    ...(options.control === undefined ? {} : { control: options.control }),
    intercept: mm.intercept,
    columnNames: mm.colnames,
  });
  return {
    ...fit,
    ...modelInfo(formula, parsed.response.label, frame, mm, options.contrasts),
  };
}
