import { FormulaSyntaxError } from './errors.js';
import { deparse, type Expr, unparen } from './expr.js';

/** A variable of a model: an expression evaluated on the data, named by its R label. */
export interface Variable {
  /** R's `deparse` of the expression: `x`, `log(normalSale)`, `I(x^2)`, `poly(x, 2)`. */
  readonly label: string;
  readonly expr: Expr;
}

/** A model term: a set of variables (an interaction when there are several). */
export interface Term {
  /** R's term label: the variable labels in variable order joined by `:` (`Machine:Worker`). */
  readonly label: string;
  /** The labels of the variables of the term, in variable order. */
  readonly variables: readonly string[];
  /** The number of variables (1 for main effects, 2 for two-way interactions, …). */
  readonly order: number;
}

/**
 * The right-hand side of a formula expanded as R's `terms.formula(keep.order = FALSE)` does:
 * terms sorted by order, appearance order kept within an order, offsets set apart.
 */
export interface TermList {
  readonly intercept: boolean;
  readonly terms: readonly Term[];
  /** `offset(expr)` variables, in variable order; summed into the model's offset. */
  readonly offsets: readonly Variable[];
  /** Every variable of the terms and offsets, in R's variable order (first appearance). */
  readonly variables: readonly Variable[];
}

/** What the expansion does with a random-effect bar `(lhs | g)` it meets as a top-level term. */
export type BarHandler = (bar: Expr & { kind: 'binary' }) => void;

type Bits = number[];

interface Context {
  readonly src: string;
  readonly vars: Variable[];
  readonly index: Map<string, number>;
  intercept: boolean;
  parity: boolean;
  readonly onBar: BarHandler | null;
  /** What `.` stands for (R's "all other columns of the data"), or null when unknown. */
  readonly dot: readonly string[] | null;
}

const formulaOps = new Set(['+', '-', '*', '/', '^', ':', '%in%']);

const keyOf = (t: Bits): string => t.join(',');

function union(a: Bits, b: Bits): Bits {
  const s = new Set([...a, ...b]);
  return [...s].sort((x, y) => x - y);
}

