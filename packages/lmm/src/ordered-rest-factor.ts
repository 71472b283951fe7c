import { choleskyInPlace } from '@likelihood/linalg';
import { allocateFactor, type BlockedFactor, formTerm1BlocksInPlace } from './blocked-cholesky.js';
import { choleskyLowerInPlace } from './dense-cholesky.js';
import { type GroupedSchur, groupedSchur, logDetTerm1Grouped } from './grouped-schur.js';
import type { LmmSystem } from './lmm-system.js';
import { devianceFromSummary } from './profiled-deviance.js';
import { lambdaBlockInto } from './re-terms.js';
import { type RestKernel, restKernel, restKernelWasmAvailable } from './rest-kernel.js';
import {
  MAX_ORDERED_REST,
  MIN_ORDERED_REST,
  type RestOrdering,
  restOrdering,
  SPARSE_COST,
  SPARSE_COST_JS,
} from './rest-ordering.js';

/**
 * Workspace of {@link factorRestOrderedInPlace}: the ordered rest block S with its scattered
 * loops (`rest.S`, which {@link formRestOrderedInPlace} fills as the factor's `Lrr`), whether
 * the grouped Schur update is bound, and the dense trailing block T.
 */
export interface OrderedWork {
  readonly rest: RestKernel;
  readonly grouped: boolean;
  readonly T: Float64Array;
}

/**
 * Allocates the workspace for the order `ord` and the grouped Schur update `gs` (null: the
 * per-level update); `kernel` picks the scattered loops' implementation (default wasm).
 */
export function allocateOrderedWork(
  sys: LmmSystem,
  ord: RestOrdering,
  gs: GroupedSchur | null,
  kernel: 'wasm' | 'js' = 'wasm',
): OrderedWork {
  const t = sys.m - ord.k0;
  return {
    rest: restKernel(sys.m, ord, gs, kernel),
    grouped: gs !== null,
    T: new Float64Array(t * t),
  };
}

/**
 * Forms P S Pᵀ (lower triangle, into `f.Lrr`) for the rest block
 * S = Λrᵀ A_rr Λr + I − Σ_j Lr1_j Lr1_jᵀ of {@link formRestInPlace}, in the elimination order
 * `ord`, for diagonal Λr (every term after the first scalar). Needs `formTerm1BlocksInPlace`
 * at the same θ first (with `grouped`, only its Λ blocks: `f.lambdas`). With `grouped` (a
 * kernel whose S is `f.Lrr` and which has a grouped Schur update bound) the Schur part is its
 * `subtractGrouped`, else the per-level loop over Lr1.
 */
export function formRestOrderedInPlace(
  sys: LmmSystem,
  ord: RestOrdering,
  f: BlockedFactor,
  grouped: RestKernel | null = null,
): void {
  const { terms, m, qRest, nl1, p1, r1Ptr, arrPtr, arrRows, arrVals } = sys;
  const { pos, entryOrder, entryPos } = ord;
  const { lambdas, Lr1, restScale: s } = f;
  const L = f.Lrr;
  s.fill(1);
  for (let k = 1; k < terms.length; k++) {
    const o = sys.restOffset[k]!;
    s.fill(lambdas[k]![0]!, o, o + terms[k]!.nlevels);
  }
  for (let j = 0; j < m; j++) L.fill(0, j + j * m, (j + 1) * m);
  // (P Λrᵀ A_rr Λr Pᵀ): entry (i, j) of A_rr lands at (pos i, pos j), mirrored into the lower
  for (let j = 0; j < m; j++) {
    const pj = pos[j]!;
    const sj = s[j]!;
    for (let e = arrPtr[j]!; e < arrPtr[j + 1]!; e++) {
      const i = arrRows[e]!;
      const pi = pos[i]!;
      const v = arrVals[e]! * s[i]! * sj;
      if (pi >= pj) L[pi + pj * m] = v;
      else L[pj + pi * m] = v;
    }
  }
  for (let i = 0; i < qRest; i++) L[pos[i]! * (m + 1)]! += 1;
  if (grouped !== null) {
    grouped.subtractGrouped(lambdas[0]![0]!, s);
    return;
  }
  // − Σ_j Lr1_j Lr1_jᵀ, level j's entries taken in elimination order so that a ≥ b is lower
  for (let j = 0; j < nl1; j++) {
    const e0 = r1Ptr[j]!;
    const e1 = r1Ptr[j + 1]!;
    for (let c = 0; c < p1; c++) {
      for (let ib = e0; ib < e1; ib++) {
        const eb = entryOrder[ib]!;
        const vb = Lr1[eb * p1 + c]!;
        if (vb === 0) continue;
        const colOff = entryPos[eb]! * m;
        for (let ia = ib; ia < e1; ia++) {
          const ea = entryOrder[ia]!;
          L[entryPos[ea]! + colOff]! -= Lr1[ea * p1 + c]! * vb;
        }
      }
    }
  }
}

