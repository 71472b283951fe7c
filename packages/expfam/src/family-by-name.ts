import { binomial, quasibinomial } from './binomial.js';
import { DomainError } from './errors.js';
import type { Family, FamilyName } from './family.js';
import { Gamma } from './gamma-family.js';
import { gaussian } from './gaussian-family.js';
import { inverseGaussian } from './inverse-gaussian.js';
import type { Link, LinkName } from './links.js';
import { poisson, quasipoisson } from './poisson.js';
import { quasi } from './quasi.js';

const FACTORIES: Record<FamilyName, (link?: LinkName | Link) => Family> = {
  binomial,
  quasibinomial,
  poisson,
  quasipoisson,
  gaussian,
  Gamma,
  'inverse.gaussian': inverseGaussian,
  quasi: (link) => quasi(link === undefined ? {} : { link }),
};

/** Every family name `familyByName` accepts (R's spelling). */
export const FAMILY_NAMES = Object.keys(FACTORIES) as readonly FamilyName[];

/**
 * The family called `name` with `link` (its default link when omitted), as R's
 * `get(name)(link)`: e.g. `familyByName('poisson', 'sqrt')` for a command line's
 * `--family poisson --link sqrt`. Throws `DomainError` listing the names for an unknown family,
 * and `LinkError` for an unknown link.
 */
export function familyByName(name: string, link?: LinkName | Link): Family {
  if (!Object.hasOwn(FACTORIES, name)) {
    throw new DomainError(
      `family '${name}' not recognised; available families are ${FAMILY_NAMES.map((f) => `'${f}'`).join(', ')}`,
    );
  }
  return FACTORIES[name as FamilyName](link);
}
