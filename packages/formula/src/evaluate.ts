import type { DenseMatrix } from '@likelihood/linalg';
import { dense } from '@likelihood/linalg';
import type { DataTable } from './data.js';
import { EvaluationError, NonFiniteValueError, UnknownColumnError } from './errors.js';
import { deparse, type Expr } from './expr.js';
import { type Factor, type FactorSpec, factorFromNumbers, factorFromStrings } from './factor.js';
import { orthoPoly, type PolyCoefs, predictOrthoPoly, rawPoly } from './poly.js';
import { binary, logical, roundDigits, unary } from './vector-ops.js';

/** A numeric variable of a model frame. */
export interface NumericColumn {
  readonly kind: 'numeric';
  readonly values: Float64Array;
}

/** A matrix variable (`poly(x, 2)`, `cbind(s, f)`): column names are appended to the label. */
export interface MatrixColumn {
  readonly kind: 'matrix';
  readonly values: DenseMatrix;
  readonly colnames: readonly string[];
  /** For `poly(x, k)`: R's recurrence coefficients, to evaluate the basis on new data. */
  readonly poly?: PolyCoefs;
}

/** A variable of a model frame. */
export type FrameColumn = NumericColumn | MatrixColumn | Factor;

/** Values while evaluating: logical vectors hold 1/0 (NaN missing), as R's TRUE/FALSE/NA. */
type Value =
  | FrameColumn
  | { readonly kind: 'scalar'; readonly value: number }
  | { readonly kind: 'logical'; readonly values: Float64Array };

interface EvalContext {
  readonly table: DataTable;
  readonly factors: Readonly<Record<string, FactorSpec | true>>;
  readonly variable: string;
  readonly touched: Set<string>;
  /** The frame of a fitted model when evaluating new data: its factor levels and poly bases. */
  readonly reference: ReadonlyMap<string, FrameColumn> | null;
}

function asLogical(v: Value): Value {
  return v.kind === 'numeric' ? { kind: 'logical', values: v.values } : v;
}

function fail(ctx: EvalContext, expr: Expr, reason: string): never {
  throw new EvaluationError(
    `cannot evaluate '${deparse(expr)}' in variable '${ctx.variable}': ${reason}`,
  );
}

function numeric(ctx: EvalContext, expr: Expr, v: Value): Float64Array | number {
  if (v.kind === 'scalar') return v.value;
  if (v.kind === 'numeric' || v.kind === 'logical') return v.values;
  if (v.kind === 'factor') return fail(ctx, expr, 'arithmetic is not meaningful for factors');
  return fail(ctx, expr, 'a matrix cannot be used here');
}

function map1(x: Float64Array | number, f: (a: number) => number): Value {
  if (typeof x === 'number') return { kind: 'scalar', value: f(x) };
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]!);
  return { kind: 'numeric', values: out };
}

function map2(
  a: Float64Array | number,
  b: Float64Array | number,
  f: (a: number, b: number) => number,
): Value {
  if (typeof a === 'number' && typeof b === 'number') return { kind: 'scalar', value: f(a, b) };
  const n = typeof a === 'number' ? (b as Float64Array).length : a.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = f(typeof a === 'number' ? a : a[i]!, typeof b === 'number' ? b : b[i]!);
  return { kind: 'numeric', values: out };
}

function logicalLabels(values: ArrayLike<boolean | null>): (string | null)[] {
  return Array.from(values, (b) => (b === null ? null : b ? 'TRUE' : 'FALSE'));
}

function column(ctx: EvalContext, expr: Expr & { kind: 'name' }): Value {
  const name = expr.name;
  const raw = ctx.table.column(name);
  if (raw === undefined) throw new UnknownColumnError(name, ctx.table.names, expr.pos);
  ctx.touched.add(name);
  const spec = ctx.factors[name];
  const ref = ctx.reference?.get(name);
  const factorSpec =
    ref?.kind === 'factor'
      ? { levels: ref.levels, ordered: ref.ordered }
      : spec === true
        ? {}
        : spec;
  if (raw.type === 'string') return factorFromStrings(name, raw.values, factorSpec);
  if (raw.type === 'logical') {
    if (factorSpec !== undefined)
      return factorFromStrings(name, logicalLabels(raw.values), factorSpec);
    return {
      kind: 'logical',
      values: Float64Array.from(raw.values, (b) => (b === null ? Number.NaN : +b)),
    };
  }
  const x = raw.values;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY)
      throw new NonFiniteValueError(name, i, v);
  }
  if (factorSpec !== undefined) return factorFromNumbers(name, x, factorSpec);
  return { kind: 'numeric', values: x };
}

