export type { EMControl, EMModel, EMResult, EMWarning } from './types.js';
export { runEM } from './em.js';
export { squarem } from './squarem.js';
export type { ResolvedControl } from './control.js';
export { resolveControl, paramChange, logLikChange, isConverged, isDecrease } from './control.js';
export type {
  EMStandardErrors,
  EMStandardErrorOptions,
  InformationMethod,
} from './standard-errors.js';
export { emStandardErrors, fromInformation } from './standard-errors.js';
export type { CollapsedMultinomialSpec } from './collapsed-multinomial.js';
export { collapsedMultinomialModel } from './collapsed-multinomial.js';
export { formatEMTrace } from './format-trace.js';
export { EMError, EMInputError, EMCapabilityError } from './errors.js';
export type { CollapsedMultinomialEMOptions } from './collapsed-multinomial-expfam.js';
export { collapsedMultinomialEM } from './collapsed-multinomial-expfam.js';
