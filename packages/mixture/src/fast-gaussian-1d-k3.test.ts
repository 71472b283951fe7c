import { describe, expect, it } from 'vitest';
import { eStepKernelK3 } from './fast-gaussian-1d-k3.js';
import { eStepKernelBlocked } from './gaussian-1d-em.js';
import { logBlock } from './normalize-block.js';

/** Deterministic test data: a 3-component normal mixture by Box–Muller from an LCG. */
function sample(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const u = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    const c = u();
    y[i] = c < 0.3 ? -3 + z : c < 0.7 ? 0.5 + 1.5 * z : 6 + 0.7 * z;
  }
  return y;
}

function coefficients(w: number[], v: number[]): { a: Float64Array; b: Float64Array } {
  const a = Float64Array.from(w, (wk, k) => Math.log(wk) - 0.5 * Math.log(2 * Math.PI * v[k]!));
  const b = Float64Array.from(v, (vk) => 0.5 / vk);
  return { a, b };
}

function run(
  kernel: typeof eStepKernelK3,
  y: Float64Array,
  a: Float64Array,
  b: Float64Array,
  mu: number[],
) {
  const nk = new Float64Array(3);
  const s1 = new Float64Array(3);
  const s2 = new Float64Array(3);
  const logLik = kernel(y, a, b, mu, logBlock(3), nk, s1, s2);
  return [logLik, ...nk, ...s1, ...s2];
}

describe('eStepKernelK3', () => {
  it('is bit-for-bit the blocked general kernel (exact equality, no tolerance)', () => {
    // The fused kernel reorders the loops but not one floating-point operation, so equality is
    // exact; any difference would change EM paths and iteration counts tested against R.
    const cases: { w: number[]; mu: number[]; v: number[] }[] = [
      { w: [0.3, 0.4, 0.3], mu: [-3, 0.5, 6], v: [1, 2.25, 0.49] },
      { w: [1 / 3, 1 / 3, 1 / 3], mu: [-3, 0, 5], v: [1, 1, 1] },
      // Far-apart, narrow components: most terms fall below the underflow cut.
      { w: [0.2, 0.3, 0.5], mu: [-10, 3, 40], v: [1e-4, 0.01, 0.5] },
      // Identical components: ties at the maximum (several terms exactly 1).
      { w: [0.5, 0.25, 0.25], mu: [1, 1, 1], v: [2, 2, 2] },
    ];
    for (const n of [1, 7, 1023, 1024, 1025, 5000]) {
      const y = sample(n, 7 + n);
      for (const c of cases) {
        const { a, b } = coefficients(c.w, c.v);
        const fused = run(eStepKernelK3, y, a, b, c.mu);
        const blocked = run(eStepKernelBlocked, y, a, b, c.mu);
        fused.forEach((v, i) => {
          expect(Object.is(v, blocked[i]), `n=${n} mu=${c.mu} entry ${i}`).toBe(true);
        });
        expect(Number.isFinite(fused[0]!)).toBe(true);
      }
    }
  });

  it('sums of responsibilities equal n and the log-likelihood matches a direct evaluation', () => {
    const y = sample(3000, 11);
    const w = [0.3, 0.4, 0.3];
    const mu = [-3, 0.5, 6];
    const v = [1, 2.25, 0.49];
    const { a, b } = coefficients(w, v);
    const [logLik, n0, n1, n2] = run(eStepKernelK3, y, a, b, mu);
    // sum_k z_ik = 1 per point up to rounding: 3000 terms of ~1e-16 each, so 1e-11 absolute.
    expect(Math.abs(n0! + n1! + n2! - 3000)).toBeLessThan(1e-11);
    let direct = 0;
    for (let i = 0; i < y.length; i++) {
      let f = 0;
      for (let k = 0; k < 3; k++) {
        const d = y[i]! - mu[k]!;
        f += (w[k]! * Math.exp((-0.5 * d * d) / v[k]!)) / Math.sqrt(2 * Math.PI * v[k]!);
      }
      direct += Math.log(f);
    }
    // Both sides are sums of 3000 logs of well-scaled densities: 1e-12 relative.
    expect(Math.abs(logLik! - direct) / Math.abs(direct)).toBeLessThan(1e-12);
  });
});
