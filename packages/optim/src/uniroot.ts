import { InvalidArgumentError, OptimError } from './errors.js';

/** Options of {@link uniroot}. */
export interface UnirootOptions {
  /** Convergence tolerance on the bracket; default ε^(1/4) as R. */
  tol?: number;
  /** Maximum number of iterations, default 1000. */
  maxiter?: number;
  /**
   * `'yes'`: when f(lower), f(upper) have the same sign, widen the interval as R's
   * `extendInt = "yes"` (steps 0.01·max(1e-4, |end|), doubled each time) until they differ.
   */
  extendInt?: 'no' | 'yes';
  /** f(lower) and f(upper) if already known (R's `f.lower`, `f.upper`). */
  fLower?: number;
  fUpper?: number;
}

/** Result of {@link uniroot}, as R's `uniroot()`. */
export interface UnirootResult {
  root: number;
  fRoot: number;
  /** Iterations, including the `initIt` widening steps as R counts them (−1: not converged). */
  iter: number;
  /** Iterations spent widening the interval (`extendInt`). */
  initIt: number;
  /** Final bracket width |c − b| (NaN if not converged). */
  estimPrec: number;
  converged: boolean;
}

/** The root is not bracketed by [lower, upper]. */
export class NotBracketedError extends OptimError {
  constructor(
    readonly fLower: number,
    readonly fUpper: number,
  ) {
    super(
      `f() values at end points not of opposite sign (f(lower) = ${fLower}, f(upper) = ${fUpper})`,
    );
  }
}

/**
 * Root of f on [lower, upper] by Brent's zeroin (R's `uniroot`/`R_zeroin2`): keeps a bracket
 * [b, c] with f(b)f(c) <= 0, tries inverse quadratic (or secant) interpolation, falls back to
 * bisection; stops when |c − b|/2 <= 2ε|b| + tol/2 or f(b) = 0.
 */
export function uniroot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  options: UnirootOptions = {},
): UnirootResult {
  if (!(lower < upper))
    throw new InvalidArgumentError('lower', `lower (${lower}) must be < upper (${upper})`);
  const tol = options.tol ?? Number.EPSILON ** 0.25;
  const maxiter = options.maxiter ?? 1000;
  let fLower = options.fLower ?? f(lower);
  let fUpper = options.fUpper ?? f(upper);
  if (Number.isNaN(fLower)) throw new InvalidArgumentError('lower', 'f(lower) is NaN');
  if (Number.isNaN(fUpper)) throw new InvalidArgumentError('upper', 'f(upper) is NaN');
  let initIt = 0;
  if (options.extendInt === 'yes' && fLower * fUpper > 0) {
    let dl = 0.01 * Math.max(1e-4, Math.abs(lower));
    let du = 0.01 * Math.max(1e-4, Math.abs(upper));
    while (fLower * fUpper > 0) {
      if (++initIt > maxiter) {
        throw new NotBracketedError(fLower, fUpper);
      }
      const nl = lower - dl;
      const fl = f(nl);
      if (Number.isNaN(fl)) dl /= 4;
      else {
        lower = nl;
        fLower = fl;
      }
      const nu = upper + du;
      const fu = f(nu);
      if (Number.isNaN(fu)) du /= 4;
      else {
        upper = nu;
        fUpper = fu;
      }
      dl *= 2;
      du *= 2;
    }
  }
  if (fLower * fUpper > 0) throw new NotBracketedError(fLower, fUpper);
  const z = zeroin(f, lower, upper, fLower, fUpper, tol, maxiter);
  return {
    root: z.root,
    fRoot: f(z.root),
    iter: z.converged ? z.iter + initIt : -1,
    initIt,
    estimPrec: z.converged ? z.precision : Number.NaN,
    converged: z.converged,
  };
}

function zeroin(
  f: (x: number) => number,
  ax: number,
  bx: number,
  faIn: number,
  fbIn: number,
  tol: number,
  maxIt: number,
): { root: number; iter: number; precision: number; converged: boolean } {
  let a = ax;
  let b = bx;
  let fa = faIn;
  let fb = fbIn;
  let c = a;
  let fc = fa;
  if (fa === 0) return { root: a, iter: 0, precision: 0, converged: true };
  if (fb === 0) return { root: b, iter: 0, precision: 0, converged: true };
  let remaining = maxIt + 1;
  while (remaining--) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) {
      return { root: b, iter: maxIt - remaining, precision: Math.abs(c - b), converged: true };
    }
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qa = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
        q = (qa - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) {
        newStep = p / q;
      }
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, iter: -1, precision: -1, converged: false };
}
