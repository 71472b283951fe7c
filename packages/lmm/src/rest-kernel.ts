import {
  type SparseEliminationKernel,
  eliminationPattern,
  sparseEliminationKernel,
  sparseEliminationKind,
} from '@likelihood/linalg';
import { type GroupedSchur, groupWeightsInto } from './grouped-schur.js';
import type { RestOrdering } from './rest-ordering.js';

/**
 * The ordered rest block S and the two scattered loops of an evaluation bound to one system's
 * symbolic data, on @likelihood/linalg's sparse kernels (WebAssembly where available, the same
 * bits as their JavaScript loops): the grouped Schur update S −= D (Σ_g ω(n_g) M_g) D of
 * {@link GroupedSchur} and the left-looking sparse elimination of the columns 0 … k0−1 of the
 * ordering (`eliminateSparseInPlace`).
 */
export interface RestKernel {
  /** The m × m block (column-major, lower triangle), filled by the caller. */
  readonly S: Float64Array;
  /**
   * S[target_k] −= s_a s_b Σ_g ω(n_g) (M_g)_ab with ω(n) = λ1²/(λ1² n + 1) (the grouped
   * Schur update of `gs`; `s` = diag(Λr) over the natural rest rows). Mutates `S`.
   */
  subtractGrouped(lambda1: number, s: Float64Array): void;
  /** Eliminates columns 0 … k0−1 of `S` in place; −1 or the first non-positive pivot. */
  eliminate(): number;
  readonly kernel: 'wasm' | 'js';
}

/** Whether the WebAssembly kernel serves here (WebAssembly present, module compiles). */
export function restKernelWasmAvailable(): boolean {
  return sparseEliminationKind() === 'wasm';
}

/**
 * Allocates S (m × m) and binds the elimination of the columns 0 … ord.k0−1 over their
 * patterns and, when `gs` is given, its grouped Schur update. `kernel: 'js'` forces the
 * JavaScript loops (tests; also linalg's fallback without WebAssembly).
 */
export function restKernel(
  m: number,
  ord: Pick<RestOrdering, 'k0' | 'colPtr' | 'colRows'>,
  gs: GroupedSchur | null,
  kernel: 'wasm' | 'js' = 'wasm',
): RestKernel {
  const k: SparseEliminationKernel = sparseEliminationKernel(
    eliminationPattern(m, ord.k0, ord.colPtr, ord.colRows),
    gs,
    kernel,
  );
  const omega = new Float64Array(gs === null ? 0 : gs.groupN.length);
  return {
    S: k.S,
    subtractGrouped: (lambda1, s) => {
      if (gs === null) throw new Error('subtractGrouped: no grouped Schur update was bound');
      groupWeightsInto(gs.groupN, lambda1, omega);
      k.subtractGroupedScatter(omega, s);
    },
    eliminate: () => k.eliminate(),
    kernel: k.kind,
  };
}
