import {
  LmmInputError,
  MissingGroupingValueError,
  SingleLevelGroupingError,
  TooManyRandomEffectsError,
} from './errors.js';

/** A grouping factor: per-observation level codes `0..levels.length-1`. */
export interface GroupingFactor {
  readonly name: string;
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

/**
 * One random-effects term `(z_1 + … + z_p | group)`: `Zcols[a][i]` is the value of the a-th
 * random-effect column at observation i (e.g. `[ones, Days]` for `(Days | Subject)`).
 */
export interface ReTermInput {
  readonly group: GroupingFactor;
  readonly Zcols: readonly Float64Array[];
  readonly termNames: readonly string[];
}

/**
 * A checked random-effects term with its place in u (level-major: the p effects of level l sit
 * at `offset + l·p … offset + l·p + p − 1`, as lme4's Z columns) and in θ (the lower triangle of
 * the p×p relative covariance factor Λ_k, column by column, as lme4 stores theta).
 */
export interface ReTerm {
  readonly group: GroupingFactor;
  readonly Zcols: readonly Float64Array[];
  readonly termNames: readonly string[];
  /** Number of columns (random effects per level). */
  readonly p: number;
  readonly nlevels: number;
  /** q_k = nlevels · p. */
  readonly q: number;
  /** Offset of this term's effects in u. */
  readonly offset: number;
  /** Offset of this term's parameters in θ; it has p(p+1)/2 of them. */
  readonly thetaOffset: number;
  readonly ntheta: number;
}

/**
 * Checks the terms at the public edge and orders them as lme4's `mkReTrms` does: unchanged when
 * the numbers of levels never increase from one term to the next, else `rev(order(nlevels))`.
 */
export function prepareReTerms(inputs: readonly ReTermInput[], nobs: number): ReTerm[] {
  if (inputs.length === 0)
    throw new LmmInputError('reTerms', 'at least one random-effects term is required');
  inputs.forEach((t, k) => {
    checkTerm(t, k, nobs);
  });
  // lme4's mkReTrms: if any term has more levels than the one before it, the terms are put in
  // order rev(order(nl)) — decreasing number of levels, ties in reverse input order
  const nl = inputs.map((t) => t.group.levels.length);
  const increases = nl.some((v, k) => k > 0 && v > nl[k - 1]!);
  const ascending = inputs
    .map((t, k) => ({ t, k }))
    .sort((a, b) => nl[a.k]! - nl[b.k]! || a.k - b.k);
  const order = increases ? ascending.reverse() : inputs.map((t, k) => ({ t, k }));
  const out: ReTerm[] = [];
  let offset = 0;
  let thetaOffset = 0;
  for (const { t } of order) {
    const p = t.Zcols.length;
    const nlevels = t.group.levels.length;
    const ntheta = (p * (p + 1)) / 2;
    out.push({
      group: t.group,
      Zcols: t.Zcols,
      termNames: t.termNames,
      p,
      nlevels,
      q: nlevels * p,
      offset,
      thetaOffset,
      ntheta,
    });
    offset += nlevels * p;
    thetaOffset += ntheta;
  }
  return out;
}

function checkTerm(t: ReTermInput, k: number, nobs: number): void {
  const g = t.group;
  const arg = `reTerms[${k}]`;
  if (g.codes.length !== nobs)
    throw new LmmInputError(`${arg}.group.codes`, `has length ${g.codes.length}, expected ${nobs}`);
  if (t.Zcols.length === 0) throw new LmmInputError(`${arg}.Zcols`, 'needs at least one column');
  if (t.termNames.length !== t.Zcols.length)
    throw new LmmInputError(
      `${arg}.termNames`,
      `has ${t.termNames.length} names for ${t.Zcols.length} columns`,
    );
  const nlev = g.levels.length;
  const seen = new Uint8Array(nlev);
  for (let i = 0; i < nobs; i++) {
    const c = g.codes[i]!;
    if (!(c >= 0 && c < nlev)) throw new MissingGroupingValueError(g.name, i);
    seen[c] = 1;
  }
  for (let l = 0; l < nlev; l++) {
    if (seen[l] === 0)
      throw new LmmInputError(
        `grouping factor '${g.name}'`,
        `level '${g.levels[l]}' is not sampled (drop unused levels)`,
      );
  }
  if (nlev < 2) throw new SingleLevelGroupingError(g.name, nlev);
  t.Zcols.forEach((z, a) => {
    if (z.length !== nobs)
      throw new LmmInputError(`${arg}.Zcols[${a}]`, `has length ${z.length}, expected ${nobs}`);
    for (let i = 0; i < nobs; i++) {
      if (!Number.isFinite(z[i]!))
        throw new LmmInputError(
          `${arg}.Zcols[${a}] (${t.termNames[a]})`,
          `non-finite value at row ${i}`,
        );
    }
  });
  if (nlev >= nobs) throw new TooManyRandomEffectsError(g.name, nlev, nobs);
  const q = nlev * t.Zcols.length;
  if (q >= nobs) throw new TooManyRandomEffectsError(g.name, q, nobs);
}

/** lme4's starting value: 1 on the diagonals of each Λ_k, 0 below. */
export function thetaStart(terms: readonly ReTerm[]): Float64Array {
  const n = terms.reduce((s, t) => s + t.ntheta, 0);
  const theta = new Float64Array(n);
  for (const t of terms) {
    let k = t.thetaOffset;
    for (let j = 0; j < t.p; j++) {
      for (let i = j; i < t.p; i++) theta[k++] = i === j ? 1 : 0;
    }
  }
  return theta;
}

/** Lower bounds on θ: 0 for diagonal elements of Λ_k, −∞ for off-diagonal ones. */
export function thetaLower(terms: readonly ReTerm[]): Float64Array {
  const n = terms.reduce((s, t) => s + t.ntheta, 0);
  const lower = new Float64Array(n);
  for (const t of terms) {
    let k = t.thetaOffset;
    for (let j = 0; j < t.p; j++) {
      for (let i = j; i < t.p; i++) lower[k++] = i === j ? 0 : Number.NEGATIVE_INFINITY;
    }
  }
  return lower;
}

/** lme4's theta names: `group.term` for diagonals, `group.term_i.term_j` below the diagonal. */
export function thetaNames(terms: readonly ReTerm[]): string[] {
  const names: string[] = [];
  for (const t of terms) {
    for (let j = 0; j < t.p; j++) {
      for (let i = j; i < t.p; i++) {
        names.push(
          i === j
            ? `${t.group.name}.${t.termNames[i]}`
            : `${t.group.name}.${t.termNames[i]}.${t.termNames[j]}`,
        );
      }
    }
  }
  return names;
}

/**
 * Writes the p×p lower-triangular Λ_k (column-major) of term `t` from θ into `out`.
 */
export function lambdaBlockInto(t: ReTerm, theta: ArrayLike<number>, out: Float64Array): void {
  const p = t.p;
  out.fill(0, 0, p * p);
  let k = t.thetaOffset;
  for (let j = 0; j < p; j++) {
    for (let i = j; i < p; i++) out[i + j * p] = theta[k++]!;
  }
}
