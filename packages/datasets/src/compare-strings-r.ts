/**
 * String order of R's `sort()` / `factor()` levels in an English locale. R 4.x sorts character
 * vectors with ICU collation when ICU is available (the usual case on Linux, macOS and Windows
 * builds): letters compare case-insensitively first (`"rural" < "Suva" < "urban"`), lowercase
 * before uppercase on ties (`"a" < "A"`), accents after case-blind letters (`"e" < "é" < "f"`),
 * and digits compare character by character, not numerically (`"1" < "10" < "100" < "2"`);
 * spaces and punctuation are not ignored and sort before digits, digits before letters
 * (`"a b" < "a_b" < "a-b" < "A:a" < "Aa"`).
 *
 * The ICU collator of the JavaScript engine (`Intl.Collator('en')`, the same CLDR root
 * collation R's ICU uses) implements exactly that; strings it deems equal are ordered by
 * UTF-16 code units so the result is a total order.
 */
const collator = new Intl.Collator('en', {
  usage: 'sort',
  sensitivity: 'variant',
  ignorePunctuation: false,
  numeric: false,
});

/** Compare two strings in R's level order; negative when `a` sorts before `b`. */
export function compareStringsR(a: string, b: string): number {
  const c = collator.compare(a, b);
  if (c !== 0) return c;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct values of `values` in R's sorted order — R's `levels(factor(values))`. */
export function sortedLevelsR(values: Iterable<string | null>): string[] {
  const seen = new Set<string>();
  for (const v of values) if (v !== null) seen.add(v);
  return [...seen].sort(compareStringsR);
}
