import { FormulaSyntaxError } from './errors.js';
import type { BinaryOp, CallArg, Expr } from './expr.js';
import { type Token, tokenize } from './lexer.js';

/**
 * Binding powers of R's binary operators (?Syntax), loosest first:
 * `~` < `|` `||` < `&` `&&` < `!` < comparisons < `+ -` < `* /` < `%any%` < `:` < unary `+ -`
 * < `^` (right-associative).
 */
const binaryPower: Record<string, number> = {
  '~': 1,
  '|': 2,
  '||': 2,
  '&': 2.5,
  '&&': 2.5,
  '<': 3,
  '>': 3,
  '<=': 3,
  '>=': 3,
  '==': 3,
  '!=': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  ':': 7,
  '^': 9,
};
const unaryPower = 8;

function powerOf(tok: Token): number {
  if (tok.type !== 'op') return -1;
  if (tok.text.startsWith('%')) return 6;
  return binaryPower[tok.text] ?? -1;
}

/** Parses formula text (or any R expression of the formula subset) into an expression tree. */
export function parseExpression(src: string): Expr {
  const tokens = tokenize(src);
  let k = 0;
  const peek = (): Token => tokens[k]!;
  const next = (): Token => tokens[k++]!;
  const fail = (pos: number, reason: string): never => {
    throw new FormulaSyntaxError(src, pos, reason);
  };
  const describe = (t: Token): string => (t.type === 'eof' ? 'end of formula' : `'${t.text}'`);
  const expectOp = (text: string): Token => {
    const t = next();
    if (t.type !== 'op' || t.text !== text)
      fail(t.pos, `expected '${text}' but found ${describe(t)}`);
    return t;
  };

  function parseArgs(): CallArg[] {
    const args: CallArg[] = [];
    if (peek().type === 'op' && peek().text === ')') {
      next();
      return args;
    }
    for (;;) {
      let name: string | null = null;
      const t = peek();
      const t2 = tokens[k + 1]!;
      if (t.type === 'name' && t2.type === 'op' && t2.text === '=') {
        name = t.text;
        k += 2;
      }
      args.push({ name, value: parse(0) });
      const sep = next();
      if (sep.type === 'op' && sep.text === ')') return args;
      if (!(sep.type === 'op' && sep.text === ','))
        fail(sep.pos, `expected ',' or ')' but found ${describe(sep)}`);
    }
  }

  function parsePrefix(): Expr {
    const t = next();
    if (t.type === 'number')
      return { kind: 'number', value: t.value!, integer: t.integer!, pos: t.pos };
    if (t.type === 'string') return { kind: 'string', value: t.text, pos: t.pos };
    if (t.type === 'name') {
      if (!t.quoted && (t.text === 'TRUE' || t.text === 'FALSE'))
        return { kind: 'logical', value: t.text === 'TRUE', pos: t.pos };
      if (
        !t.quoted &&
        ['if', 'else', 'function', 'for', 'while', 'repeat', 'NULL'].includes(t.text)
      )
        fail(t.pos, `unexpected '${t.text}'`);
      if (peek().type === 'op' && peek().text === '(') {
        next();
        return { kind: 'call', fn: t.text, args: parseArgs(), pos: t.pos };
      }
      return { kind: 'name', name: t.text, pos: t.pos };
    }
    if (t.type === 'op') {
      if (t.text === '(') {
        const inner = parse(0);
        expectOp(')');
        return { kind: 'paren', expr: inner, pos: t.pos };
      }
      if (t.text === '-' || t.text === '+') {
        return { kind: 'unary', op: t.text, arg: parse(unaryPower), pos: t.pos };
      }
      if (t.text === '!') {
        return { kind: 'unary', op: '!', arg: parse(2.75), pos: t.pos };
      }
      if (t.text === '~') {
        // One-sided formula `~ rhs`, kept as the call `~`(rhs) as R does.
        return { kind: 'call', fn: '~', args: [{ name: null, value: parse(1) }], pos: t.pos };
      }
    }
    return fail(t.pos, `unexpected ${describe(t)}`);
  }

  function parse(minPower: number): Expr {
    let left = parsePrefix();
    for (;;) {
      const t = peek();
      const p = powerOf(t);
      if (p < 0) {
        if (t.type === 'op' && (t.text === ')' || t.text === ',')) return left;
        if (t.type === 'eof') return left;
        if (t.type === 'op' && t.text === '=')
          fail(t.pos, "unexpected '=' (use '=' only for named arguments)");
        return fail(t.pos, `unexpected ${describe(t)}`);
      }
      if (p <= minPower) return left;
      next();
      // `^` is right-associative: its right operand binds at the same power.
      const right = t.text === '^' ? parse(p - 0.5) : parse(p);
      left = { kind: 'binary', op: t.text as BinaryOp, left, right, pos: left.pos };
    }
  }

  const expr = parse(0);
  const end = peek();
  if (end.type !== 'eof') fail(end.pos, `unexpected ${describe(end)}`);
  return expr;
}
