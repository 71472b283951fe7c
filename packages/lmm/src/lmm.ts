import {
  type DataInput,
  type FactorSpec,
  type ContrastSpec,
  groupingFactor,
  modelFrame,
  modelMatrix,
  parseFormula,
} from '@likelihood/formula';
import { LmmInputError, MissingGroupingValueError, NonNumericResponseError } from './errors.js';
import type { LmmFit } from './lmm-fit.js';
import { type LmmOptions, lmmFromMatrices } from './lmm-from-matrices.js';
import type { ReTermInput } from './re-terms.js';

/** Options of {@link lmm}: fitting options plus model-frame options. */
export interface LmmFormulaOptions extends LmmOptions {
  /** Columns to read as factors, or their level order (as `modelFrame`). */
  readonly factors?: Readonly<Record<string, FactorSpec | true>>;
  /** Contrasts for factors of the fixed-effects design (R's `contrasts.arg`). */
  readonly contrasts?: Readonly<Record<string, ContrastSpec>>;
}

function columnValues(data: DataInput, name: string): ArrayLike<unknown> | undefined {
  if (Array.isArray(data)) return (data as readonly Record<string, unknown>[]).map((r) => r[name]);
  return (data as Record<string, ArrayLike<unknown>>)[name];
}

const isMissing = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

/**
 * Fits a linear mixed model from an lme4 formula: `lmm('Reaction ~ Days + (Days | Subject)',
 * data)`. Random terms `(x | g)` (correlated), `(x || g)` and `(1 | g) + (0 + x | g)`
 * (uncorrelated), nested `(1 | a/b)`, `(1 | a:b)`, crossed `(1 | a) + (1 | b)`; fixed effects with
 * the full formula language of @likelihood/formula. REML by default (`{ reml: false }` for ML).
 * Rows with missing values in the response or covariates are dropped (R's `na.omit`, reported
 * in `notes`); a missing value in a grouping factor is an error.
 */
export function lmm(formula: string, data: DataInput, options: LmmFormulaOptions = {}): LmmFit {
  const parsed = parseFormula(formula);
  if (parsed.random.length === 0)
    throw new LmmInputError('formula', `'${formula}' has no random-effects term such as (1 | g)`);
  if (parsed.response === null) throw new LmmInputError('formula', `'${formula}' has no response`);
  for (const term of parsed.random) {
    for (const v of term.group.factors) {
      const col = columnValues(data, v.label);
      if (col === undefined) continue; // an expression: modelFrame reports unknown columns
      for (let i = 0; i < col.length; i++)
        if (isMissing(col[i])) throw new MissingGroupingValueError(v.label, i);
    }
  }
  const frame = modelFrame(parsed, data, { factors: options.factors });
  const resp = frame.response;
  if (resp === null || resp.kind !== 'numeric')
    throw new NonNumericResponseError(
      `response '${parsed.response.label}'`,
      `must be a numeric column, got ${resp === null ? 'nothing' : resp.kind === 'factor' ? 'a factor (strings)' : 'a matrix'}`,
    );
  const fixed = modelMatrix(parsed.fixed, frame, { contrasts: options.contrasts });
  const reTerms: ReTermInput[] = parsed.random.map((term) => {
    const f = groupingFactor(frame, term.group);
    const z = modelMatrix(term.lhs, frame);
    const n = frame.nobs;
    const Zcols = z.colnames.map((_, j) => z.X.data.slice(j * n, (j + 1) * n));
    return {
      group: { name: term.group.label, codes: f.codes, levels: f.levels },
      Zcols,
      termNames: z.colnames,
    };
  });
  const fit = lmmFromMatrices(
    {
      X: fixed.X,
      colnames: fixed.colnames,
      y: resp.values,
      reTerms,
      responseName: parsed.response.label,
      formula,
    },
    options,
  );
  if (frame.droppedRows.length === 0) return fit;
  return {
    ...fit,
    notes: [...fit.notes, `${frame.droppedRows.length} rows with missing values dropped (na.omit)`],
  };
}
