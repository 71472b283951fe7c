import { describe, expect, it } from 'vitest';
import { FormulaSyntaxError } from './errors.js';
import { deparse } from './expr.js';
import { parseFormula } from './parse-formula.js';
// fixtures/terms.json: R 4.2.2 `terms(as.formula(s))` for each formula: term.labels, order,
// intercept, response, variables (deparsed) and offsets; `.` with `terms(f, data = d)`. Made by fixtures/terms.R.
import termsRef from './fixtures/terms.json' with { type: 'json' };

interface TermsRef {
  formula: string;
  labels: string[];
  order: number[];
  intercept: number;
  response: number;
  variables: string[];
  offsets: string[];
  dataColumns: string[] | null;
}

describe('parseFormula against R terms.formula', () => {
  for (const ref of termsRef as TermsRef[]) {
    it(ref.formula, () => {
      const f = parseFormula(
        ref.formula,
        ref.dataColumns == null ? {} : { dataColumns: ref.dataColumns },
      );
      // Labels, orders and variables are strings/integers: compared exactly.
      expect(f.fixed.terms.map((t) => t.label)).toEqual(ref.labels);
      expect(f.fixed.terms.map((t) => t.order)).toEqual(ref.order);
      expect(f.fixed.intercept).toBe(ref.intercept === 1);
      expect(f.response !== null).toBe(ref.response === 1);
      expect(f.variables.map((v) => v.label)).toEqual(ref.variables);
      expect(f.fixed.offsets.map((v) => v.label)).toEqual(ref.offsets);
    });
  }
});

describe('random-effect terms (lme4 findbars)', () => {
  it('parses (x | g), (x || g), (1 | a/b), (1 | a:b), (0 + x | g)', () => {
    const f = parseFormula('y ~ x + (x | g) + (z || h) + (1 | a/b) + (1 | a:b) + (0 + x | g)');
    expect(f.fixed.terms.map((t) => t.label)).toEqual(['x']);
    expect(f.fixed.intercept).toBe(true);
    // Labels as lme4 1.1-31 `findbars` prints them (checked with Rscript).
    expect(f.random.map((r) => r.label)).toEqual([
      'x | g',
      '1 | h',
      '0 + z | h',
      '1 | b:a',
      '1 | a',
      '1 | a:b',
      '0 + x | g',
    ]);
    expect(f.random.map((r) => r.correlated)).toEqual([true, false, false, true, true, true, true]);
    const [xg, , zh, ba] = f.random;
    expect(xg!.lhs.intercept).toBe(true);
    expect(xg!.lhs.terms.map((t) => t.label)).toEqual(['x']);
    expect(zh!.lhs.intercept).toBe(false);
    expect(zh!.lhs.terms.map((t) => t.label)).toEqual(['z']);
    expect(ba!.group.label).toBe('b:a');
    expect(ba!.group.factors.map((v) => v.label)).toEqual(['b', 'a']);
    expect(f.variables.map((v) => v.label)).toEqual(['y', 'x', 'g', 'z', 'h', 'b', 'a']);
  });
  it('expands a/b/c as lme4 does', () => {
    const f = parseFormula('y ~ (1 | a/b/c)');
    expect(f.random.map((r) => r.group.label)).toEqual(['c:b:a', 'b:a', 'a']);
    expect(f.fixed.terms).toEqual([]);
  });
  it('rejects bars inside interactions', () => {
    expect(() => parseFormula('y ~ a:(1 | g)')).toThrow(FormulaSyntaxError);
  });
});

describe('expressions and labels', () => {
  it('deparses as R does (spacing, numbers, backquotes)', () => {
    const f = parseFormula('y ~ I(-x^2 + 3*x/2 - 1e5 + 0.0001 + 123456 + 2L - (a-b)) + `my var`');
    // R: deparse(quote(I(-x^2 + 3*x/2 - 1e5 + 0.0001 + 123456 + 2L - (a-b))))
    expect(f.fixed.terms[0]!.label).toBe(
      'I(-x^2 + 3 * x/2 - 1e+05 + 1e-04 + 123456 + 2L - (a - b))',
    );
    expect(f.fixed.terms[1]!.label).toBe('`my var`');
    expect(deparse(f.response!.expr)).toBe('y');
  });
  it('reads ^ right-associatively and unary minus below ^', () => {
    const f = parseFormula('y ~ I(2^3^2) + I(-x^2)');
    const e = f.fixed.terms[0]!;
    expect(e.label).toBe('I(2^3^2)');
    const call = f.variables[1]!.expr;
    expect(
      call.kind === 'call' &&
        call.args[0]!.value.kind === 'binary' &&
        call.args[0]!.value.right.kind,
    ).toBe('binary');
  });
  it('accepts one-sided formulas', () => {
    const f = parseFormula('~ a + b');
    expect(f.response).toBeNull();
    expect(f.fixed.terms.map((t) => t.label)).toEqual(['a', 'b']);
  });
});

describe('syntax errors name the column', () => {
  const cases: [string, number][] = [
    ['y ~ a + ', 8],
    ['y ~ a + )', 8],
    ['y ~ a $ b', 6],
    ['y ~ log(x', 9],
    ['y ~ (a + b)^x', 12],
    ['y ~ a + 2', 8],
    ['y a', 2],
    ['y ~ a + .', 8],
    ['y ~ `a', 4],
  ];
  for (const [src, pos] of cases) {
    it(src, () => {
      let err: unknown;
      try {
        parseFormula(src);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FormulaSyntaxError);
      expect((err as FormulaSyntaxError).position).toBe(pos);
      expect((err as FormulaSyntaxError).message).toContain(`column ${pos}`);
    });
  }
  it('needs a tilde', () => {
    expect(() => parseFormula('y + x')).toThrow(/needs '~'/);
  });
});
