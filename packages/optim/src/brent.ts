import { InvalidArgumentError } from './errors.js';

/** Options of {@link brent}. */
export interface BrentOptions {
  /** Desired accuracy; default ε^(1/4) as R's `optimize`. */
  tol?: number;
}

/** Result of {@link brent}, as R's `optimize()` plus the evaluation count. */
export interface BrentResult {
  minimum: number;
  objective: number;
  /** Evaluations of f, including the final f(minimum) R adds. */
  evaluations: number;
}

/**
 * One-dimensional minimization on [lower, upper] by Brent's method (golden section with
 * parabolic interpolation), exactly R's `optimize`/`Brent_fmin`: the first point is
 * a + c(b − a) with c = (3 − √5)/2; stops when |x − m| <= 2·tol1 − (b − a)/2 with
 * tol1 = √ε|x| + tol/3. Non-finite values count as the largest double (R warns and does the
 * same). `objective` is f at the returned point.
 */
export function brent(
  f: (x: number) => number,
  lower: number,
  upper: number,
  options: BrentOptions = {},
): BrentResult {
  if (!Number.isFinite(lower))
    throw new InvalidArgumentError('lower', `must be finite, got ${lower}`);
  if (!Number.isFinite(upper))
    throw new InvalidArgumentError('upper', `must be finite, got ${upper}`);
  if (!(lower < upper))
    throw new InvalidArgumentError('lower', `lower (${lower}) must be < upper (${upper})`);
  const tol = options.tol ?? Number.EPSILON ** 0.25;
  let evaluations = 0;
  const fn = (x: number): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.MAX_VALUE;
  };
  const c = (3 - Math.sqrt(5)) * 0.5;
  const eps = Math.sqrt(Number.EPSILON);
  let a = lower;
  let b = upper;
  let v = a + c * (b - a);
  let w = v;
  let x = v;
  let d = 0;
  let e = 0;
  let fx = fn(x);
  let fv = fx;
  let fw = fx;
  const tol3 = tol / 3;
  for (;;) {
    const xm = (a + b) * 0.5;
    const tol1 = eps * Math.abs(x) + tol3;
    const t2 = tol1 * 2;
    if (Math.abs(x - xm) <= t2 - (b - a) * 0.5) break;
    let p = 0;
    let q = 0;
    let r = 0;
    if (Math.abs(e) > tol1) {
      r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = (q - r) * 2;
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
    }
    if (Math.abs(p) >= Math.abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x)) {
      e = x < xm ? b - x : a - x;
      d = c * e;
    } else {
      d = p / q;
      const u = x + d;
      if (u - a < t2 || b - u < t2) {
        d = tol1;
        if (x >= xm) d = -d;
      }
    }
    let u: number;
    if (Math.abs(d) >= tol1) u = x + d;
    else if (d > 0) u = x + tol1;
    else u = x - tol1;
    const fu = fn(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  const objective = f(x);
  evaluations++;
  return { minimum: x, objective, evaluations };
}
