import { describe, expect, it } from 'vitest';
import { readCsv } from './fixtures/csv.js';
import { expectClose } from './fixtures/expect-close.js';
// fixtures/frames.json: R 4.2.2 results made by fixtures/frames.R (model.frame na.omit rows,
// model.response of cbind(), lme4 1.1-31 lFormula grouping factors, sort()/factor() levels
// under ICU collation, round()).
import ref from './fixtures/frames.json' with { type: 'json' };
import { DataError, FactorError, NonFiniteValueError, UnknownColumnError } from './errors.js';
import { roundDigits, roundHalfEven } from './vector-ops.js';
import { compareStringsR, factorFromNumbers, factorFromStrings } from './factor.js';
import { groupingFactor, modelFrame } from './model-frame.js';

describe('factors and level order', () => {
  it("sorts strings as R's sort() and factor() do (ICU collation)", () => {
    expect([...ref.strings].sort(compareStringsR)).toEqual(ref.sorted);
    expect(factorFromStrings('s', ref.strings).levels).toEqual(ref.factorLevels);
  });
  it('sorts numeric levels numerically, or as strings on request', () => {
    expect(factorFromNumbers('n', [10, 2, 1, 2.5, 100]).levels).toEqual([
      '1',
      '2',
      '2.5',
      '10',
      '100',
    ]);
    expect(factorFromNumbers('n', [10, 2, 1, 100], { levelOrder: 'string' }).levels).toEqual([
      '1',
      '10',
      '100',
      '2',
    ]);
  });
  it('uses explicit levels and rejects values outside them', () => {
    const f = factorFromStrings('t', ['H', 'L', 'M'], { levels: ['L', 'M', 'H'], ordered: true });
    expect(Array.from(f.codes)).toEqual([2, 0, 1]);
    expect(f.ordered).toBe(true);
    expect(() => factorFromStrings('t', ['H', 'X'], { levels: ['L', 'M', 'H'] })).toThrow(
      /'X' at row 1/,
    );
  });
});

describe('modelFrame', () => {
  it("drops incomplete rows as R's na.omit and reports them", () => {
    const d = ref.naData;
    const frame = modelFrame('y ~ x + g', d, { weights: d.w.map((w) => w ?? null) as number[] });
    expect(Array.from(frame.rows)).toEqual(ref.naKept);
    expect(Array.from(frame.droppedRows)).toEqual(ref.naDropped);
    const g = frame.columns.get('g')!;
    expect(g.kind).toBe('factor');
    if (g.kind === 'factor') {
      expect(g.levels).toEqual(ref.naLevels);
      expect(Array.from(g.codes)).toEqual(ref.naCodes);
    }
    expect(frame.nobs).toBe(4);
  });
  it('uses a subset before na.omit, as R subset = ...', () => {
    // R: mf <- model.frame(y ~ x + g, na, weights = w, subset = c(TRUE, TRUE, FALSE, FALSE,
    //   TRUE, TRUE, TRUE, FALSE)); rows kept 1, 5, 7 (1-based), na.action 2, 6.
    const d = ref.naData;
    const mask = [true, true, false, false, true, true, true, false];
    const w = d.w.map((v) => v ?? null) as number[];
    const a = modelFrame('y ~ x + g', d, { weights: w, subset: mask });
    expect(Array.from(a.rows)).toEqual([0, 4, 6]);
    expect(Array.from(a.droppedRows)).toEqual([1, 5]);
    const b = modelFrame('y ~ x + g', d, { weights: w, subset: [0, 1, 4, 5, 6] });
    expect(Array.from(b.rows)).toEqual([0, 4, 6]);
    expect(() => modelFrame('y ~ x', d, { subset: [9] })).toThrow(/subset index 9/);
  });
  it('reads row objects like columns', () => {
    const rows = ref.naData.y.map((y, i) => ({ y, x: ref.naData.x[i]!, g: ref.naData.g[i]! }));
    const a = modelFrame('y ~ x + g', rows);
    const b = modelFrame('y ~ x + g', ref.naData);
    expect(Array.from(a.rows)).toEqual(Array.from(b.rows));
    expect(a.columns.get('x')).toEqual(b.columns.get('x'));
  });
  it('evaluates round(y) (halves to even) and offset(log(n)) on CEB', () => {
    const ceb = readCsv('ceb.csv');
    const frame = modelFrame('round(y) ~ dur + offset(log(n))', ceb);
    const r = frame.response!;
    // Integers: exact.
    expect(r.kind === 'numeric' && Array.from(r.values)).toEqual(ref.cebRoundY);
    // log(n) by Math.log vs R's log: correctly rounded both, 1e-15.
    expectClose(frame.offset!, (ceb.n as number[]).map(Math.log), 1e-15, 'offset');
  });
  it('rounds as R round() does', () => {
    expectClose(ref.roundIn.map(roundHalfEven), ref.roundOut, 0, 'round');
    // R 4.2: mapply(round, c(0.15, 2.675, -0.25, 1.005, 0.285, 12.345, -2.5), c(1,2,1,2,2,2,0)),
    // printed with %.17g: the same doubles, compared exactly.
    const x = [0.15, 2.675, -0.25, 1.005, 0.285, 12.345, -2.5];
    const d = [1, 2, 1, 2, 2, 2, 0];
    expectClose(
      x.map((v, i) => roundDigits(v, d[i]!)),
      [0.1, 2.67, -0.2, 1, 0.28, 12.35, -2],
      0,
      'round(x, digits)',
    );
  });
  it('evaluates cbind() responses with arithmetic inside', () => {
    const frame = modelFrame('cbind(incidence, size - incidence) ~ period', readCsv('cbpp.csv'));
    const r = frame.response!;
    expect(r.kind).toBe('matrix');
    if (r.kind === 'matrix') {
      expect(Array.from(r.values.data)).toEqual(ref.cbppResponse);
      expect(r.colnames).toEqual(['incidence', '']);
    }
  });
  it('builds lme4 grouping factors (nested and interaction groups)', () => {
    const cbpp = readCsv('cbpp.csv');
    const rows = ref.cb2Rows;
    const data = Object.fromEntries(
      Object.entries(cbpp).map(([k, v]) => [k, rows.map((i) => v[i]!)]),
    );
    const herdLevels = Array.from({ length: 15 }, (_, i) => String(i + 1));
    const frame = modelFrame(
      'incidence ~ (1 | herd/period) + (1 | period:herd)',
      data as Record<string, string[]>,
      {
        factors: { herd: { levels: herdLevels } },
      },
    );
    expect(frame.formula.random.map((r) => r.group.label)).toEqual([
      'period:herd',
      'herd',
      'period:herd',
    ]);
    for (const term of frame.formula.random) {
      const g = groupingFactor(frame, term.group);
      const expected = ref.groups.find((x) => x.name === term.group.label)!;
      expect(g.levels).toEqual(expected.levels);
      expect(Array.from(g.codes)).toEqual(expected.codes);
    }
  });
});

