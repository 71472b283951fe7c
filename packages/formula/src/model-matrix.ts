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

type Piece = { values: Float64Array[]; names: string[] };

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
  if (col.kind === 'numeric') return { values: [col.values], names: [label] };
  const values: Float64Array[] = [];
  for (let j = 0; j < col.values.cols; j++)
    values.push(col.values.data.subarray(j * n, (j + 1) * n));
  return { values, names: col.colnames.map((c) => `${label}${c}`) };
}

function factorPiece(
  label: string,
  codes: Int32Array,
  C: ContrastMatrix | null,
  levels: readonly string[],
): Piece {
  const n = codes.length;
  const k = levels.length;
  const ncol = C === null ? k : C.matrix.cols;
  const values: Float64Array[] = [];
  for (let j = 0; j < ncol; j++) {
    const col = new Float64Array(n);
    if (C === null) {
      for (let i = 0; i < n; i++) col[i] = codes[i] === j ? 1 : 0;
    } else {
      const c = C.matrix.data.subarray(j * k, (j + 1) * k);
      for (let i = 0; i < n; i++) col[i] = c[codes[i]!]!;
    }
    values.push(col);
  }
  const names = (C === null ? levels : C.colnames).map((c) => `${label}${c}`);
  return { values, names };
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
  const columns: (Float64Array | null)[] = [];
  const blocks: IndicatorBlock[] = [];
  if (terms.intercept) {
    colnames.push('(Intercept)');
    assign.push(0);
    columns.push(new Float64Array(n).fill(1));
  }
  terms.terms.forEach((term, t) => {
    let cur: Piece = { values: [new Float64Array(n).fill(1)], names: [''] };
    for (let j = 0; j < term.variables.length; j++) {
      const label = term.variables[j]!;
      const c = col(label);
      let piece: Piece;
      if (c.kind === 'factor') {
        const spec = specOf(label, c);
        const byContrasts = codes[t]![j] === 1;
        if (byContrasts && c.levels.length < 2)
          throw new FactorError(
            label,
            `has ${c.levels.length} level; contrasts need a factor with 2 or more levels`,
          );
        const C = byContrasts ? contrastMatrix(spec, c.levels) : null;
        if (term.variables.length === 1 && (C === null || spec === 'treatment')) {
          const offset = C === null ? 0 : 1;
          const blockCodes = Int32Array.from(c.codes, (k) => k - offset);
          blocks.push({
            term: t,
            variable: label,
            firstColumn: colnames.length,
            ncols: c.levels.length - offset,
            codes: blockCodes,
          });
          if (options.omitIndicatorBlocks) {
            const names = (C === null ? c.levels : C.colnames).map((x) => `${label}${x}`);
            cur = { values: names.map(() => new Float64Array(0)), names };
            continue;
          }
        }
        piece = factorPiece(label, c.codes, C, c.levels);
      } else {
        piece = numericPiece(label, c, n);
      }
      const next: Piece = { values: [], names: [] };
      for (let b = 0; b < piece.values.length; b++)
        for (let a = 0; a < cur.values.length; a++) {
          const x = cur.values[a]!;
          const y = piece.values[b]!;
          const out = new Float64Array(n);
          for (let i = 0; i < n; i++) out[i] = x[i]! * y[i]!;
          next.values.push(out);
          next.names.push(
            cur.names[a] === '' ? piece.names[b]! : `${cur.names[a]}:${piece.names[b]}`,
          );
        }
      cur = next;
    }
    const isOmitted =
      options.omitIndicatorBlocks && blocks.length > 0 && blocks[blocks.length - 1]!.term === t;
    cur.names.forEach((name, a) => {
      colnames.push(name);
      assign.push(t + 1);
      columns.push(isOmitted ? null : cur.values[a]!);
    });
  });
  const xColumns = Int32Array.from(columns.flatMap((c, j) => (c === null ? [] : [j])));
  const X = dense(n, xColumns.length);
  for (let k = 0; k < xColumns.length; k++) X.data.set(columns[xColumns[k]!]!, k * n);
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
