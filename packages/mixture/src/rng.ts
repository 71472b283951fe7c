import normal from '@stdlib/random-base-normal';
import poisson from '@stdlib/random-base-poisson';
import randu from '@stdlib/random-base-randu';
import { MixtureInputError } from './errors.js';

/** Seeded generators: uniform on [0, 1), standard normal, Poisson(lambda); Mersenne Twister. */
export interface MixtureRng {
  uniform(): number;
  normal(): number;
  poisson(lambda: number): number;
}

/**
 * Independent MT19937 streams for the uniforms, normals and Poisson draws, seeded with
 * 3 seed + 1, 3 seed + 2 and 3 seed + 3 (each @stdlib generator owns its state).
 */
export function mixtureRng(seed: number): MixtureRng {
  if (!Number.isInteger(seed) || seed < 0 || seed > 1e9)
    throw new MixtureInputError('seed', `must be an integer in [0, 1e9], got ${seed}`);
  const u = randu.factory({ name: 'mt19937', seed: 3 * seed + 1 });
  const z = normal.factory(0, 1, { seed: 3 * seed + 2 });
  const p = poisson.factory({ seed: 3 * seed + 3 });
  return { uniform: () => u(), normal: () => z(), poisson: (lambda) => p(lambda) };
}

/** Draws n labels Z_i in {0, ..., K-1} with P(Z = k) = w_k by inversion of one uniform each. */
export function drawLabels(rng: MixtureRng, weights: Float64Array, n: number): Int32Array {
  const K = weights.length;
  const z = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    let c = 0;
    let k = 0;
    for (; k < K - 1; k++) {
      c += weights[k]!;
      if (u < c) break;
    }
    z[i] = k;
  }
  return z;
}
