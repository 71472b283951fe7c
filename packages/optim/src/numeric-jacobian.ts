import { toParameters } from './checks.js';
import { InvalidArgumentError, NonFiniteValueError } from './errors.js';
import { checkSide, extrapolate, initialSteps, type NumericGradientOptions } from './richardson.js';

/** A q × p Jacobian, column-major: J[i, j] = data[i + j·rows]. */
export interface NumericJacobian {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * Jacobian J[i, j] = ∂f_i/∂x_j of a vector map f: R^p → R^q by Richardson extrapolation
 * (numDeriv `jacobian(method = "Richardson")`, defaults d = 1e-4, eps = 1e-4, r = 4, v = 2):
 * per coordinate j, central differences a_k = (f(x + h_k e_j) − f(x − h_k e_j)) / (2 h_k),
 * h_k = h0_j / v^(k−1), k = 1..r, combined componentwise as a ← (4^m a_{k+1} − a_k)/(4^m − 1),
 * m = 1..r−1 (error O(h^(2r))). `side` (+1/−1 per coordinate) gives one-sided differences
 * (f(x + 2h e_j) − f(x))/(2h) or (f(x) − f(x − 2h e_j))/(2h), as numDeriv.
 */
export function numericJacobian(
  f: (x: Float64Array) => ArrayLike<number>,
  x: ArrayLike<number>,
  options: NumericGradientOptions = {},
): NumericJacobian {
  const x0 = toParameters(x, 'x');
  const p = x0.length;
  const r = options.r ?? 4;
  const v = options.v ?? 2;
  if (!Number.isInteger(r) || r < 1) {
    throw new InvalidArgumentError('r', `is ${r}, expected a positive integer`);
  }
  const side = checkSide(options.side, p);
  const q = f(Float64Array.from(x0)).length;
  const h0 = initialSteps(x0, options, 1e-4);
  // table[i + k q] = a_k for component i of the current column
  const table = new Float64Array(q * r);
  const A = new Float64Array(r);
  const J = new Float64Array(q * p);
  const xt = Float64Array.from(x0);
  for (let j = 0; j < p; j++) {
    const s = side === undefined ? 0 : side[j] || 0;
    let h = h0[j];
    for (let k = 0; k < r; k++) {
      const ph = s === 1 ? 2 * h : s === -1 ? 0 : h;
      const mh = s === -1 ? 2 * h : s === 1 ? 0 : h;
      xt[j] = x0[j] + ph;
      const fp = f(xt);
      xt[j] = x0[j] - mh;
      const fm = f(xt);
      xt[j] = x0[j];
      if (fp.length !== q || fm.length !== q) {
        throw new InvalidArgumentError('f', `returned ${fp.length} values, expected ${q}`);
      }
      for (let i = 0; i < q; i++) {
        const a = (fp[i] - fm[i]) / (2 * h);
        if (Number.isNaN(a)) {
          throw new NonFiniteValueError('f', `component ${i} is NaN at distance ${h} from x[${j}]`);
        }
        table[i + k * q] = a;
      }
      h /= v;
    }
    for (let i = 0; i < q; i++) {
      for (let k = 0; k < r; k++) A[k] = table[i + k * q];
      J[i + j * q] = extrapolate(A, r);
    }
  }
  return { rows: q, cols: p, data: J };
}
