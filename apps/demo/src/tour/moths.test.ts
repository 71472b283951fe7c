import { describe, expect, it } from 'vitest';
import { expectClose } from './expect-close.js';
import { mothsSection } from './moths.js';

// EM by gene counting (R's em_moth in /work/shared/reference/moths.json, `mle_em`): 20
// iterations, par (0.0708369080473841, 0.18873651810884909); exact SEs from the analytic
// Hessian (`se_analytic`: 0.0074112093709094717, 0.012205190656779018).
describe('moths: EM by gene counting', () => {
  const s = mothsSection();
  const em = (s.json as { em: { par: number[]; iterations: number; se: number[] } }).em;

  it("retraces R's em_moth: 20 iterations to the same fixed point", () => {
    expect(em.iterations).toBe(20);
    // same fixed-point map to tol 1e-15 on the parameters: 1e-13 absolute
    expectClose(em.par[0]!, 0.0708369080473841, 0, 'pC', 1e-13);
    expectClose(em.par[1]!, 0.18873651810884909, 0, 'pI', 1e-13);
  });

  it("Louis' standard errors equal the analytic ones", () => {
    // closed-form Louis information vs R's analytic Hessian: 1e-8 relative
    expectClose(em.se[0]!, 0.0074112093709094717, 1e-8, 'se pC');
    expectClose(em.se[1]!, 0.012205190656779018, 1e-8, 'se pI');
  });

  it('prints the trace and the estimate', () => {
    expect(s.text).toContain('number of iterations= 20');
    expect(s.text).toContain('$par\n[1] 0.070836908 0.188736518');
    expect(s.text).toContain('[1] 0.007411 0.012205');
  });
});
