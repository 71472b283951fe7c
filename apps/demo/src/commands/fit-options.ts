import { type Family, type LinkName, familyByName, isLinkName } from '@likelihood/expfam';
import type { ParsedValues } from '../command.js';
import { UsageError } from '../errors.js';

/** `--family name [--link name]` as R's `get(family)(link)`; gaussian when absent. */
export function familyFromOptions(values: ParsedValues): Family {
  const name = typeof values.family === 'string' ? values.family : 'gaussian';
  const link = values.link;
  if (link !== undefined && (typeof link !== 'string' || !isLinkName(link))) {
    throw new UsageError(`unknown link '${String(link)}'`);
  }
  try {
    return familyByName(name, link as LinkName | undefined);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/** The R call text of a family, e.g. `poisson` or `binomial(link = "probit")`. */
export function familyCall(values: ParsedValues): string {
  const name = typeof values.family === 'string' ? values.family : 'gaussian';
  return typeof values.link === 'string' ? `${name}(link = "${values.link}")` : name;
}
