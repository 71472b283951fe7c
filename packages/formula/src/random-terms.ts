import { FormulaSyntaxError } from './errors.js';
import { deparse, type Expr, unparen } from './expr.js';
import { expandTerms, type TermList, type Variable } from './terms.js';

/** The grouping factor of a random-effect term: one factor or an interaction `a:b`. */
export interface RandomGroup {
  /** lme4's name of the grouping factor: `g`, `b:a` (from `a/b`), `Machine:Worker`. */
  readonly label: string;
  readonly expr: Expr;
  /**
   * The factors whose interaction is the grouping factor, in the order of `label`. Levels of
   * the interaction are the combinations present in the data, the first factor varying slowest
   * (R's `a:b` on factors, which lme4 evaluates): see `interactionFactor`.
   */
  readonly factors: readonly Variable[];
}

/** One random-effect term `(lhs | group)` after lme4's `||` and `/` expansions. */
export interface RandomTerm {
  /** lme4's printed form, `1 | g`, `0 + x | g`, `Days | Subject`. */
  readonly label: string;
  /** The random-effect model: its intercept flag and terms (a `TermList` of its own). */
  readonly lhs: TermList;
  readonly group: RandomGroup;
  /** False for the pieces of a `||` term (uncorrelated by construction). */
  readonly correlated: boolean;
}

function interactionOperands(expr: Expr): Expr[] {
  const e = unparen(expr);
  if (e.kind === 'binary' && e.op === ':')
    return [...interactionOperands(e.left), ...interactionOperands(e.right)];
  return [e];
}

const colon = (left: Expr, right: Expr): Expr => ({
  kind: 'binary',
  op: ':',
  left,
  right,
  pos: left.pos,
});

/** lme4's `expandSlash`: `a/b` gives the groups `b:a` and `a`; `a/b/c` gives `c:b:a`, `b:a`, `a`. */
function expandSlash(group: Expr): Expr[] {
  const e = unparen(group);
  if (!(e.kind === 'binary' && e.op === '/')) return [e];
  const inner = expandSlash(e.left);
  return [colon(unparen(e.right), inner[0]!), ...inner];
}

function toGroup(src: string, expr: Expr): RandomGroup {
  const factors = interactionOperands(expr).map((f) => {
    if (f.kind === 'number')
      throw new FormulaSyntaxError(src, f.pos, 'a grouping factor cannot be a number');
    return { label: deparse(f), expr: f };
  });
  return { label: factors.map((f) => f.label).join(':'), expr, factors };
}

/**
 * Expands a bar `(lhs | g)` or `(lhs || g)` into lme4's random-effect terms: `||` gives one
 * term per fixed term of `lhs` (and `1 | g` when `lhs` has an intercept); a nested group `a/b`
 * gives one term per level of nesting.
 */
export function expandBar(src: string, bar: Expr & { kind: 'binary' }): RandomTerm[] {
  const lhs = expandTerms(src, bar.left);
  if (lhs.offsets.length > 0)
    throw new FormulaSyntaxError(src, bar.pos, 'offset() is not allowed in a random-effect term');
  const groups = expandSlash(bar.right).map((g) => toGroup(src, g));
  const out: RandomTerm[] = [];
  const lhsText = deparse(bar.left);
  if (bar.op === '|') {
    for (const group of groups)
      out.push({ label: `${lhsText} | ${group.label}`, lhs, group, correlated: true });
    return out;
  }
  const pieces: { text: string; list: TermList }[] = [];
  if (lhs.intercept) pieces.push({ text: '1', list: { ...lhs, intercept: true, terms: [] } });
  for (const term of lhs.terms) {
    const variables = lhs.variables.filter((v) => term.variables.includes(v.label));
    pieces.push({
      text: `0 + ${term.label}`,
      list: { intercept: false, terms: [term], offsets: [], variables },
    });
  }
  for (const piece of pieces)
    for (const group of groups)
      out.push({
        label: `${piece.text} | ${group.label}`,
        lhs: piece.list,
        group,
        correlated: false,
      });
  return out;
}
