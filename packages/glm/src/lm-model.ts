import {
  type DataInput,
  type ModelFrameOptions,
  type ModelMatrixOptions,
  modelFrame,
  modelMatrix,
  parseFormula,
} from '@likelihood/formula';
import { GlmArgumentError } from './errors.js';
import { type ModelInfo, modelInfo } from './glm-model.js';
import { type LmFitResult, lmFit } from './lm-fit.js';

/** A linear model fitted from a formula. */
export type LmModel = LmFitResult & ModelInfo;

/** Options of `lm`. */
export interface LmOptions {
  /** Prior weights: a column name or one value per data row. */
  readonly weights?: string | ArrayLike<number>;
  readonly factors?: ModelFrameOptions['factors'];
  readonly contrasts?: ModelMatrixOptions['contrasts'];
}

/**
 * Fits a linear model from an R formula as R's `lm(formula, data, weights)`: model frame
 * (`na.omit`), design with R's contrasts (polynomial for ordered factors), then `lmFit`.
 * The response must be a numeric vector; `offset()` terms are not supported here.
 */
export function lm(formula: string, data: DataInput, options: LmOptions = {}): LmModel {
  const parsed = parseFormula(formula);
  if (parsed.response === null) {
    throw new GlmArgumentError('formula', `'${formula}' has no response (left-hand side)`);
  }
  const frame = modelFrame(parsed, data, {
    ...(options.weights === undefined ? {} : { weights: options.weights }),
    ...(options.factors === undefined ? {} : { factors: options.factors }),
  });
  if (frame.offset !== null)
    throw new GlmArgumentError('formula', 'offset() terms are not supported by lm; use glm');
  const resp = frame.response!;
  if (resp.kind !== 'numeric') {
    throw new GlmArgumentError(
      'formula',
      `the response '${parsed.response.label}' of lm must be numeric`,
    );
  }
  const design = modelMatrix(
    parsed.fixed,
    frame,
    options.contrasts === undefined ? {} : { contrasts: options.contrasts },
  );
  const fit = lmFit(design.X, resp.values, {
    ...(frame.weights === null ? {} : { weights: frame.weights }),
    intercept: design.intercept,
    columnNames: design.colnames,
  });
  return {
    ...fit,
    ...modelInfo(formula, parsed.response.label, frame, design, options.contrasts),
  };
}
