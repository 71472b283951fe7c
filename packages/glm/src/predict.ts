import { type DataInput, modelMatrix, newDataFrame } from '@likelihood/formula';
import { type DenseMatrix, qrUnscaledCovariance } from '@likelihood/linalg';
import { qnorm, qt } from './distributions.js';
import { GlmArgumentError, LengthMismatchError } from './errors.js';
import type { GlmFitResult } from './glm-fit.js';
import type { GlmModel } from './glm-model.js';
import { glmDispersion } from './glm-summary.js';

/** Options of `predictGlm`. */
export interface PredictOptions {
  /** 'link' (eta, default) or 'response' (mu). */
  readonly type?: 'link' | 'response';
  /** Confidence level of the pointwise intervals (default 0.95). */
  readonly level?: number;
  /** Dispersion to use (default: the summary's). */
  readonly dispersion?: number;
}

/** Predictions with delta-method standard errors and pointwise intervals. */
export interface Prediction {
  readonly fit: Float64Array;
  readonly seFit: Float64Array;
  /** fit -/+ q se with q = z (dispersion known) or t_{n-p} (estimated) at `level`. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** sqrt(dispersion), R's `residual.scale`. */
  readonly residualScale: number;
  readonly df: number;
}

/**
 * R's `predict.glm(se.fit = TRUE)` on a model matrix: eta = X beta + offset with
 * se = sqrt(phi x'(X'WX)^{-1}x) over the non-aliased columns; on the response scale
 * mu = g^{-1}(eta) with se_mu = |dmu/deta| se_eta (delta method). `newX` defaults to the fit's X.
 */
export function predictGlmMatrix(
  fit: GlmFitResult,
  newX: DenseMatrix = fit.X,
  newOffset?: ArrayLike<number>,
  options: PredictOptions = {},
): Prediction {
  const p = fit.X.cols;
  if (newX.cols !== p)
    throw new GlmArgumentError('newX', `has ${newX.cols} columns, expected ${p}`);
  const n = newX.rows;
  const offset = newOffset ?? (newX === fit.X ? fit.offset : new Float64Array(n));
  if (offset.length !== n) throw new LengthMismatchError('offset', offset.length, n);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1))
    throw new GlmArgumentError('level', `must be in (0, 1), got ${level}`);
  const phi = options.dispersion ?? glmDispersion(fit);
  const r = fit.rank;
  const piv = fit.qr.pivot;
  const cu = qrUnscaledCovariance(fit.qr).data;
  const eta = new Float64Array(n);
  const se = new Float64Array(n);
  const xr = new Float64Array(r);
  for (let i = 0; i < n; i++) {
    let e = offset[i]!;
    for (let a = 0; a < r; a++) {
      xr[a] = newX.data[i + piv[a]! * n]!;
      e += xr[a]! * fit.coefficients[piv[a]!]!;
    }
    let qf = 0;
    for (let a = 0; a < r; a++) {
      let s = 0;
      for (let b = 0; b < r; b++) s += cu[a + b * r]! * xr[b]!;
      qf += xr[a]! * s;
    }
    eta[i] = e;
    se[i] = Math.sqrt(phi * qf);
  }
  const response = options.type === 'response';
  const fitv = response ? eta.map((e) => fit.family.linkinv(e)) : eta;
  const sev = response ? se.map((s, i) => s * Math.abs(fit.family.muEta(eta[i]!))) : se;
  const estimated = options.dispersion === undefined && !fit.family.dispersionFixed;
  const q = estimated ? qt((1 + level) / 2, fit.dfResidual) : qnorm((1 + level) / 2);
  return {
    fit: fitv,
    seFit: sev,
    lower: fitv.map((f, i) => f - q * sev[i]!),
    upper: fitv.map((f, i) => f + q * sev[i]!),
    residualScale: Math.sqrt(phi),
    df: fit.dfResidual,
  };
}

/**
 * R's `predict(model, newdata, type, se.fit = TRUE)` for a formula GLM: the new data are coded
 * with the model's factor levels and contrasts (an unseen level is an error naming it);
 * `offset` adds to the formula's `offset()` terms evaluated on `newdata`.
 */
export function predictGlm(
  model: GlmModel,
  newdata?: DataInput,
  options: PredictOptions & { readonly offset?: ArrayLike<number> } = {},
): Prediction {
  if (newdata === undefined) return predictGlmMatrix(model, model.X, model.offset, options);
  const nf = newDataFrame(
    model.frame,
    newdata,
    options.offset === undefined ? {} : { offset: options.offset },
  );
  const mm = modelMatrix(
    model.frame.formula.fixed,
    nf,
    model.contrastOptions === undefined ? {} : { contrasts: model.contrastOptions },
  );
  return predictGlmMatrix(model, mm.X, nf.offset ?? new Float64Array(nf.nobs), options);
}