/** R's TrimRepeats: drops empty terms and repeats, keeping first appearances. */
function trim(list: Bits[]): Bits[] {
  const seen = new Set<string>();
  const out: Bits[] = [];
  for (const t of list) {
    const k = keyOf(t);
    if (t.length === 0 || seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}

function install(ctx: Context, expr: Expr): Bits {
  const label = deparse(expr);
  let i = ctx.index.get(label);
  if (i === undefined) {
    i = ctx.vars.length;
    ctx.vars.push({ label, expr });
    ctx.index.set(label, i);
  }
  return [i];
}

const fail = (ctx: Context, pos: number, reason: string): never => {
  throw new FormulaSyntaxError(ctx.src, pos, reason);
};

/** R's EncodeVars (src/library/stats/src/model.c) on one expression; `top` allows bars. */
function encode(ctx: Context, expr: Expr, top: boolean): Bits[] {
  switch (expr.kind) {
    case 'paren':
      return encode(ctx, expr.expr, top);
    case 'number':
      if (expr.value === 1) ctx.intercept = ctx.parity;
      else if (expr.value === 0) ctx.intercept = !ctx.parity;
      else fail(ctx, expr.pos, `invalid model formula: numeric term ${deparse(expr)}`);
      return [];
    case 'name':
      if (expr.name === '.') {
        if (ctx.dot === null) fail(ctx, expr.pos, "'.' needs the data's column names to expand");
        return trim(ctx.dot!.map((name) => install(ctx, { kind: 'name', name, pos: expr.pos })));
      }
      return [install(ctx, expr)];
    case 'unary':
      if (expr.op === '+') return encode(ctx, expr.arg, top);
      if (expr.op === '!') return [install(ctx, expr)];
      return deleteTerms(ctx, [], expr.arg);
    case 'binary':
      return encodeBinary(ctx, expr, top);
    default:
      return [install(ctx, expr)];
  }
}

function deleteTerms(ctx: Context, left: Bits[], rightExpr: Expr): Bits[] {
  ctx.parity = !ctx.parity;
  const right = encode(ctx, rightExpr, false);
  ctx.parity = !ctx.parity;
  const drop = new Set(right.map(keyOf));
  return left.filter((t) => !drop.has(keyOf(t)));
}

function encodeBinary(ctx: Context, expr: Expr & { kind: 'binary' }, top: boolean): Bits[] {
  const { op } = expr;
  if (op === '|' || op === '||') {
    if (!top || ctx.onBar === null)
      fail(ctx, expr.pos, `random-effect term '${deparse(expr)}' must be a top-level term`);
    ctx.onBar!(expr);
    return [];
  }
  if (op === '~') return fail(ctx, expr.pos, "unexpected '~' inside a formula");
  // Operators other than the formula algebra make one variable of the whole expression.
  if (!formulaOps.has(op)) return [install(ctx, expr)];
  if (op === '+') return trim([...encode(ctx, expr.left, top), ...encode(ctx, expr.right, top)]);
  if (op === '-') return trim(deleteTerms(ctx, encode(ctx, expr.left, top), expr.right));
  const left = encode(ctx, expr.left, false);
  if (op === '^') {
    const r = unparen(expr.right);
    const power = r.kind === 'number' ? r.value : Number.NaN;
    if (!(Number.isFinite(power) && power >= 1))
      fail(ctx, expr.right.pos, 'invalid power in formula: use a positive whole number');
    let result = left;
    for (let i = 1; i < Math.floor(power); i++) {
      const next: Bits[] = [];
      for (const l of left) for (const t of result) next.push(union(l, t));
      result = trim(next);
    }
    return result;
  }
  const right = encode(ctx, expr.right, false);
  if (op === ':') {
    const out: Bits[] = [];
    for (const l of left) for (const r of right) out.push(union(l, r));
    return trim(out);
  }
  if (op === '*') {
    const out: Bits[] = [...left, ...right];
    for (const l of left) for (const r of right) out.push(union(l, r));
    return trim(out);
  }
  if (op === '%in%') {
    const all = right.reduce(union, []);
    return trim(left.map((l) => union(l, all)));
  }
  if (op === '/') {
    const all = left.reduce(union, []);
    return trim([...left, ...right.map((r) => union(all, r))]);
  }
  return [install(ctx, expr)];
}

/**
 * Expands a formula right-hand side into R's term list. Bars met as top-level terms are passed
 * to `onBar` (and contribute no fixed term); elsewhere they are a `FormulaSyntaxError`. `.`
 * expands to the columns `dot` (a `FormulaSyntaxError` when `dot` is null).
 */
export function expandTerms(
  src: string,
  rhs: Expr,
  onBar: BarHandler | null = null,
  dot: readonly string[] | null = null,
): TermList {
  const ctx: Context = {
    src,
    vars: [],
    index: new Map(),
    intercept: true,
    parity: true,
    onBar,
    dot,
  };
  const encoded = trim(encode(ctx, rhs, true));
  const isOffset = ctx.vars.map((v) => {
    const e = unparen(v.expr);
    return e.kind === 'call' && e.fn === 'offset';
  });
  const kept = encoded.filter((t) => !t.some((i) => isOffset[i]));
  // Stable sort by order (R's SortTerms with keep.order = FALSE).
  const sorted = kept
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.length - b.t.length || a.i - b.i);
  const terms: Term[] = sorted.map(({ t }) => {
    const variables = t.map((i) => ctx.vars[i]!.label);
    return { label: variables.join(':'), variables, order: t.length };
  });
  return {
    intercept: ctx.intercept,
    terms,
    offsets: ctx.vars.filter((_, i) => isOffset[i]),
    variables: ctx.vars,
  };
}
