import { LmmInputError } from './errors.js';
import type { GroupingFactor } from './re-terms.js';
import { pfUpper } from '@likelihood/glm';

/** Balanced one-way random-effects ANOVA: y_ij = μ + a_i + e_ij, m groups of n. */
export interface OnewayAnova {
  readonly m: number;
  readonly n: number;
  readonly grandMean: number;
  readonly ssBetween: number;
  readonly ssWithin: number;
  readonly msBetween: number;
  readonly msWithin: number;
  /** F = MSG / MSE on (m − 1, m(n − 1)) df, the test of τ² = 0. */
  readonly F: number;
  readonly dfBetween: number;
  readonly dfWithin: number;
  readonly pValue: number;
  /** Method-of-moments (= REML when positive): τ̂² = max(0, (MSG − MSE)/n), σ̂² = MSE. */
  readonly anova: { readonly tau2: number; readonly sigma2: number; readonly boundary: boolean };
  /**
   * Closed-form ML: σ̂² = MSE, τ̂² = (SSB/m − MSE)/n; at the boundary (τ̂² ≤ 0) τ̂² = 0 and
   * σ̂² = (SSB + SSW)/(mn). μ̂ = ȳ in both.
   */
  readonly ml: {
    readonly mu: number;
    readonly tau2: number;
    readonly sigma2: number;
    readonly boundary: boolean;
  };
}

/**
 * The balanced one-way ANOVA table and its variance-component estimators (seed 001/004):
 * SSB = n Σ_i (ȳ_i − ȳ)², SSW = Σ_ij (y_ij − ȳ_i)², MSG = SSB/(m − 1), MSE = SSW/(m(n − 1)).
 * @throws LmmInputError when the groups are not balanced or have fewer than 2 members/levels.
 */
export function onewayAnova(y: ArrayLike<number>, group: GroupingFactor): OnewayAnova {
  const N = y.length;
  if (group.codes.length !== N)
    throw new LmmInputError('group.codes', `has length ${group.codes.length}, expected ${N}`);
  const m = group.levels.length;
  const count = new Float64Array(m);
  const sum = new Float64Array(m);
  for (let i = 0; i < N; i++) {
    const g = group.codes[i]!;
    if (!(g >= 0 && g < m))
      throw new LmmInputError(`group '${group.name}'`, `invalid code at row ${i}`);
    if (!Number.isFinite(y[i]!)) throw new LmmInputError('y', `non-finite value at row ${i}`);
    count[g]!++;
    sum[g]! += y[i]!;
  }
  const n = count[0]!;
  for (let g = 0; g < m; g++)
    if (count[g] !== n)
      throw new LmmInputError(
        `group '${group.name}'`,
        `design is unbalanced: level '${group.levels[g]}' has ${count[g]} observations, level '${group.levels[0]}' has ${n}`,
      );
  if (m < 2 || n < 2)
    throw new LmmInputError(`group '${group.name}'`, 'needs at least 2 groups of at least 2');
  let total = 0;
  for (let i = 0; i < N; i++) total += y[i]!;
  const grandMean = total / N;
  let ssw = 0;
  for (let i = 0; i < N; i++) {
    const d = y[i]! - sum[group.codes[i]!]! / n;
    ssw += d * d;
  }
  let ssb = 0;
  for (let g = 0; g < m; g++) ssb += n * (sum[g]! / n - grandMean) ** 2;
  const dfB = m - 1;
  const dfW = m * (n - 1);
  const msb = ssb / dfB;
  const msw = ssw / dfW;
  const F = msb / msw;
  const tauMom = (msb - msw) / n;
  const tauMl = (ssb / m - msw) / n;
  return {
    m,
    n,
    grandMean,
    ssBetween: ssb,
    ssWithin: ssw,
    msBetween: msb,
    msWithin: msw,
    F,
    dfBetween: dfB,
    dfWithin: dfW,
    pValue: pfUpper(F, dfB, dfW),
    anova: { tau2: Math.max(0, tauMom), sigma2: msw, boundary: tauMom <= 0 },
    ml:
      tauMl > 0
        ? { mu: grandMean, tau2: tauMl, sigma2: msw, boundary: false }
        : { mu: grandMean, tau2: 0, sigma2: (ssb + ssw) / N, boundary: true },
  };
}

/** The aggregated-model F test of an interaction variance component (seed 004 §4). */
export interface AggregatedFTest {
  /** Replicates per cell. */
  readonly K: number;
  /** Residual mean square of the full (cell-means) model, E = σ². */
  readonly mseFull: number;
  /** Residual mean square of the additive model for the cell means, E = σ²_ab + σ²/K. */
  readonly mseAgg: number;
  /** F = K·MSE_agg / MSE_full on (df1, df2) = ((a − 1)(b − 1), n − ab). */
  readonly F: number;
  readonly df1: number;
  readonly df2: number;
  readonly pValue: number;
  /** Unbiased estimate σ̂²_ab = MSE_agg − MSE_full/K (may be negative). */
  readonly sigma2ab: number;
}

/**
 * Tests H0: σ²_ab = 0 in the balanced two-way mixed model
 * y_ijk = μ + α_i + β_j + (αβ)_ij + ε_ijk with K replicates per cell, through the aggregated
 * model for the cell means ȳ_ij = μ + α_i + β_j + e_ij (balanced: residuals
 * ȳ_ij − ȳ_i· − ȳ_·j + ȳ_··). Equivalent to the partial F test of the interaction.
 * @throws LmmInputError when a cell count differs from the others or K < 2.
 */
