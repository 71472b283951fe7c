import { describe, expect, it } from 'vitest';
import { compareStringsR, sortedLevelsR } from './compare-strings-r.js';
// R's sort() of 100 tricky strings (case, accents, digits, punctuation, spaces), computed by
// scripts/collation.R with R 4.2.2 (ICU collation, R's default).
import collation from './fixtures/collation.json' with { type: 'json' };

describe('compareStringsR', () => {
  it("sorts exactly as R's sort() does", () => {
    const expected = collation.sorted;
    // Start from reversed and from a shuffled order so the sort must do the work.
    expect([...expected].reverse().sort(compareStringsR)).toEqual(expected);
    const shuffled = [...expected];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    expect(shuffled.sort(compareStringsR)).toEqual(expected);
  });

  it('is case-insensitive first, lowercase first on ties, digits by character', () => {
    expect(['urban', 'Suva', 'rural'].sort(compareStringsR)).toEqual(['rural', 'Suva', 'urban']);
    expect(['A', 'a', 'B', 'b'].sort(compareStringsR)).toEqual(['a', 'A', 'b', 'B']);
    expect(['2', '100', '10', '1'].sort(compareStringsR)).toEqual(['1', '10', '100', '2']);
    expect(['5-9', '10-14', '0-4'].sort(compareStringsR)).toEqual(['0-4', '10-14', '5-9']);
  });

  it('is a total order: equal only for identical strings, antisymmetric', () => {
    const s = collation.sorted;
    for (let i = 0; i < s.length; i++) {
      expect(compareStringsR(s[i], s[i])).toBe(0);
      for (let j = i + 1; j < s.length; j++) {
        expect(Math.sign(compareStringsR(s[i], s[j]))).toBe(-1);
        expect(Math.sign(compareStringsR(s[j], s[i]))).toBe(1);
      }
    }
  });
});

describe('sortedLevelsR', () => {
  it('gives the distinct non-missing values in R order', () => {
    expect(sortedLevelsR(['none', 'lower', null, 'upper', 'sec+', 'none'])).toEqual([
      'lower',
      'none',
      'sec+',
      'upper',
    ]);
    expect(sortedLevelsR([])).toEqual([]);
  });
});
