import { numericHessian, numericJacobian } from '@likelihood/optim';
import { CholeskyDecomposition, inverse, Matrix } from 'ml-matrix';
import { EMCapabilityError, EMInputError } from './errors.js';
import type { EMModel } from './types.js';

/** How the observed information is obtained. */
export type InformationMethod = 'louis' | 'score' | 'hessian';

/** Observed information, its inverse and the standard errors at an EM estimate. */
export interface EMStandardErrors {
  readonly method: InformationMethod;
  /** Observed information I(theta) = -d^2 l / dtheta dtheta^T (ml-matrix). */
  readonly information: Matrix;
  /** I(theta)^{-1}. */
  readonly vcov: Matrix;
  /** sqrt(diag(vcov)). */
  readonly se: Float64Array;
  readonly warnings: readonly string[];
}

/** Options of `emStandardErrors`. */
export interface EMStandardErrorOptions {
  /**
   * `'louis'` needs `model.louis`; `'score'` the numerical Jacobian of `model.score`;
   * `'hessian'` the numerical Hessian of `model.logLik`. Default: the first available.
   */
  method?: InformationMethod;
  /**
   * Initial steps of the Richardson differences, one per parameter (default
   * 0.1 |theta_i| + 1e-4 [|theta_i| < 1.8e-5], numDeriv's `hessian` rule, also for the Jacobian).
   */
  step?: ArrayLike<number>;
}

/**
 * Standard errors of an EM estimate `params` (normally the MLE): sqrt of the diagonal of the
 * inverse observed information, in the `toVector` parametrization. Louis' identity
 * I_obs = E[-d^2 l_c | y] - Var[d l_c | y], or the symmetrized numerical Jacobian of the
 * observed score, or the numerical Hessian of the observed log-likelihood (Richardson
 * extrapolation: `numericJacobian` and `numericHessian` of `@likelihood/optim`, 4 levels, step
 * ratio 2, initial steps 0.1 |theta_i| unless `options.step`).
 */
export function emStandardErrors<P, S>(
  model: EMModel<P, S>,
  params: P,
  options: EMStandardErrorOptions = {},
): EMStandardErrors {
  if (model.toVector === undefined || model.fromVector === undefined) {
    throw new EMCapabilityError('standard errors need model.toVector and model.fromVector');
  }
  const method: InformationMethod =
    options.method ??
    (model.louis !== undefined ? 'louis' : model.score !== undefined ? 'score' : 'hessian');
  const theta = model.toVector(params);
  const p = theta.length;
  // em's base step 0.1 |theta_i| (numDeriv's Hessian default d) for both derivatives.
  const richardson = options.step === undefined ? { d: 0.1 } : { step: options.step };
  let info: Float64Array;
  if (method === 'louis') {
    if (model.louis === undefined) throw new EMCapabilityError("method 'louis' needs model.louis");
    const { completeInformation: Ic, missingInformation: Im } = model.louis(params);
    if (Ic.length !== p * p || Im.length !== p * p) {
      throw new EMInputError('model.louis', `must return ${p} x ${p} matrices (length ${p * p})`);
    }
    info = new Float64Array(p * p);
    for (let k = 0; k < p * p; k++) info[k] = Ic[k]! - Im[k]!;
  } else if (method === 'score') {
    if (model.score === undefined) throw new EMCapabilityError("method 'score' needs model.score");
    const score = model.score.bind(model);
    const J = numericJacobian((v) => score(model.fromVector!(v)), theta, richardson);
    info = new Float64Array(p * p);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++)
        info[i + j * p] = -0.5 * (J.data[i + j * p]! + J.data[j + i * p]!);
  } else {
    // symmetric, so optim's row-major layout is also column-major
    const H = numericHessian((v) => model.logLik(model.fromVector!(v)), theta, richardson);
    info = H.map((v) => -v);
  }
  return fromInformation(method, info, p);
}

/** Inverts a p x p column-major information matrix and reads off the standard errors. */
export function fromInformation(
  method: InformationMethod,
  info: Float64Array,
  p: number,
): EMStandardErrors {
  const warnings: string[] = [];
  const I = new Matrix(p, p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) I.set(i, j, info[i + j * p]!);
  const chol = new CholeskyDecomposition(I);
  let V: Matrix;
  if (chol.isPositiveDefinite()) V = chol.solve(Matrix.eye(p, p));
  else {
    warnings.push(
      'observed information is not positive definite: the estimate may not be a maximum',
    );
    V = inverse(I);
  }
  const se = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const v = V.get(i, i);
    se[i] = v >= 0 ? Math.sqrt(v) : Number.NaN;
    if (!(v >= 0)) warnings.push(`variance of parameter ${i} is negative or NaN`);
  }
  return { method, information: I, vcov: V, se, warnings };
}
