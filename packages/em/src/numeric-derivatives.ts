/**
 * Richardson-extrapolated central differences (the scheme of R's numDeriv with 4 levels and
 * step ratio 2). A central difference D(h) has error c2 h^2 + c4 h^4 + ...; with
 * A_k^(0) = D(h0 / 2^k), the table A_k^(m) = (4^m A_k^(m-1) - A_{k-1}^(m-1)) / (4^m - 1)
 * cancels one more even power per column, so A_{L-1}^(L-1) has error O(h0^(2L)).
 *
 * Written here rather than imported because the engine needs the Jacobian of a vector map
 * (the score, the EM map), which optim's scalar gradient/Hessian do not offer.
 */
const LEVELS = 4;

/** Default base step for coordinate x: 1e-1 * |x| (1e-3 when x = 0), shrunk 8-fold by the table. */
export function defaultStep(x: number): number {
  return x === 0 ? 1e-3 : 1e-1 * Math.abs(x);
}

function extrapolate(table: Float64Array[]): Float64Array {
  // table[k] = D(h0 / 2^k); in-place Neville-style elimination of h^2, h^4, ...
  const cur = table.map((a) => Float64Array.from(a));
  for (let m = 1; m < cur.length; m++) {
    const f = 4 ** m;
    for (let k = cur.length - 1; k >= m; k--) {
      const a = cur[k]!;
      const b = cur[k - 1]!;
      for (let i = 0; i < a.length; i++) a[i] = (f * a[i]! - b[i]!) / (f - 1);
    }
  }
  return cur[cur.length - 1]!;
}

/**
 * Jacobian J[i, j] = d g_i / d x_j of `g: R^p -> R^q` at `x`, column-major q x p, by
 * Richardson-extrapolated central differences with base steps `h[j]` (default `defaultStep`).
 */
export function numericJacobian(
  g: (x: Float64Array) => Float64Array,
  x: Float64Array,
  h?: ArrayLike<number>,
): { rows: number; cols: number; data: Float64Array } {
  const p = x.length;
  const q = g(x).length;
  const J = new Float64Array(q * p);
  const xp = Float64Array.from(x);
  for (let j = 0; j < p; j++) {
    const h0 = h?.[j] ?? defaultStep(x[j]!);
    const table: Float64Array[] = [];
    for (let k = 0; k < LEVELS; k++) {
      const hk = h0 / 2 ** k;
      xp[j] = x[j]! + hk;
      const gp = g(xp);
      xp[j] = x[j]! - hk;
      const gm = g(xp);
      xp[j] = x[j]!;
      const d = new Float64Array(q);
      for (let i = 0; i < q; i++) d[i] = (gp[i]! - gm[i]!) / (2 * hk);
      table.push(d);
    }
    J.set(extrapolate(table), j * q);
  }
  return { rows: q, cols: p, data: J };
}

/**
 * Hessian H[i, j] = d^2 f / dx_i dx_j of a scalar `f` at `x` (column-major p x p), from the
 * central second differences
 *   [f(x + h_i e_i + h_j e_j) - f(x + h_i e_i - h_j e_j) - f(x - h_i e_i + h_j e_j)
 *    + f(x - h_i e_i - h_j e_j)] / (4 h_i h_j)
 * (and [f(x + 2h e_i) - 2 f(x) + f(x - 2h e_i)] / (4 h^2) on the diagonal), Richardson-extrapolated.
 */
export function numericHessian(
  f: (x: Float64Array) => number,
  x: Float64Array,
  h?: ArrayLike<number>,
): { rows: number; cols: number; data: Float64Array } {
  const p = x.length;
  const H = new Float64Array(p * p);
  const xp = Float64Array.from(x);
  const f0 = f(x);
  const at = (i: number, di: number, j: number, dj: number): number => {
    xp[i] = xp[i]! + di;
    xp[j] = xp[j]! + dj;
    const v = f(xp);
    xp[i] = x[i]!;
    xp[j] = x[j]!;
    return v;
  };
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      const hi0 = h?.[i] ?? defaultStep(x[i]!);
      const hj0 = h?.[j] ?? defaultStep(x[j]!);
      const table: Float64Array[] = [];
      for (let k = 0; k < LEVELS; k++) {
        const hi = hi0 / 2 ** k;
        const hj = hj0 / 2 ** k;
        let d: number;
        if (i === j) {
          d = (at(i, 2 * hi, i, 0) - 2 * f0 + at(i, -2 * hi, i, 0)) / (4 * hi * hi);
        } else {
          d =
            (at(i, hi, j, hj) - at(i, hi, j, -hj) - at(i, -hi, j, hj) + at(i, -hi, j, -hj)) /
            (4 * hi * hj);
        }
        table.push(Float64Array.of(d));
      }
      const v = extrapolate(table)[0]!;
      H[i + j * p] = v;
      H[j + i * p] = v;
    }
  }
  return { rows: p, cols: p, data: H };
}
