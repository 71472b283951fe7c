import { FormulaSyntaxError } from './errors.js';
import { deparse, type Expr, unparen } from './expr.js';
import { parseExpression } from './parser.js';
import { expandBar, type RandomTerm } from './random-terms.js';
import { expandTerms, type TermList, type Variable } from './terms.js';

/** A parsed model formula: response, fixed-effect terms and random-effect terms. */
export interface ParsedFormula {
  /** The formula text as given. */
  readonly source: string;
  /** The left-hand side (`y`, `log(y)`, `cbind(incidence, size - incidence)`), or null. */
  readonly response: Variable | null;
  /** The fixed-effect terms (R's `terms(nobars(formula))`). */
  readonly fixed: TermList;
  /** The random-effect terms (lme4's `findbars`, with `||` and `/` expanded). */
  readonly random: readonly RandomTerm[];
  /**
   * Every variable a model frame needs, without repeats: the response, the fixed variables
   * (offsets included), the variables of the random-effect models, and the grouping factors.
   */
  readonly variables: readonly Variable[];
}

/** Options of `parseFormula`. */
export interface ParseFormulaOptions {
  /**
   * The data's column names, for `.` ("every other column"): R's `terms(formula, data = d)`
   * expands `.` to the columns not used in the response.
   */
  readonly dataColumns?: readonly string[];
}

/** The column names an expression reads (R's `all.vars`). */
function allNames(expr: Expr, out: Set<string>): Set<string> {
  if (expr.kind === 'name') out.add(expr.name);
  else if (expr.kind === 'paren') allNames(expr.expr, out);
  else if (expr.kind === 'unary') allNames(expr.arg, out);
  else if (expr.kind === 'binary') {
    allNames(expr.left, out);
    allNames(expr.right, out);
  } else if (expr.kind === 'call') for (const a of expr.args) allNames(a.value, out);
  return out;
}

/**
 * Parses an R model formula, `y ~ a * b + log(x) + offset(log(n)) + (1 | g)`, as R's
 * `terms.formula` and lme4's `findbars`/`nobars` read it.
 * @throws FormulaSyntaxError naming the column of the formula at fault.
 */
export function parseFormula(src: string, options: ParseFormulaOptions = {}): ParsedFormula {
  if (typeof src !== 'string') throw new TypeError('parseFormula: the formula must be a string');
  const tree = parseExpression(src);
  let lhs: Expr | null = null;
  let rhs: Expr;
  if (tree.kind === 'binary' && tree.op === '~') {
    lhs = tree.left;
    rhs = tree.right;
  } else if (tree.kind === 'call' && tree.fn === '~') {
    rhs = tree.args[0]!.value;
  } else {
    throw new FormulaSyntaxError(src, 0, "a model formula needs '~' (as in 'y ~ x')");
  }
  if (lhs !== null) {
    const l = unparen(lhs);
    if (l.kind === 'binary' && (l.op === '|' || l.op === '||' || l.op === '~'))
      throw new FormulaSyntaxError(src, l.pos, `unexpected '${l.op}' in the response`);
  }
  const random: RandomTerm[] = [];
  let dot: string[] | null = null;
  if (options.dataColumns !== undefined) {
    const used = lhs === null ? new Set<string>() : allNames(lhs, new Set());
    dot = options.dataColumns.filter((c) => !used.has(c));
  }
  const fixed = expandTerms(
    src,
    rhs,
    (bar) => {
      random.push(...expandBar(src, bar));
    },
    dot,
  );
  const response = lhs === null ? null : { label: deparse(lhs), expr: lhs };
  const variables: Variable[] = [];
  const seen = new Set<string>();
  const add = (v: Variable): void => {
    if (!seen.has(v.label)) {
      seen.add(v.label);
      variables.push(v);
    }
  };
  if (response !== null) add(response);
  fixed.variables.forEach(add);
  for (const r of random) {
    r.lhs.variables.forEach(add);
    r.group.factors.forEach(add);
  }
  return { source: src, response, fixed, random, variables };
}
