import { type DenseMatrix, dense } from '@likelihood/linalg';
import {
  type ContrastKind,
  type ContrastMatrix,
  type ContrastSpec,
  contrastMatrix,
} from './contrasts.js';
import { FactorError, FormulaError } from './errors.js';
import type { FrameColumn } from './evaluate.js';
import type { ModelFrame } from './model-frame.js';
import type { TermList } from './terms.js';

/** Options of `modelMatrix`. */
export interface ModelMatrixOptions {
  /** Coding by factor label (`{ tension: 'sum' }`); R's `contrasts.arg`. */
  readonly contrasts?: Readonly<Record<string, ContrastSpec>>;
  /** Defaults as R's `options(contrasts = c("contr.treatment", "contr.poly"))`. */
  readonly defaultContrasts?: { readonly unordered: ContrastKind; readonly ordered: ContrastKind };
  /**
   * Leave the indicator blocks (see `IndicatorBlock`) out of `X`: `X` then holds only the
   * columns `xColumns`, and the blocks are described by their codes (O(n) memory).
   */
  readonly omitIndicatorBlocks?: boolean;
}

/**
 * Columns `firstColumn … firstColumn + ncols - 1` of the design are indicators of one factor:
 * row i has a 1 in column `firstColumn + codes[i]` (none when `codes[i] = -1`, the baseline
 * level of treatment contrasts) and zeros elsewhere in the block.
 */
export interface IndicatorBlock {
  /** Index into `termLabels` of the term the block codes. */
  readonly term: number;
  readonly variable: string;
  readonly firstColumn: number;
  readonly ncols: number;
  readonly codes: Int32Array;
}

/** A design matrix as R's `model.matrix` builds it. */
export interface DesignMatrix {
  /** `nobs × xColumns.length`, column-major (every column unless blocks are omitted). */
  readonly X: DenseMatrix;
  /** R's column names of the full design (`(Intercept)`, `MachineB:Worker2`, `Worker.L`). */
  readonly colnames: readonly string[];
  /** R's `assign`: the term (1-based into `termLabels`, 0 for the intercept) of each column. */
  readonly assign: Int32Array;
  readonly termLabels: readonly string[];
  readonly intercept: boolean;
  /** The coding of each factor of the model (R's `attr(X, "contrasts")`). */
  readonly contrasts: Readonly<Record<string, ContrastKind | 'custom'>>;
  readonly blocks: readonly IndicatorBlock[];
  /** The full-design column index of each column of `X`. */
  readonly xColumns: Int32Array;
}

/** How one variable of a term contributes columns: dense columns, or a coded factor. */
type Piece =
  | {
      readonly kind: 'dense';
      readonly columns: readonly Float64Array[];
      readonly names: readonly string[];
    }
  | {
      readonly kind: 'factor';
      readonly codes: Int32Array;
      /** Contrast matrix (levels × columns), or null for indicators of every level. */
      readonly C: ContrastMatrix | null;
      readonly nlevels: number;
      readonly names: readonly string[];
    };

/**
 * R's TermCode (src/library/stats/src/model.c): a factor of a term is coded by contrasts when
 * the term without it is empty or contained in a preceding term; otherwise by indicators.
 */
function termCode(vars: readonly string[][], t: number, v: string): 1 | 2 {
  const rest = vars[t]!.filter((x) => x !== v);
  if (rest.length === 0) return 1;
  for (let s = 0; s < t; s++) if (rest.every((x) => vars[s]!.includes(x))) return 1;
  return 2;
}

function numericPiece(
  label: string,
  col: FrameColumn & { kind: 'numeric' | 'matrix' },
  n: number,
): Piece {
  if (col.kind === 'numeric') return { kind: 'dense', columns: [col.values], names: [label] };
  const columns: Float64Array[] = [];
  for (let j = 0; j < col.values.cols; j++)
    columns.push(col.values.data.subarray(j * n, (j + 1) * n));
  return { kind: 'dense', columns, names: col.colnames.map((c) => `${label}${c}`) };
}

/**
 * out[i] = (column `j` of `piece`)[i] when `first`, else out[i] *= (column `j`)[i]: one factor
 * of a product column, in place.
 */
function productInPlace(out: Float64Array, piece: Piece, j: number, first: boolean): void {
  const n = out.length;
  if (piece.kind === 'dense') {
    const x = piece.columns[j]!;
    if (first) out.set(x);
    else for (let i = 0; i < n; i++) out[i]! *= x[i]!;
    return;
  }
  const { codes, C } = piece;
  if (C === null) {
    if (first) for (let i = 0; i < n; i++) out[i] = codes[i] === j ? 1 : 0;
    else for (let i = 0; i < n; i++) if (codes[i] !== j) out[i] = 0;
    return;
  }
  const k = piece.nlevels;
  const c = C.matrix.data.subarray(j * k, (j + 1) * k);
  if (first) for (let i = 0; i < n; i++) out[i] = c[codes[i]!]!;
  else for (let i = 0; i < n; i++) out[i]! *= c[codes[i]!]!;
}

/**
 * R's `model.matrix(terms, frame, contrasts.arg)`: the intercept, then each term's columns
 * (the product of its variables' columns, the first variable varying fastest), factors coded by
 * contrasts or indicators by R's marginality rule (and, without an intercept, the first factor
 * by indicators).
 * @throws FactorError for a contrast-coded factor with fewer than 2 levels; FormulaError for a
 *   term variable missing from the frame.
 */
