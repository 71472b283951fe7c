import { type Family, gaussian } from '@likelihood/expfam';
import {
  type DataInput,
  type DesignMatrix,
  type FrameColumn,
  type ModelFrame,
  type ModelFrameOptions,
  type ModelMatrixOptions,
  modelFrame,
  modelMatrix,
  parseFormula,
} from '@likelihood/formula';
import type { TermsInfo } from './anova-glm.js';
import { GlmArgumentError } from './errors.js';
import type { GlmFamily, GlmResponseInput } from './family-types.js';
import { type GlmControl, type GlmFitResult, glmFit } from './glm-fit.js';

/** What a formula front end keeps besides the fit: the formula, terms and frame facts. */
export interface ModelInfo {
  readonly formula: string;
  /** Column `assign` and term labels, for `anova`. */
  readonly terms: TermsInfo;
  /** The coding used for each factor (R's `contrasts`). */
  readonly contrasts: Readonly<Record<string, string>>;
  /** 0-based data rows dropped for missing values (R's `na.action`). */
  readonly droppedRows: Int32Array;
  /** The response's label (`sale`, `cbind(incidence, size - incidence)`). */
  readonly responseLabel: string;
  /** The factor variables of the frame with their levels (for `predict` on new data). */
  readonly factorLevels: Readonly<Record<string, { levels: readonly string[]; ordered: boolean }>>;
  /** The model frame (kept for `predict` on new data). */
  readonly frame: ModelFrame;
  /** The contrasts option the design was built with. */
  readonly contrastOptions: ModelMatrixOptions['contrasts'];
}

/**
 * The facts a formula front end keeps besides the fit (`ModelInfo`), from the formula, its
 * parse, the model frame and the design matrix.
 */
export function modelInfo(
  formula: string,
  responseLabel: string,
  frame: ModelFrame,
  design: DesignMatrix,
  contrastOptions: ModelMatrixOptions['contrasts'],
): ModelInfo {
  return {
    formula,
    terms: { assign: Array.from(design.assign), labels: design.termLabels },
    contrasts: design.contrasts,
    droppedRows: frame.droppedRows,
    responseLabel,
    factorLevels: frameFactorLevels(frame),
    frame,
    contrastOptions,
  };
}

/** A GLM fitted from a formula. */
export type GlmModel = GlmFitResult & ModelInfo;

/** Options of `glm` (R's `glm` arguments). */
export interface GlmOptions {
  /** Default gaussian(identity), as R. */
  readonly family?: GlmFamily | Family;
  /** Prior weights: a column name or one value per data row. */
  readonly weights?: string | ArrayLike<number>;
  /** Offset added to the formula's `offset()` terms: a column name or one value per data row. */
  readonly offset?: string | ArrayLike<number>;
  readonly start?: ArrayLike<number>;
  readonly etastart?: ArrayLike<number>;
  readonly mustart?: ArrayLike<number>;
  readonly control?: GlmControl;
  /** Factor declarations for the model frame (numeric ids as factors, level orders). */
  readonly factors?: ModelFrameOptions['factors'];
  /** Contrasts by factor (`{ Worker: 'treatment' }`). */
  readonly contrasts?: ModelMatrixOptions['contrasts'];
}

/** Response of a frame as the families take it: vector, cbind counts, or factor (0/1). */
export function frameResponse(col: FrameColumn | null, formula: string): GlmResponseInput {
  if (col === null)
    throw new GlmArgumentError('formula', `'${formula}' has no response (left-hand side)`);
  if (col.kind === 'numeric') return col.values;
  if (col.kind === 'factor') {
    // R's binomial: the first level is failure, every other level success.
    return Float64Array.from(col.codes, (c) => (c > 0 ? 1 : 0));
  }
  if (col.values.cols !== 2) {
    throw new GlmArgumentError(
      'formula',
      `a matrix response needs 2 columns (successes, failures), got ${col.values.cols}`,
    );
  }
  const n = col.values.rows;
  return {
    successes: col.values.data.subarray(0, n),
    failures: col.values.data.subarray(n, 2 * n),
  };
}

/** Factor levels of every factor column of a frame. */
export function frameFactorLevels(frame: ModelFrame): ModelInfo['factorLevels'] {
  const out: Record<string, { levels: readonly string[]; ordered: boolean }> = {};
  for (const [label, col] of frame.columns) {
    if (col.kind === 'factor') out[label] = { levels: col.levels, ordered: col.ordered };
  }
  return out;
}

/**
 * Fits a GLM from an R formula as R's `glm(formula, family, data, weights, offset, ...)`:
 * builds the model frame (`na.omit`) and design (R's contrasts and column names), then runs
 * `glmFit`. The null deviance of a model with intercept and offset is that of the
 * intercept-plus-offset fit, as in R.
 */
export function glm(formula: string, data: DataInput, options: GlmOptions = {}): GlmModel {
  const parsed = parseFormula(formula);
  if (parsed.response === null) {
    throw new GlmArgumentError('formula', `'${formula}' has no response (left-hand side)`);
  }
  const frame = modelFrame(parsed, data, {
    ...(options.weights === undefined ? {} : { weights: options.weights }),
    ...(options.offset === undefined ? {} : { offset: options.offset }),
    ...(options.factors === undefined ? {} : { factors: options.factors }),
  });
  const design = modelMatrix(
    parsed.fixed,
    frame,
    options.contrasts === undefined ? {} : { contrasts: options.contrasts },
  );
  const family: GlmFamily = options.family ?? gaussian();
  const fit = glmFit(design.X, frameResponse(frame.response, formula), family, {
    ...(frame.weights === null ? {} : { weights: frame.weights }),
    ...(frame.offset === null ? {} : { offset: frame.offset }),
    ...(options.start === undefined ? {} : { start: options.start }),
    ...(options.etastart === undefined ? {} : { etastart: options.etastart }),
    ...(options.mustart === undefined ? {} : { mustart: options.mustart }),
    ...(options.control === undefined ? {} : { control: options.control }),
    intercept: design.intercept,
    columnNames: design.colnames,
  });
  return {
    ...fit,
    ...modelInfo(formula, parsed.response.label, frame, design, options.contrasts),
  };
}
