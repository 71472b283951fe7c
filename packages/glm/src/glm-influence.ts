import { type QrPivoted, qrQyInPlace } from '@likelihood/linalg';
import type { GlmFitResult } from './glm-fit.js';
import { glmDispersion } from './glm-summary.js';

/** Residual types of R's `residuals.glm`. */
export type GlmResidualType = 'deviance' | 'pearson' | 'working' | 'response';

/**
 * R's `residuals.glm`: response y - mu; working (y - mu) / mu'(eta); Pearson
 * (y - mu) sqrt(prior) / sqrt(V(mu)); deviance sign(y - mu) sqrt(max(d_i, 0)).
 */
export function residualsGlm(fit: GlmFitResult, type: GlmResidualType = 'deviance'): Float64Array {
  const { y, fittedValues: mu, priorWeights: wt, family } = fit;
  const n = y.length;
  const out = new Float64Array(n);
  switch (type) {
    case 'response':
      for (let i = 0; i < n; i++) out[i] = y[i]! - mu[i]!;
      return out;
    case 'working':
      return Float64Array.from(fit.residuals);
    case 'pearson':
      for (let i = 0; i < n; i++) {
        out[i] = ((y[i]! - mu[i]!) * Math.sqrt(wt[i]!)) / Math.sqrt(family.variance(mu[i]!));
      }
      return out;
    case 'deviance':
      for (let i = 0; i < n; i++) {
        const d = family.devResid(y[i]!, mu[i]!, wt[i]!);
        out[i] = Math.sign(y[i]! - mu[i]!) * Math.sqrt(Math.max(d, 0));
      }
      return out;
  }
}

/**
 * Diagonal of the hat matrix H = Q1 Q1' from a QR of sqrt(W) X (rows in `rowsUsed` order):
 * h_i = sum_{k < rank} Q[i, k]^2. Cost O(n rank^2).
 */
export function hatFromQr(d: QrPivoted): Float64Array {
  const n = d.qr.rows;
  const rank = d.rank;
  const h = new Float64Array(n);
  const e = new Float64Array(n);
  for (let k = 0; k < rank; k++) {
    e.fill(0);
    e[k] = 1;
    qrQyInPlace(d, e);
    for (let i = 0; i < n; i++) h[i] = h[i]! + e[i]! * e[i]!;
  }
  return h;
}

/**
 * Hat values of a GLM (R's `hatvalues`): the diagonal of W^{1/2} X (X'WX)^{-1} X' W^{1/2}
 * with the working weights of the final IRLS step; 0 for rows outside the fit.
 */
export function hatValuesGlm(fit: GlmFitResult): Float64Array {
  const hGood = hatFromQr(fit.qr);
  const n = fit.y.length;
  const h = new Float64Array(n);
  for (let i = 0, r = 0; i < n; i++) if (fit.good[i]) h[i] = hGood[r++]!;
  return h;
}

/**
 * Cook's distance as R's `cooks.distance.glm`: D_i = (r_P,i / (1 - h_i))^2 h_i / (phi p),
 * with Pearson residuals r_P, hat values h, the summary dispersion phi and p = rank.
 */
export function cooksDistanceGlm(
  fit: GlmFitResult,
  dispersion: number = glmDispersion(fit),
): Float64Array {
  const h = hatValuesGlm(fit);
  const r = residualsGlm(fit, 'pearson');
  const out = new Float64Array(h.length);
  for (let i = 0; i < h.length; i++) {
    const q = r[i]! / (1 - h[i]!);
    out[i] = (q * q * h[i]!) / (dispersion * fit.rank);
  }
  return out;
}

/**
 * Standardized residuals as R's `rstandard.glm`: r_i / sqrt(phi (1 - h_i)) with deviance
 * (default) or Pearson residuals r_i.
 */
export function rstandardGlm(
  fit: GlmFitResult,
  type: 'deviance' | 'pearson' = 'deviance',
  dispersion: number = glmDispersion(fit),
): Float64Array {
  const h = hatValuesGlm(fit);
  const r = residualsGlm(fit, type);
  const out = new Float64Array(h.length);
  for (let i = 0; i < h.length; i++) out[i] = r[i]! / Math.sqrt(dispersion * (1 - h[i]!));
  return out;
}
