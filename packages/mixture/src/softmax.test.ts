import { describe, expect, it } from 'vitest';
import { collapseWarnings } from './collapse-warnings.js';
import { softmaxInPlace } from './softmax.js';
import { expectClose } from './test-helpers.js';
import type { MixtureWarning } from './types.js';

describe('softmaxInPlace / collapseWarnings (E- and M-step helpers)', () => {
  it('turns log joints into posterior weights and returns their log-sum-exp, without overflow', () => {
    const l = Float64Array.of(Math.log(1), Math.log(3));
    // log(1 + 3) and weights (1/4, 3/4): rounding only, 1e-15 relative.
    expectClose(softmaxInPlace(l), Math.log(4), 1e-15);
    expectClose(l[0]!, 0.25, 1e-15);
    expectClose(l[1]!, 0.75, 1e-15);
    // Log densities near -1000 underflow exp() but not the factored form: 1e-15 relative.
    // (The input -1000 + log 3 is itself rounded at 1e-13; d is its exact offset from -1000.)
    const far = Float64Array.of(-1000, -1000 + Math.log(3));
    const d = far[1]! - far[0]!;
    expectClose(softmaxInPlace(far), -1000 + Math.log1p(Math.exp(d)), 1e-15);
    expectClose(far[1]!, Math.exp(d) / (1 + Math.exp(d)), 1e-15);
  });

  it('reports each collapsing component once, with the M-step it happened in', () => {
    const warnings: MixtureWarning[] = [];
    const c = collapseWarnings(warnings);
    c.nextStep();
    c.warn(1, 'first');
    c.nextStep();
    c.warn(1, 'again');
    c.warn(0, 'other');
    expect(warnings).toEqual([
      { type: 'collapsing-component', component: 1, iteration: 1, message: 'first' },
      { type: 'collapsing-component', component: 0, iteration: 2, message: 'other' },
    ]);
  });
});
