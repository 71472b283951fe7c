/**
 * The expression tree of a formula, as R's parser builds it for the operators formulas use.
 * Every node carries `pos`, the 0-based column in the formula text where it starts.
 */
export type Expr =
  | { readonly kind: 'name'; readonly name: string; readonly pos: number }
  | {
      readonly kind: 'number';
      readonly value: number;
      /** `2L`: an R integer literal. */
      readonly integer: boolean;
      readonly pos: number;
    }
  | { readonly kind: 'logical'; readonly value: boolean; readonly pos: number }
  | { readonly kind: 'string'; readonly value: string; readonly pos: number }
  | { readonly kind: 'paren'; readonly expr: Expr; readonly pos: number }
  | {
      readonly kind: 'unary';
      readonly op: '-' | '+' | '!';
      readonly arg: Expr;
      readonly pos: number;
    }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly pos: number;
    }
  | {
      readonly kind: 'call';
      readonly fn: string;
      readonly args: readonly CallArg[];
      readonly pos: number;
    };

/** Binary operators: arithmetic, comparisons, logical, formula operators, `%op%`, bars. */
export type BinaryOp =
  | '+'
  | '-'
  | '*'
  | '/'
  | '^'
  | ':'
  | '|'
  | '||'
  | '&'
  | '&&'
  | '<'
  | '>'
  | '<='
  | '>='
  | '=='
  | '!='
  | '~'
  | `%${string}%`;

/** One argument of a call, `value` or `name = value`. */
export interface CallArg {
  readonly name: string | null;
  readonly value: Expr;
}

const reserved = new Set([
  'if',
  'else',
  'repeat',
  'while',
  'function',
  'for',
  'next',
  'break',
  'TRUE',
  'FALSE',
  'NULL',
  'Inf',
  'NaN',
  'NA',
  'NA_integer_',
  'NA_real_',
  'NA_character_',
  'NA_complex_',
  'in',
]);

/** Whether R accepts `name` without backquotes (a syntactic, non-reserved name). */
export function isSyntacticName(name: string): boolean {
  if (reserved.has(name)) return false;
  return /^(?:[\p{L}]|\.(?![0-9]))[\p{L}\p{N}._]*$/u.test(name) || name === '.';
}

/**
 * Formats a double as R's `deparse` does: 15 significant digits, fixed notation unless the
 * scientific form is shorter (R's `scipen = 0` rule).
 */
export function formatRNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Inf' : '-Inf';
  if (value === 0) return '0';
  const p = value.toExponential(14);
  const [mant, expText] = p.split('e') as [string, string];
  const e = Number(expText);
  const digits = mant.replace('-', '').replace('.', '').replace(/0+$/, '');
  const nsig = Math.max(1, digits.length);
  const sign = value < 0 ? '-' : '';
  const sciMant = nsig === 1 ? digits[0]! : `${digits[0]}.${digits.slice(1)}`;
  const sci = `${sign}${sciMant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  const decimals = Math.max(0, nsig - 1 - e);
  const fixed = decimals > 20 ? sci : Math.abs(value).toFixed(decimals);
  const fixedText = `${sign}${fixed}`;
  return fixedText.length <= sci.length ? fixedText : sci;
}

/** R's `deparse(expr)` for the subset of the language formulas use: the label R prints. */
export function deparse(expr: Expr): string {
  switch (expr.kind) {
    case 'name':
      return isSyntacticName(expr.name) ? expr.name : `\`${expr.name}\``;
    case 'number':
      return expr.integer ? `${formatRNumber(expr.value)}L` : formatRNumber(expr.value);
    case 'logical':
      return expr.value ? 'TRUE' : 'FALSE';
    case 'string':
      return JSON.stringify(expr.value);
    case 'paren':
      return `(${deparse(expr.expr)})`;
    case 'unary':
      return `${expr.op}${deparse(expr.arg)}`;
    case 'binary': {
      const tight = expr.op === '/' || expr.op === '^' || expr.op === ':';
      const sep = tight ? expr.op : ` ${expr.op} `;
      return `${deparse(expr.left)}${sep}${deparse(expr.right)}`;
    }
    case 'call': {
      if (expr.fn === '~' && expr.args.length === 1) return `~${deparse(expr.args[0]!.value)}`;
      const fn = isSyntacticName(expr.fn) ? expr.fn : `\`${expr.fn}\``;
      const args = expr.args.map((a) =>
        a.name === null ? deparse(a.value) : `${a.name} = ${deparse(a.value)}`,
      );
      return `${fn}(${args.join(', ')})`;
    }
  }
}

/** Drops redundant parentheses around `expr` (R's formula code looks through `(`). */
export function unparen(expr: Expr): Expr {
  let e = expr;
  while (e.kind === 'paren') e = e.expr;
  return e;
}
