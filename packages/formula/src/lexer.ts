import { FormulaSyntaxError } from './errors.js';

/** A token of formula text; `pos` is its 0-based column. */
export interface Token {
  readonly type: 'name' | 'number' | 'string' | 'op' | 'eof';
  readonly text: string;
  readonly pos: number;
  /** For `name`: whether it was written in backquotes (never a keyword then). */
  readonly quoted?: boolean;
  /** For `number`: the value, and whether it is an `L` integer literal. */
  readonly value?: number;
  readonly integer?: boolean;
}

const singleOps = new Set([
  '~',
  '+',
  '-',
  '*',
  '/',
  '^',
  ':',
  '(',
  ')',
  ',',
  '=',
  '|',
  '&',
  '!',
  '<',
  '>',
]);

/** Splits formula text into tokens as R's lexer does for the formula subset of the language. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  const fail = (pos: number, reason: string): never => {
    throw new FormulaSyntaxError(src, pos, reason);
  };
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i))!;
      i += m[0].length;
      let integer = false;
      if (src[i] === 'L') {
        integer = true;
        i++;
      }
      if (/[\p{L}_.0-9]/u.test(src[i] ?? '')) fail(i, `unexpected symbol after number '${m[0]}'`);
      out.push({
        type: 'number',
        text: src.slice(start, i),
        pos: start,
        value: Number(m[0]),
        integer,
      });
      continue;
    }
    if (/[\p{L}.]/u.test(c)) {
      const m = /^[\p{L}.][\p{L}\p{N}._]*/u.exec(src.slice(i))!;
      i += m[0].length;
      out.push({ type: 'name', text: m[0], pos: start, quoted: false });
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) fail(i, 'unterminated backquoted name');
      if (end === i + 1) fail(i, 'empty backquoted name');
      out.push({ type: 'name', text: src.slice(i + 1, end), pos: start, quoted: true });
      i = end + 1;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = src.indexOf(c, i + 1);
      if (end < 0) fail(i, 'unterminated string');
      out.push({ type: 'string', text: src.slice(i + 1, end), pos: start });
      i = end + 1;
      continue;
    }
    if (c === '%') {
      const end = src.indexOf('%', i + 1);
      if (end < 0) fail(i, "unterminated '%' operator");
      out.push({ type: 'op', text: src.slice(i, end + 1), pos: start });
      i = end + 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '==' || two === '!=' || two === '&&') {
      out.push({ type: 'op', text: two, pos: start });
      i += 2;
      continue;
    }
    if (c === '|' && src[i + 1] === '|') {
      out.push({ type: 'op', text: '||', pos: start });
      i += 2;
      continue;
    }
    if (c === '*' && src[i + 1] === '*') {
      // R reads `**` as `^`.
      out.push({ type: 'op', text: '^', pos: start });
      i += 2;
      continue;
    }
    if (singleOps.has(c)) {
      out.push({ type: 'op', text: c, pos: start });
      i++;
      continue;
    }
    fail(i, `unexpected character '${c}'`);
  }
  out.push({ type: 'eof', text: '', pos: n });
  return out;
}
