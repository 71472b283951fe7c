import { EMCapabilityError, EMInputError } from './errors.js';
import type { EMControl, EMModel } from './types.js';

/** `EMControl` with every default filled in. */
export interface ResolvedControl {
  readonly maxIter: number;
  readonly tol: number;
  readonly criterion: 'loglik' | 'params' | 'both';
  readonly paramChange: 'absolute' | 'relative';
  readonly logLikChange: 'absolute' | 'relative';
  readonly monotoneTol: number;
  readonly acceleration: 'none' | 'squarem';
  readonly trace: boolean;
}

/** Checks `control` and fills in the defaults documented on `EMControl`. */
export function resolveControl<P, S>(
  model: EMModel<P, S>,
  control: EMControl = {},
): ResolvedControl {
  const maxIter = control.maxIter ?? 1000;
  if (!Number.isInteger(maxIter) || maxIter < 0)
    throw new EMInputError('control.maxIter', `must be a non-negative integer, got ${maxIter}`);
  const tol = control.tol ?? 1e-8;
  if (!(tol >= 0) || !Number.isFinite(tol))
    throw new EMInputError('control.tol', `must be a finite number >= 0, got ${tol}`);
  const monotoneTol = control.monotoneTol ?? 1e-10;
  if (!(monotoneTol >= 0))
    throw new EMInputError('control.monotoneTol', `must be >= 0, got ${monotoneTol}`);
  const criterion = control.criterion ?? 'loglik';
  const acceleration = control.acceleration ?? 'none';
  const needsVector = criterion !== 'loglik' || acceleration === 'squarem';
  if (needsVector && (model.toVector === undefined || model.fromVector === undefined)) {
    throw new EMCapabilityError(
      `criterion '${criterion}' with acceleration '${acceleration}' needs model.toVector and model.fromVector`,
    );
  }
  return {
    maxIter,
    tol,
    criterion,
    paramChange: control.paramChange ?? 'absolute',
    logLikChange: control.logLikChange ?? 'relative',
    monotoneTol,
    acceleration,
    trace: control.trace ?? true,
  };
}

/**
 * Parameter change between successive iterates: max_i |b_i - a_i| (absolute) or
 * max_i |b_i - a_i| / |a_i| (relative; entries with a_i = 0 use the absolute change).
 */
export function paramChange(a: Float64Array, b: Float64Array, scale: 'absolute' | 'relative') {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    let d = Math.abs(b[i]! - a[i]!);
    if (scale === 'relative' && a[i] !== 0) d /= Math.abs(a[i]!);
    if (!(d <= m)) m = d;
  }
  return m;
}

/**
 * Log-likelihood change: relative |l1 - l0| / (|l1| + tol) (the tol guards l1 = 0) or
 * absolute |l1 - l0|.
 */
export function logLikChange(
  l0: number,
  l1: number,
  tol: number,
  scale: 'absolute' | 'relative' = 'relative',
): number {
  const d = Math.abs(l1 - l0);
  return scale === 'absolute' ? d : d / (Math.abs(l1) + tol);
}

/** Whether the stopping rule holds. */
export function isConverged(c: ResolvedControl, dl: number, dpar: number): boolean {
  const okL = dl <= c.tol;
  const okP = dpar <= c.tol;
  if (c.criterion === 'loglik') return okL;
  if (c.criterion === 'params') return okP;
  return okL && okP;
}

/** Whether l1 is below l0 by more than rounding: l1 < l0 - monotoneTol * (1 + |l0|). */
export function isDecrease(l0: number, l1: number, monotoneTol: number): boolean {
  return l1 < l0 - monotoneTol * (1 + Math.abs(l0));
}
