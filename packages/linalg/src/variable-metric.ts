/**
 * The linear algebra of R's variable-metric minimizer `vmmin` (`optim(method = "BFGS")`) as
 * kernels over one workspace: the inverse-Hessian approximation B and the vectors of one
 * iteration, with every operation in R's order so that an optimizer built on them follows R's
 * path bit for bit. The default kernel is WebAssembly SIMD (wasm/gen-vm-kernel.mjs: each f64x2
 * lane does exactly the scalar operations, no fused multiply-add); the plain JavaScript kernel
 * serves where WebAssembly is unavailable and gives the same bits.
 */
import { VM_KERNEL_WASM_BASE64 } from './wasm-vm-kernel-bytes.js';
import { type WasmMemory, compileWasm, instantiateWasm } from './wasm-runtime.js';

/**
 * One problem's state: B (n × n, symmetric), the point x, the gradient g, and R's work vectors
 * X (point at the start of the line search, then B y), c (gradient at that point, then y) and
 * t (search direction, then s). Obtain with {@link variableMetricWorkspace}; B holds no
 * defined value until `resetInverseHessian()` (vmmin resets it before its first direction).
 * Call `release()` when done: the arrays must not be used afterwards.
 */
export interface VariableMetricWorkspace {
  readonly n: number;
  /** Which kernel serves this workspace. */
  readonly kind: 'wasm' | 'js';
  /** The current point: the optimizer evaluates the objective here. */
  readonly x: Float64Array;
  /** The gradient at x: the optimizer writes it here. */
  readonly g: Float64Array;
  /** B ← I. */
  resetInverseHessian(): void;
  /** X ← x, c ← g, t ← −B g (t_i = 0 − Σ_j B_ij g_j, in order); returns tᵀg. */
  direction(): number;
  /**
   * x ← X + step·t; returns #{i : 10 + X_i = 10 + x_i}, R's test that the step no longer
   * changes the point.
   */
  trial(step: number): number;
  /**
   * s = step·t, y = g − c, D1 = sᵀy; when D1 > 0 the BFGS update of the inverse Hessian
   * B ← B + ((1 + yᵀBy/D1) s sᵀ − (By) sᵀ − s (By)ᵀ)/D1, each entry i ≥ j computed as R's
   * `B[i][j] += (D2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / D1` and mirrored. Returns D1.
   */
  update(step: number): number;
  /** A copy of B (n × n; symmetric, so row- and column-major alike). */
  inverseHessian(): Float64Array;
  /** Returns the workspace for reuse; its arrays are invalid afterwards. */
  release(): void;
}

interface VmExports {
  readonly memory: WasmMemory;
  reset(n: number): void;
  direction(n: number): number;
  trial(n: number, step: number): number;
  update(n: number, step: number): number;
}

const vmModule = compileWasm(VM_KERNEL_WASM_BASE64);
/** Idle WebAssembly instances (one per concurrently live workspace, e.g. nested optimizations). */
const pool: VmExports[] = [];
const POOL_MAX = 8;

/**
 * A workspace for n parameters: `kind` 'wasm' (the default where WebAssembly SIMD is
 * available) or 'js'. Workspaces are independent, so optimizations may nest.
 */
export function variableMetricWorkspace(
  n: number,
  kind: 'wasm' | 'js' = 'wasm',
): VariableMetricWorkspace {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`variableMetricWorkspace: n must be a positive integer, got ${n}`);
  }
  return kind === 'wasm' && vmModule !== null ? wasmWorkspace(n) : jsWorkspace(n);
}

function wasmWorkspace(n: number): VariableMetricWorkspace {
  const ex = pool.pop() ?? instantiateWasm<VmExports>(vmModule!);
  const bytes = 8 * (n * n + 5 * n);
  const short = bytes - ex.memory.buffer.byteLength;
  if (short > 0) ex.memory.grow(Math.ceil(short / 65536));
  return new WasmWorkspace(n, ex);
}

/** A workspace in one WebAssembly instance's memory (a class: one shape, monomorphic calls). */
class WasmWorkspace implements VariableMetricWorkspace {
  readonly kind = 'wasm';
  readonly x: Float64Array;
  readonly g: Float64Array;
  private released = false;
  constructor(
    readonly n: number,
    private readonly ex: VmExports,
  ) {
    const buf = ex.memory.buffer;
    this.x = new Float64Array(buf, 8 * n * n, n);
    this.g = new Float64Array(buf, 8 * (n * n + n), n);
  }
  resetInverseHessian(): void {
    this.ex.reset(this.n);
  }
  direction(): number {
    return this.ex.direction(this.n);
  }
  trial(step: number): number {
    return this.ex.trial(this.n, step);
  }
  update(step: number): number {
    return this.ex.update(this.n, step);
  }
  inverseHessian(): Float64Array {
    return new Float64Array(this.ex.memory.buffer, 0, this.n * this.n).slice();
  }
  release(): void {
    if (this.released) return;
    this.released = true;
    if (pool.length < POOL_MAX) pool.push(this.ex);
  }
}

/** R's reltol test constant in vmmin: a coordinate "changes" when 10 + X_i ≠ 10 + x_i. */
const REL_TEST = 10;

function jsWorkspace(n: number): VariableMetricWorkspace {
  const B = new Float64Array(n * n);
  const x = new Float64Array(n);
  const g = new Float64Array(n);
  const X = new Float64Array(n);
  const c = new Float64Array(n);
  const t = new Float64Array(n);
  return {
    n,
    kind: 'js',
    x,
    g,
    resetInverseHessian: () => {
      B.fill(0);
      for (let i = 0; i < n; i++) B[i * n + i] = 1;
    },
    direction: () => {
      X.set(x);
      c.set(g);
      let gradproj = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s -= B[i * n + j] * g[j];
        t[i] = s;
        gradproj += s * g[i];
      }
      return gradproj;
    },
    trial: (step) => {
      let count = 0;
      for (let i = 0; i < n; i++) {
        const xi = X[i] + step * t[i];
        x[i] = xi;
        if (REL_TEST + X[i] === REL_TEST + xi) count++;
      }
      return count;
    },
    update: (step) => {
      let D1 = 0;
      for (let i = 0; i < n; i++) {
        t[i] = step * t[i];
        c[i] = g[i] - c[i];
        D1 += t[i] * c[i];
      }
      if (!(D1 > 0)) return D1;
      let D2 = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += B[i * n + j] * c[j];
        X[i] = s;
        D2 += s * c[i];
      }
      D2 = 1 + D2 / D1;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          const v = B[i * n + j] + (D2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / D1;
          B[i * n + j] = v;
          B[j * n + i] = v;
        }
      }
      return D1;
    },
    inverseHessian: () => B.slice(),
    release: () => {},
  };
}