export function aggregatedFTest(
  y: ArrayLike<number>,
  a: GroupingFactor,
  b: GroupingFactor,
): AggregatedFTest {
  const n = y.length;
  const na = a.levels.length;
  const nb = b.levels.length;
  if (a.codes.length !== n || b.codes.length !== n)
    throw new LmmInputError('factors', `must have ${n} codes like y`);
  const cnt = new Float64Array(na * nb);
  const sum = new Float64Array(na * nb);
  for (let i = 0; i < n; i++) {
    const c = a.codes[i]! + na * b.codes[i]!;
    if (!(a.codes[i]! >= 0 && b.codes[i]! >= 0))
      throw new LmmInputError('factors', `missing code at row ${i}`);
    cnt[c]!++;
    sum[c]! += y[i]!;
  }
  const K = cnt[0]!;
  for (let c = 0; c < na * nb; c++)
    if (cnt[c] !== K)
      throw new LmmInputError(
        `cell ${a.levels[c % na]}:${b.levels[Math.floor(c / na)]}`,
        `has ${cnt[c]} observations, the first cell ${K}: the design must be balanced`,
      );
  if (K < 2) throw new LmmInputError('y', 'needs at least 2 replicates per cell');
  const mean = Float64Array.from(sum, (s) => s / K);
  let ssFull = 0;
  for (let i = 0; i < n; i++) ssFull += (y[i]! - mean[a.codes[i]! + na * b.codes[i]!]!) ** 2;
  const rowM = new Float64Array(na);
  const colM = new Float64Array(nb);
  let grand = 0;
  for (let i = 0; i < na; i++)
    for (let j = 0; j < nb; j++) {
      const v = mean[i + na * j]!;
      rowM[i]! += v / nb;
      colM[j]! += v / na;
      grand += v / (na * nb);
    }
  let ssAgg = 0;
  for (let i = 0; i < na; i++)
    for (let j = 0; j < nb; j++) ssAgg += (mean[i + na * j]! - rowM[i]! - colM[j]! + grand) ** 2;
  const df1 = (na - 1) * (nb - 1);
  const df2 = n - na * nb;
  const mseFull = ssFull / df2;
  const mseAgg = ssAgg / df1;
  const F = (K * mseAgg) / mseFull;
  return {
    K,
    mseFull,
    mseAgg,
    F,
    df1,
    df2,
    pValue: pfUpper(F, df1, df2),
    sigma2ab: mseAgg - mseFull / K,
  };
}

/** The random-blocks test of σ²_b = 0 in a balanced randomized complete block design. */
export interface RandomBlockTest {
  /** Treatments I and blocks J (one observation per cell). */
  readonly I: number;
  readonly J: number;
  /** MS_block = I Σ_j (ȳ_·j − ȳ)²/(J − 1) = I·MSE_agg of the block-means model. */
  readonly msBlock: number;
  /** Residual mean square of the additive model, E = σ². */
  readonly mse: number;
  /** F = I·MSE_agg / MSE_full = MS_block/MSE on (J − 1, (I − 1)(J − 1)). */
  readonly F: number;
  readonly df1: number;
  readonly df2: number;
  readonly pValue: number;
  /** Moment (= REML when positive) estimate σ̂²_b = max(0, (MS_block − MSE)/I). */
  readonly sigma2b: number;
}

/**
 * y_ij = μ + α_i + β_j + ε_ij with random blocks β_j ~ N(0, σ²_b) (seed 004 §4.1.1, Bonds):
 * tests σ²_b = 0 through the aggregated block-means model, whose error variance is
 * σ²_b + σ²/I, against the residual mean square of the additive model.
 * @throws LmmInputError unless every treatment × block cell has exactly one observation.
 */
export function randomBlockFTest(
  y: ArrayLike<number>,
  treatment: GroupingFactor,
  block: GroupingFactor,
): RandomBlockTest {
  const n = y.length;
  const I = treatment.levels.length;
  const J = block.levels.length;
  const cell = new Float64Array(I * J).fill(Number.NaN);
  for (let k = 0; k < n; k++) {
    const c = treatment.codes[k]! + I * block.codes[k]!;
    if (!Number.isNaN(cell[c]!))
      throw new LmmInputError(
        `cell ${treatment.levels[treatment.codes[k]!]}:${block.levels[block.codes[k]!]}`,
        'has more than one observation (use aggregatedFTest for replicated designs)',
      );
    cell[c] = y[k]!;
  }
  if (n !== I * J)
    throw new LmmInputError('y', `has ${n} observations for ${I * J} treatment × block cells`);
  const rowM = new Float64Array(I);
  const colM = new Float64Array(J);
  let grand = 0;
  for (let i = 0; i < I; i++)
    for (let j = 0; j < J; j++) {
      rowM[i]! += cell[i + I * j]! / J;
      colM[j]! += cell[i + I * j]! / I;
      grand += cell[i + I * j]! / (I * J);
    }
  let ssb = 0;
  for (let j = 0; j < J; j++) ssb += I * (colM[j]! - grand) ** 2;
  let sse = 0;
  for (let i = 0; i < I; i++)
    for (let j = 0; j < J; j++) sse += (cell[i + I * j]! - rowM[i]! - colM[j]! + grand) ** 2;
  const df1 = J - 1;
  const df2 = (I - 1) * (J - 1);
  const msBlock = ssb / df1;
  const mse = sse / df2;
  const F = msBlock / mse;
  return {
    I,
    J,
    msBlock,
    mse,
    F,
    df1,
    df2,
    pValue: pfUpper(F, df1, df2),
    sigma2b: Math.max(0, (msBlock - mse) / I),
  };
}