export function modelMatrix(
  terms: TermList,
  frame: ModelFrame,
  options: ModelMatrixOptions = {},
): DesignMatrix {
  const n = frame.nobs;
  const defaults = options.defaultContrasts ?? { unordered: 'treatment', ordered: 'poly' };
  const vars = terms.terms.map((t) => [...t.variables]);
  const col = (label: string): FrameColumn => {
    const c = frame.columns.get(label);
    if (c === undefined) throw new FormulaError(`variable '${label}' is not in the model frame`);
    return c;
  };
  const used: Record<string, ContrastKind | 'custom'> = {};
  const specOf = (label: string, c: FrameColumn & { kind: 'factor' }): ContrastSpec => {
    const spec = options.contrasts?.[label] ?? (c.ordered ? defaults.ordered : defaults.unordered);
    used[label] = typeof spec === 'string' ? spec : 'custom';
    return spec;
  };
  // Codes: 1 = contrasts, 2 = indicators; without intercept the first factor gets indicators.
  const codes = vars.map((vs, t) => vs.map((v) => termCode(vars, t, v)));
  if (!terms.intercept) {
    search: for (let t = 0; t < vars.length; t++)
      for (let j = 0; j < vars[t]!.length; j++) {
        const c = col(vars[t]![j]!);
        if (c.kind === 'factor' && c.levels.length > 1) {
          codes[t]![j] = 2;
          break search;
        }
      }
  }
  const colnames: string[] = [];
  const assign: number[] = [];
  const blocks: IndicatorBlock[] = [];
  const layout: {
    term: number;
    pieces: Piece[];
    first: number;
    ncols: number;
    omitted: boolean;
    block: IndicatorBlock | null;
  }[] = [];
  if (terms.intercept) {
    colnames.push('(Intercept)');
    assign.push(0);
  }
  terms.terms.forEach((term, t) => {
    const pieces: Piece[] = [];
    let omitted = false;
    let block: IndicatorBlock | null = null;
    for (let j = 0; j < term.variables.length; j++) {
      const label = term.variables[j]!;
      const c = col(label);
      if (c.kind !== 'factor') {
        pieces.push(numericPiece(label, c, n));
        continue;
      }
      const spec = specOf(label, c);
      const byContrasts = codes[t]![j] === 1;
      if (byContrasts && c.levels.length < 2)
        throw new FactorError(
          label,
          `has ${c.levels.length} level; contrasts need a factor with 2 or more levels`,
        );
      const C = byContrasts ? contrastMatrix(spec, c.levels) : null;
      const names = (C === null ? c.levels : C.colnames).map((x) => `${label}${x}`);
      pieces.push({ kind: 'factor', codes: c.codes, C, nlevels: c.levels.length, names });
      if (term.variables.length === 1 && (C === null || spec === 'treatment')) {
        const shift = C === null ? 0 : 1;
        block = {
          term: t,
          variable: label,
          firstColumn: colnames.length,
          ncols: c.levels.length - shift,
          codes: Int32Array.from(c.codes, (k) => k - shift),
        };
        blocks.push(block);
        omitted = options.omitIndicatorBlocks === true;
      }
    }
    // Column names: the product of the pieces' names, the first variable varying fastest.
    let names = [''];
    for (const p of pieces) {
      const next: string[] = [];
      for (const b of p.names) for (const a of names) next.push(a === '' ? b : `${a}:${b}`);
      names = next;
    }
    layout.push({ term: t, pieces, first: colnames.length, ncols: names.length, omitted, block });
    for (const name of names) {
      colnames.push(name);
      assign.push(t + 1);
    }
  });
  const keep = new Uint8Array(colnames.length).fill(1);
  for (const l of layout) if (l.omitted) keep.fill(0, l.first, l.first + l.ncols);
  const xColumns = Int32Array.from(Array.from(keep).flatMap((k, j) => (k ? [j] : [])));
  const position = new Int32Array(colnames.length).fill(-1);
  xColumns.forEach((j, k) => {
    position[j] = k;
  });
  const X = dense(n, xColumns.length);
  if (terms.intercept) X.data.fill(1, 0, n);
  for (const l of layout) {
    if (l.omitted) continue;
    if (l.block !== null) {
      // Indicator block: X is zero-filled, so set the one 1 of each row (O(n), not O(n k)).
      const base = position[l.first]!;
      const codes = l.block.codes;
      for (let i = 0; i < n; i++) if (codes[i]! >= 0) X.data[(base + codes[i]!) * n + i] = 1;
      continue;
    }
    const radix = l.pieces.map((p) => p.names.length);
    for (let a = 0; a < l.ncols; a++) {
      const out = X.data.subarray(position[l.first + a]! * n, (position[l.first + a]! + 1) * n);
      let rest = a;
      l.pieces.forEach((p, v) => {
        productInPlace(out, p, rest % radix[v]!, v === 0);
        rest = Math.floor(rest / radix[v]!);
      });
    }
  }
  for (const [label, c] of frame.columns)
    if (c.kind === 'factor' && used[label] === undefined && vars.some((vs) => vs.includes(label)))
      specOf(label, c);
  return {
    X,
    colnames,
    assign: Int32Array.from(assign),
    termLabels: terms.terms.map((t) => t.label),
    intercept: terms.intercept,
    contrasts: used,
    blocks,
    xColumns,
  };
}