function argument(call: Expr & { kind: 'call' }, index: number, name: string): Expr | undefined {
  const named = call.args.find((a) => a.name === name);
  if (named !== undefined) return named.value;
  const positional = call.args.filter((a) => a.name === null);
  return positional[index]?.value;
}

function scalarArg(
  ctx: EvalContext,
  call: Expr & { kind: 'call' },
  index: number,
  name: string,
  dflt: number,
): number {
  const e = argument(call, index, name);
  if (e === undefined) return dflt;
  const v = evaluate(ctx, e);
  if (v.kind !== 'scalar')
    return fail(ctx, e, `argument '${name}' of ${call.fn}() must be a single number`);
  return v.value;
}

function evalCall(ctx: EvalContext, call: Expr & { kind: 'call' }): Value {
  const { fn, args } = call;
  const first = (): Expr => {
    if (args.length === 0) fail(ctx, call, `${fn}() needs an argument`);
    return args[0]!.value;
  };
  if (fn === 'I' || fn === 'offset' || fn === '(') {
    if (args.length !== 1) fail(ctx, call, `${fn}() takes one argument`);
    return evaluate(ctx, first());
  }
  if (Object.hasOwn(unary, fn)) return map1(numeric(ctx, call, evaluate(ctx, first())), unary[fn]!);
  if (fn === 'log') {
    const x = numeric(ctx, call, evaluate(ctx, first()));
    const base = scalarArg(ctx, call, 1, 'base', Math.E);
    const lb = Math.log(base);
    return map1(x, base === Math.E ? Math.log : (v) => Math.log(v) / lb);
  }
  if (fn === 'round') {
    const x = numeric(ctx, call, evaluate(ctx, first()));
    const digits = scalarArg(ctx, call, 1, 'digits', 0);
    return map1(x, (v) => roundDigits(v, digits));
  }
  if (fn === 'as.numeric' || fn === 'as.double') {
    const v = evaluate(ctx, first());
    if (v.kind === 'factor')
      return {
        kind: 'numeric',
        values: Float64Array.from(v.codes, (c) => (c < 0 ? Number.NaN : c + 1)),
      };
    if (v.kind === 'logical') return { kind: 'numeric', values: v.values };
    return v;
  }
  if (fn === 'factor' || fn === 'as.factor' || fn === 'ordered') {
    const v = evaluate(ctx, first());
    const label = deparse(call);
    const ref = ctx.reference?.get(label);
    const spec: FactorSpec =
      ref?.kind === 'factor'
        ? { levels: ref.levels, ordered: ref.ordered }
        : { ordered: fn === 'ordered' || (v.kind === 'factor' && v.ordered) };
    if (v.kind === 'factor') {
      if (ref === undefined) return { ...v, ordered: spec.ordered ?? false };
      return factorFromStrings(
        label,
        Array.from(v.codes, (c) => (c < 0 ? null : v.levels[c]!)),
        spec,
      );
    }
    if (v.kind === 'logical') {
      const b = Array.from(v.values, (x) => (Number.isNaN(x) ? null : x !== 0));
      return factorFromStrings(label, logicalLabels(b), spec);
    }
    const x = numeric(ctx, call, v);
    if (typeof x === 'number') return fail(ctx, call, `${fn}() needs a column`);
    return factorFromNumbers(label, x, spec);
  }
  if (fn === 'poly') {
    const x = numeric(ctx, call, evaluate(ctx, first()));
    if (typeof x === 'number') return fail(ctx, call, 'poly() needs a column');
    const degree = scalarArg(ctx, call, 1, 'degree', 1);
    const raw = scalarArg(ctx, call, 2, 'raw', 0) !== 0;
    const colnames = Array.from({ length: degree }, (_, j) => String(j + 1));
    if (raw) return { kind: 'matrix', values: rawPoly(x, degree), colnames };
    try {
      const ref = ctx.reference?.get(deparse(call));
      if (ref?.kind === 'matrix' && ref.poly !== undefined)
        return { kind: 'matrix', values: predictOrthoPoly(x, ref.poly), colnames, poly: ref.poly };
      const { Z, coefs } = orthoPoly(x, degree);
      return { kind: 'matrix', values: Z, colnames, poly: coefs };
    } catch (e) {
      return fail(ctx, call, (e as Error).message);
    }
  }
  if (fn === 'cbind') {
    const parts = args.map((a) => numeric(ctx, call, evaluate(ctx, a.value)));
    const n = ctx.table.nrows;
    const M = dense(n, parts.length);
    parts.forEach((p, j) => {
      for (let i = 0; i < n; i++) M.data[j * n + i] = typeof p === 'number' ? p : p[i]!;
    });
    const colnames = args.map((a) => a.name ?? (a.value.kind === 'name' ? a.value.name : ''));
    return { kind: 'matrix', values: M, colnames };
  }
  return fail(ctx, call, `unknown function '${fn}'`);
}

