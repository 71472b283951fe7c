import { describe, expect, it } from 'vitest';
import { normal, rng } from './test-utils/helpers.js';
import { type VariableMetricWorkspace, variableMetricWorkspace } from './variable-metric.js';

/**
 * R's vmmin (src/appl/optim.c) transcribed literally: B stored as its lower triangle B[i][j],
 * j ≤ i, read as B[j][i] above the diagonal — the oracle both kernels must match bit for bit.
 */
class RVmmin {
  readonly B: number[][];
  readonly x: number[];
  readonly g: number[];
  readonly X: number[];
  readonly c: number[];
  readonly t: number[];
  constructor(readonly n: number) {
    this.B = Array.from({ length: n }, (_, i) => new Array<number>(i + 1).fill(0));
    this.x = new Array<number>(n).fill(0);
    this.g = new Array<number>(n).fill(0);
    this.X = new Array<number>(n).fill(0);
    this.c = new Array<number>(n).fill(0);
    this.t = new Array<number>(n).fill(0);
  }
  reset(): void {
    for (let i = 0; i < this.n; i++) {
      for (let j = 0; j < i; j++) this.B[i]![j] = 0;
      this.B[i]![i] = 1;
    }
  }
  direction(): number {
    const { n, B, x, g, X, c, t } = this;
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      X[i] = x[i]!;
      c[i] = g[i]!;
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s -= B[i]![j]! * g[j]!;
      for (let j = i + 1; j < n; j++) s -= B[j]![i]! * g[j]!;
      t[i] = s;
      gradproj += s * g[i]!;
    }
    return gradproj;
  }
  trial(step: number): number {
    let count = 0;
    for (let i = 0; i < this.n; i++) {
      this.x[i] = this.X[i]! + step * this.t[i]!;
      if (10 + this.X[i]! === 10 + this.x[i]!) count++;
    }
    return count;
  }
  update(step: number): number {
    const { n, B, g, X, c, t } = this;
    let D1 = 0;
    for (let i = 0; i < n; i++) {
      t[i] = step * t[i]!;
      c[i] = g[i]! - c[i]!;
      D1 += t[i]! * c[i]!;
    }
    if (D1 > 0) {
      let D2 = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j <= i; j++) s += B[i]![j]! * c[j]!;
        for (let j = i + 1; j < n; j++) s += B[j]![i]! * c[j]!;
        X[i] = s;
        D2 += s * c[i]!;
      }
      D2 = 1 + D2 / D1;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          B[i]![j]! += (D2 * t[i]! * t[j]! - X[i]! * t[j]! - t[i]! * X[j]!) / D1;
        }
      }
    }
    return D1;
  }
}

/** Every entry of B equals the oracle's (both triangles), compared with Object.is. */
function expectSameB(ws: VariableMetricWorkspace, ref: RVmmin): void {
  const B = ws.inverseHessian();
  const n = ref.n;
  let mismatches = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const r = i >= j ? ref.B[i]![j]! : ref.B[j]![i]!;
      if (!Object.is(B[i * n + j], r)) mismatches++;
    }
  }
  expect(mismatches).toBe(0);
}

/**
 * Drives the workspaces and the oracle through the same random sequence of vmmin steps
 * (reset, direction, trials, update, occasionally a negative-curvature step) and demands
 * identical doubles at every return value and in B, x.
 */
