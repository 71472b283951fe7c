/** Elementwise numeric functions and operators of formula expressions, with R's semantics. */

/** One-argument functions applied elementwise. */
export const unary: Record<string, (x: number) => number> = {
  log2: Math.log2,
  log10: Math.log10,
  log1p: Math.log1p,
  exp: Math.exp,
  expm1: Math.expm1,
  sqrt: Math.sqrt,
  abs: Math.abs,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  atan: Math.atan,
  floor: Math.floor,
  ceiling: Math.ceil,
  trunc: Math.trunc,
  sign: Math.sign,
};

/** R's `round(x)` (digits = 0): IEC 60559 rounding, halves to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * R's `round(x, digits)` (R >= 4.0.0, src/nmath/fround.c): of the two candidates
 * floor(x 10^d) / 10^d and ceil(x 10^d) / 10^d, the one nearer to x; on a tie, the even one.
 */
export function roundDigits(x: number, digits: number): number {
  if (digits === 0 || !Number.isFinite(x) || x === 0) return roundHalfEven(x);
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const p10 = 10 ** digits;
  const x10 = p10 * ax;
  const i10 = Math.floor(x10);
  const xd = i10 / p10;
  const xu = Math.ceil(x10) / p10;
  const du = xu - ax;
  const dd = ax - xd;
  return sign * (du < dd || (du === dd && i10 % 2 === 1) ? xu : xd);
}

/** Arithmetic operators. */
export const binary: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => a ** b,
  '%%': (a, b) => a - Math.floor(a / b) * b,
  '%/%': (a, b) => Math.floor(a / b),
};

const na = (a: number, b: number): boolean => Number.isNaN(a) || Number.isNaN(b);

/** Comparisons and logical operators, R's three-valued logic (NA as NaN). */
export const logical: Record<string, (a: number, b: number) => number> = {
  '<': (a, b) => (na(a, b) ? Number.NaN : +(a < b)),
  '>': (a, b) => (na(a, b) ? Number.NaN : +(a > b)),
  '<=': (a, b) => (na(a, b) ? Number.NaN : +(a <= b)),
  '>=': (a, b) => (na(a, b) ? Number.NaN : +(a >= b)),
  '==': (a, b) => (na(a, b) ? Number.NaN : +(a === b)),
  '!=': (a, b) => (na(a, b) ? Number.NaN : +(a !== b)),
  '&': (a, b) => (a === 0 || b === 0 ? 0 : na(a, b) ? Number.NaN : 1),
  '|': (a, b) =>
    (a !== 0 && !Number.isNaN(a)) || (b !== 0 && !Number.isNaN(b)) ? 1 : na(a, b) ? Number.NaN : 0,
};
logical['&&'] = logical['&']!;
logical['||'] = logical['|']!;