function evaluate(ctx: EvalContext, expr: Expr): Value {
  switch (expr.kind) {
    case 'name':
      return column(ctx, expr);
    case 'number':
      return { kind: 'scalar', value: expr.value };
    case 'logical':
      return { kind: 'scalar', value: expr.value ? 1 : 0 };
    case 'string':
      return fail(ctx, expr, 'strings are not supported here');
    case 'paren':
      return evaluate(ctx, expr.expr);
    case 'unary': {
      const x = numeric(ctx, expr, evaluate(ctx, expr.arg));
      if (expr.op === '!') return asLogical(map1(x, (v) => (Number.isNaN(v) ? v : +(v === 0))));
      return expr.op === '-' ? map1(x, (v) => -v) : map1(x, (v) => v);
    }
    case 'binary': {
      const g = logical[expr.op];
      if (g !== undefined) {
        const a = numeric(ctx, expr, evaluate(ctx, expr.left));
        const b = numeric(ctx, expr, evaluate(ctx, expr.right));
        return asLogical(map2(a, b, g));
      }
      const f = binary[expr.op];
      if (f === undefined) return fail(ctx, expr, `operator '${expr.op}' cannot be evaluated`);
      const a = numeric(ctx, expr, evaluate(ctx, expr.left));
      const b = numeric(ctx, expr, evaluate(ctx, expr.right));
      return map2(a, b, f);
    }
    case 'call':
      return evalCall(ctx, expr);
  }
}

/**
 * Evaluates the variable `expr` (labelled `label`) on every row of `table`. Bare string (or
 * logical) columns and columns named in `factors` become factors; numbers stay numeric.
 * Missing inputs give missing outputs (NaN, code -1). With `reference` (the columns of a
 * fitted model's frame), factors take the reference levels and `poly()` the reference basis.
 * @throws UnknownColumnError, NonFiniteValueError (±Inf in the data, or a non-finite result
 *   such as log(0) from finite inputs, naming the variable and row), EvaluationError.
 */
export function evaluateVariable(
  table: DataTable,
  label: string,
  expr: Expr,
  factors: Readonly<Record<string, FactorSpec | true>> = {},
  reference: ReadonlyMap<string, FrameColumn> | null = null,
): FrameColumn {
  const ctx: EvalContext = { table, factors, variable: label, touched: new Set(), reference };
  const v = evaluate(ctx, expr);
  const n = table.nrows;
  if (v.kind === 'factor') return v;
  if (v.kind === 'logical') {
    // R codes a logical variable as a factor with the levels present, FALSE before TRUE.
    const ref = reference?.get(label);
    const labels = logicalLabels(Array.from(v.values, (x) => (Number.isNaN(x) ? null : x !== 0)));
    return factorFromStrings(label, labels, ref?.kind === 'factor' ? { levels: ref.levels } : {});
  }
  if (v.kind === 'scalar') return { kind: 'numeric', values: new Float64Array(n).fill(v.value) };
  // A bare numeric column was checked when read (±Inf is an error, NaN is missing).
  if (expr.kind === 'name') return v;
  // Non-finite results on rows whose inputs are all present are errors, not silent NaN.
  const missing = new Uint8Array(n);
  for (const name of ctx.touched) {
    const raw = table.column(name)!;
    if (raw.type === 'number') {
      const x = raw.values;
      for (let i = 0; i < n; i++) if (Number.isNaN(x[i]!)) missing[i] = 1;
    } else {
      const x = raw.values;
      for (let i = 0; i < n; i++) if (x[i] === null) missing[i] = 1;
    }
  }
  const data = v.kind === 'numeric' ? v.values : v.values.data;
  const ncol = data.length / n;
  for (let j = 0; j < ncol; j++) {
    for (let i = 0; i < n; i++) {
      const x = data[j * n + i]!;
      if (x - x !== 0 && missing[i] === 0) throw new NonFiniteValueError(label, i, x);
    }
  }
  return v;
}
