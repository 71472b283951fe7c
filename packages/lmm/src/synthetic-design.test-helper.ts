import { standardNormal } from './simulate.js';

/**
 * Pieces of a seeded synthetic crossed design with n rows: the normal stream `z`, a column of
 * ones, a N(0, 1) covariate `x` (drawn first), and `factor(name, m)`, a grouping factor whose
 * first m rows cover every level and whose other rows take random levels (drawn from `z`).
 */
export function syntheticDesign(seed: number, n: number) {
  const z = standardNormal(seed);
  const x = Float64Array.from({ length: n }, () => z());
  const ones = new Float64Array(n).fill(1);
  const factor = (name: string, m: number) => ({
    name,
    codes: Int32Array.from({ length: n }, (_, i) =>
      i < m ? i : Math.floor(Math.abs(z()) * 1e6) % m,
    ),
    levels: Array.from({ length: m }, (_, l) => `${name}${l}`),
  });
  return { z, x, ones, factor };
}
