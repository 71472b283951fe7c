/** One JSON document (pretty, newline-terminated) with NaN and ±Infinity (R's NA, Inf) as null. */
export function toJson(doc: unknown): string {
  return `${JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