describe('modelFrame errors name the column and row', () => {
  const d = { y: [1, 2, 3], x: [1, 0, 2], s: ['a', 'b', 'a'] };
  it('unknown column', () => {
    expect(() => modelFrame('y ~ x + z', d)).toThrow(UnknownColumnError);
    expect(() => modelFrame('y ~ x + z', d)).toThrow(
      /unknown column 'z' in the formula at column 8/,
    );
  });
  it('infinite data', () => {
    expect(() =>
      modelFrame('y ~ x', { y: [1, Number.POSITIVE_INFINITY, 3], x: [1, 2, 3] }),
    ).toThrow(/'y' has the non-finite value Infinity at row 1/);
  });
  it('non-finite computed values', () => {
    expect(() => modelFrame('y ~ log(x)', d)).toThrow(NonFiniteValueError);
    expect(() => modelFrame('y ~ log(x)', d)).toThrow(
      /'log\(x\)' has the non-finite value -Infinity at row 1/,
    );
  });
  it('unknown functions (not prototype members)', () => {
    expect(() => modelFrame('y ~ toString(x)', d)).toThrow(/unknown function 'toString'/);
  });
  it('arithmetic on a factor', () => {
    expect(() => modelFrame('y ~ log(s)', d)).toThrow(/not meaningful for factors/);
  });
  it('weights of the wrong length', () => {
    expect(() => modelFrame('y ~ x', d, { weights: [1, 2] })).toThrow(DataError);
    expect(() => modelFrame('y ~ x', d, { weights: [1, 2] })).toThrow(
      /weights has length 2, expected 3/,
    );
  });
  it('negative weights', () => {
    expect(() => modelFrame('y ~ x', d, { weights: [1, -2, 1] })).toThrow(
      /non-negative: -2 at row 1/,
    );
  });
  it('mixed column types and ragged columns', () => {
    expect(() => modelFrame('y ~ x', { y: [1, 2], x: [1, 'a'] as unknown as number[] })).toThrow(
      /mixes number and string/,
    );
    expect(() => modelFrame('y ~ x', { y: [1, 2], x: [1] })).toThrow(
      /column 'x' has 1 rows, expected 2/,
    );
  });
  it('declared factor not in the data', () => {
    expect(() => modelFrame('y ~ x', d, { factors: { w: true } })).toThrow(FactorError);
  });
  it("naAction 'fail'", () => {
    expect(() =>
      modelFrame('y ~ x', { y: [1, null, 3], x: [1, 2, 3] }, { naAction: 'fail' }),
    ).toThrow(/'y' is missing at row 1/);
  });
});
