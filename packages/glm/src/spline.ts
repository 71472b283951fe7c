/**
 * Interpolation helpers reproducing R's `spline(x, y)` (Forsythe–Malcolm–Moler cubic spline,
 * `method = "fmm"`, n = 3 length(x) equally spaced outputs) and `approx(x, y, xout)` (linear,
 * `rule = 1`: NaN outside the data, ties averaged), as MASS's `confint.profile.glm` uses them.
 */

/** Sorts (x, y) by x and averages y over tied x (R's `regularize.values(ties = mean)`). */
function regularize(x: ArrayLike<number>, y: ArrayLike<number>): { x: number[]; y: number[] } {
  const idx = Array.from({ length: x.length }, (_, i) => i)
    .filter((i) => !Number.isNaN(x[i]!) && !Number.isNaN(y[i]!))
    .sort((a, b) => x[a]! - x[b]!);
  const xs: number[] = [];
  const ys: number[] = [];
  let k = 0;
  while (k < idx.length) {
    const xv = x[idx[k]!]!;
    let s = 0;
    let m = 0;
    while (k < idx.length && x[idx[k]!] === xv) {
      s += y[idx[k]!]!;
      m++;
      k++;
    }
    xs.push(xv);
    ys.push(s / m);
  }
  return { x: xs, y: ys };
}

/** FMM spline coefficients b, c, d with s(u) = y_i + dx (b_i + dx (c_i + dx d_i)). */
function fmmCoefficients(
  x: number[],
  y: number[],
): { b: Float64Array; c: Float64Array; d: Float64Array } {
  const n = x.length;
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  const d = new Float64Array(n);
  if (n < 2) return { b, c, d };
  if (n < 3) {
    const t = (y[1]! - y[0]!) / (x[1]! - x[0]!);
    b[0] = t;
    b[1] = t;
    return { b, c, d };
  }
  const nm1 = n - 1;
  d[0] = x[1]! - x[0]!;
  c[1] = (y[1]! - y[0]!) / d[0]!;
  for (let i = 1; i < nm1; i++) {
    d[i] = x[i + 1]! - x[i]!;
    b[i] = 2 * (d[i - 1]! + d[i]!);
    c[i + 1] = (y[i + 1]! - y[i]!) / d[i]!;
    c[i] = c[i + 1]! - c[i]!;
  }
  b[0] = -d[0]!;
  b[nm1] = -d[n - 2]!;
  c[0] = 0;
  c[nm1] = 0;
  if (n > 3) {
    c[0] = c[2]! / (x[3]! - x[1]!) - c[1]! / (x[2]! - x[0]!);
    c[nm1] = c[n - 2]! / (x[nm1]! - x[n - 3]!) - c[n - 3]! / (x[n - 2]! - x[n - 4]!);
    c[0] = (c[0]! * d[0]! * d[0]!) / (x[3]! - x[0]!);
    c[nm1] = (-c[nm1]! * d[n - 2]! * d[n - 2]!) / (x[nm1]! - x[n - 4]!);
  }
  for (let i = 1; i <= nm1; i++) {
    const t = d[i - 1]! / b[i - 1]!;
    b[i] = b[i]! - t * d[i - 1]!;
    c[i] = c[i]! - t * c[i - 1]!;
  }
  c[nm1] = c[nm1]! / b[nm1]!;
  for (let i = n - 2; i >= 0; i--) c[i] = (c[i]! - d[i]! * c[i + 1]!) / b[i]!;
  b[nm1] = (y[nm1]! - y[n - 2]!) / d[n - 2]! + d[n - 2]! * (c[n - 2]! + 2 * c[nm1]!);
  for (let i = 0; i < nm1; i++) {
    b[i] = (y[i + 1]! - y[i]!) / d[i]! - d[i]! * (c[i + 1]! + 2 * c[i]!);
    d[i] = (c[i + 1]! - c[i]!) / d[i]!;
    c[i] = 3 * c[i]!;
  }
  c[nm1] = 3 * c[nm1]!;
  d[nm1] = d[n - 2]!;
  return { b, c, d };
}

/** R's `spline(x, y)` with its defaults: returns n = 3 length(x) points over [min x, max x]. */
export function splineFmm(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { x: Float64Array; y: Float64Array } {
  const r = regularize(x, y);
  const nx = r.x.length;
  const nout = 3 * x.length;
  const { b, c, d } = fmmCoefficients(r.x, r.y);
  const xo = new Float64Array(nout);
  const yo = new Float64Array(nout);
  const lo = r.x[0]!;
  const hi = r.x[nx - 1]!;
  for (let k = 0; k < nout; k++) {
    const u = nout === 1 ? lo : lo + ((hi - lo) * k) / (nout - 1);
    xo[k] = u;
    // Interval i with x_i <= u < x_{i+1} (last interval for u = max x).
    let i = 0;
    let j = nx;
    while (i < j - 1) {
      const m = (i + j) >> 1;
      if (u < r.x[m]!) j = m;
      else i = m;
    }
    const dx = u - r.x[i]!;
    yo[k] = r.y[i]! + dx * (b[i]! + dx * (c[i]! + dx * d[i]!));
  }
  return { x: xo, y: yo };
}

/** R's `approx(x, y, xout)` (linear, rule = 1): NaN outside [min x, max x]. */
export function approxLinear(x: ArrayLike<number>, y: ArrayLike<number>, xout: number): number {
  const r = regularize(x, y);
  const n = r.x.length;
  if (n === 0 || xout < r.x[0]! || xout > r.x[n - 1]!) return Number.NaN;
  let i = 0;
  let j = n - 1;
  while (i < j - 1) {
    const m = (i + j) >> 1;
    if (xout < r.x[m]!) j = m;
    else i = m;
  }
  if (xout === r.x[j]!) return r.y[j]!;
  if (xout === r.x[i]!) return r.y[i]!;
  return r.y[i]! + ((r.y[j]! - r.y[i]!) * (xout - r.x[i]!)) / (r.x[j]! - r.x[i]!);
}