/** log|L|² of the random-effect rest rows, log|R_X|² and r²_θ of an ordered rest factor. */
export interface OrderedRestSummary {
  readonly logDetRest2: number;
  readonly logDetRX2: number;
  readonly pwrss: number;
}

/**
 * Factors P S Pᵀ = L Lᵀ in place in `work.rest.S` (lower triangle, leading dimension m):
 * left-looking sparse elimination of the columns k < k0 over their symbolic patterns only
 * (linalg's `eliminateSparseInPlace`), then the trailing (m − k0)² block copied
 * to `work.T` and factored by linalg's blocked Cholesky. Returns the summary pieces, or null
 * when a pivot is not positive.
 */
export function factorRestOrderedInPlace(
  sys: LmmSystem,
  ord: RestOrdering,
  work: OrderedWork,
): OrderedRestSummary | null {
  const { m, qRest: q, p } = sys;
  const { k0 } = ord;
  const { T, rest } = work;
  const S = rest.S;
  if (rest.eliminate() >= 0) return null;
  let ld = 0;
  for (let k = 0; k < k0; k++) ld += Math.log(S[k + k * m]!);
  const t = m - k0;
  for (let j = 0; j < t; j++) T.set(S.subarray(k0 + j + (k0 + j) * m, (k0 + j + 1) * m), j + j * t);
  const failed =
    t <= 48 ? choleskyLowerInPlace(T, t) : choleskyInPlace({ rows: t, cols: t, data: T }).failedAt;
  if (failed >= 0) return null;
  for (let i = 0; i < q - k0; i++) ld += Math.log(T[i + i * t]!);
  let ldx = 0;
  for (let i = q - k0; i < q - k0 + p; i++) ldx += Math.log(T[i + i * t]!);
  const r = T[t * t - 1]!;
  return { logDetRest2: 2 * ld, logDetRX2: 2 * ldx, pwrss: r * r };
}

/**
 * The profiled deviance θ → −2ℓ(θ) (ML) or −2ℓ_R(θ) (REML), equal to {@link lmmDeviance}'s
 * objective up to rounding, computed through a fill-reducing order of the rest block:
 * log|L_θ|² = 2 Σ log diag L11 + 2 Σ log diag of the ordered rest factor's random-effect rows.
 * Returns null when the order does not pay: a term after the first has a vector-valued Λ
 * block, the random-effect rest rows are fewer than `minRest` (default 256) or more than
 * 8192, or the best split keeps the whole block dense. The objective has its own workspace;
 * it does not update the natural-order factor that fits read. Options (tests, benchmarks):
 * `sparseCost` of the split (default `SPARSE_COST`, or `SPARSE_COST_JS` for the JavaScript
 * loops), `groupedSchur: false` for the per-level Schur update, `kernel: 'js'` to run the
 * scattered loops in JavaScript instead of WebAssembly.
 */
export function orderedDevianceObjective(
  sys: LmmSystem,
  reml: boolean,
  options: {
    readonly minRest?: number;
    readonly sparseCost?: number;
    readonly groupedSchur?: boolean;
    readonly kernel?: 'wasm' | 'js';
  } = {},
): ((theta: ArrayLike<number>) => number) | null {
  if (sys.qRest < (options.minRest ?? MIN_ORDERED_REST) || sys.qRest > MAX_ORDERED_REST)
    return null;
  if (!sys.terms.every((t, k) => k === 0 || t.p === 1)) return null;
  const wasm = options.kernel !== 'js' && restKernelWasmAvailable();
  const ord = restOrdering(sys, options.sparseCost ?? (wasm ? SPARSE_COST : SPARSE_COST_JS));
  if (ord.k0 === 0) return null;
  const gs = options.groupedSchur === false ? null : groupedSchur(sys, ord);
  const work = allocateOrderedWork(sys, ord, gs, options.kernel);
  const f = allocateFactor(sys, work.rest.S);
  const grouped = work.grouped ? work.rest : null;
  const { p1, nl1, terms } = sys;
  return (theta) => {
    let logDetL11x2 = 0;
    if (gs !== null) {
      // the grouped update reads only Λ and n_j: L11 and Lr1 are not formed
      for (let k = 0; k < terms.length; k++) lambdaBlockInto(terms[k]!, theta, f.lambdas[k]!);
      logDetL11x2 = logDetTerm1Grouped(gs, f.lambdas[0]![0]!);
    } else {
      formTerm1BlocksInPlace(sys, theta, f);
      let l1 = 0;
      for (let j = 0; j < nl1; j++)
        for (let c = 0; c < p1; c++) l1 += Math.log(f.L11[j * p1 * p1 + c + c * p1]!);
      logDetL11x2 = 2 * l1;
    }
    formRestOrderedInPlace(sys, ord, f, grouped);
    const s = factorRestOrderedInPlace(sys, ord, work);
    if (s === null) return Number.POSITIVE_INFINITY;
    return devianceFromSummary(
      { logDetL2: logDetL11x2 + s.logDetRest2, logDetRX2: s.logDetRX2, pwrss: s.pwrss },
      sys.n,
      sys.p,
      reml,
    );
  };
}