function driveAndCompare(n: number, seed: number, kinds: Array<'wasm' | 'js'>): void {
  const z = normal(rng(seed));
  const u = rng(seed + 1000);
  const wss = kinds.map((k) => variableMetricWorkspace(n, k));
  const ref = new RVmmin(n);
  try {
    const setBoth = (key: 'x' | 'g', values: number[]) => {
      for (const ws of wss) ws[key].set(values);
      for (let i = 0; i < n; i++) ref[key][i] = values[i]!;
    };
    for (const ws of wss) ws.resetInverseHessian();
    ref.reset();
    setBoth(
      'x',
      Array.from({ length: n }, () => z()),
    );
    setBoth(
      'g',
      Array.from({ length: n }, () => z()),
    );
    for (let iter = 0; iter < 25; iter++) {
      const gp = ref.direction();
      for (const ws of wss) expect(Object.is(ws.direction(), gp)).toBe(true);
      for (const step of [1, 0.2, 0.04 * u()]) {
        const count = ref.trial(step);
        for (const ws of wss) {
          expect(ws.trial(step)).toBe(count);
          expect(Array.from(ws.x)).toEqual(ref.x);
        }
      }
      // a new gradient: mostly y with positive curvature along s, sometimes not
      const flip = iter % 7 === 6 ? -1 : 1;
      setBoth(
        'g',
        ref.g.map((gi, i) => gi + flip * 0.3 * ref.t[i]! + 0.05 * z()),
      );
      const step = 0.04 + u();
      const D1 = ref.update(step);
      for (const ws of wss) expect(Object.is(ws.update(step), D1)).toBe(true);
      for (const ws of wss) expectSameB(ws, ref);
      if (iter % 11 === 10) {
        for (const ws of wss) ws.resetInverseHessian();
        ref.reset();
      }
    }
  } finally {
    for (const ws of wss) ws.release();
  }
}

describe('variableMetricWorkspace', () => {
  it('serves WebAssembly by default here (Node has WebAssembly SIMD)', () => {
    const ws = variableMetricWorkspace(3);
    expect(ws.kind).toBe('wasm');
    ws.release();
    expect(variableMetricWorkspace(3, 'js').kind).toBe('js');
  });

  it("matches R's vmmin arithmetic bit for bit, both kernels, n = 1 … 19 and 33", () => {
    // sizes cover every unrolling of the SIMD kernels: 8-row blocks, row pairs, a last odd row
    for (const n of [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 16, 17, 19, 33]) {
      driveAndCompare(n, 40 + n, ['wasm', 'js']);
    }
  });

  it('grows its memory for large n (n = 150 needs more than one 64 KiB page)', () => {
    driveAndCompare(150, 7, ['wasm', 'js']);
  });

  it('keeps nested workspaces independent (an objective that optimizes inside)', () => {
    const outer = variableMetricWorkspace(4);
    outer.resetInverseHessian();
    outer.x.set([1, 2, 3, 4]);
    outer.g.set([0.5, -1, 2, 0.25]);
    const before = outer.direction();
    // an inner workspace lives and is released while the outer one is in use
    driveAndCompare(6, 3, ['wasm']);
    const inner = variableMetricWorkspace(4);
    inner.resetInverseHessian();
    inner.x.set([9, 9, 9, 9]);
    inner.g.set([1, 1, 1, 1]);
    inner.direction();
    expect(Array.from(outer.x)).toEqual([1, 2, 3, 4]);
    expect(Object.is(outer.direction(), before)).toBe(true);
    expect(before).toBe(-(0.25 + 1 + 4 + 0.0625));
    inner.release();
    outer.release();
  });

  it('counts unchanged coordinates as R does, and skips the update when D1 ≤ 0', () => {
    for (const kind of ['wasm', 'js'] as const) {
      const ws = variableMetricWorkspace(3, kind);
      ws.resetInverseHessian();
      ws.x.set([1, -2, 3]);
      ws.g.set([1e-30, 4, -8]);
      expect(ws.direction()).toBe(-(1e-60 + 16 + 64));
      // step 1: x = X − g; the first coordinate moves by 1e-30, invisible next to 10
      expect(ws.trial(1)).toBe(1);
      expect(Array.from(ws.x)).toEqual([1 - 1e-30, -6, 11]);
      expect(ws.trial(0)).toBe(3);
      // a gradient that did not change: y = 0, so D1 = 0 and B stays I
      expect(ws.update(1)).toBe(0);
      expect(Array.from(ws.inverseHessian())).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
      ws.release();
    }
  });

  it('rejects a size that is not a positive integer', () => {
    expect(() => variableMetricWorkspace(0)).toThrow(/n must be a positive integer/);
    expect(() => variableMetricWorkspace(2.5)).toThrow(/n must be a positive integer/);
  });
});
