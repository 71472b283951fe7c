import { describe, expect, it } from 'vitest';
import { NotBracketedError, uniroot } from './uniroot.js';
import { expectAbsClose, expectClose } from './test-helpers.js';

// References: R 4.2.2 uniroot(), printed with %.17g (root, f.root, iter, [init.it,] estim.prec).
describe('uniroot (R zeroin)', () => {
  const cubic = (x: number): number => x ** 3 - x - 1;

  it('finds the root of x³ − x − 1 on [1, 2] with R’s iterates', () => {
    const r = uniroot(cubic, 1, 2);
    expect(r.iter).toBe(7);
    // Same arithmetic as R_zeroin2: the root agrees to 1e-15 relative.
    expectClose(r.root, 1.3247178251287683, 1e-15);
    expectClose(r.estimPrec, 6.1035156250666134e-5, 1e-12);
    const t = uniroot(cubic, 1, 2, { tol: 1e-12 });
    expect(t.iter).toBe(8);
    expectClose(t.root, 1.324717957244774, 1e-15);
    // f.root ≈ 1e-13 is rounding noise of x³ (pow() differs in the last bit between R and V8):
    // compared absolutely to 1e-15.
    expectAbsClose(t.fRoot, 1.1923795284474181e-13, 1e-15);
  });

  it('extends the interval (extendInt = "yes") as R does', () => {
    const r = uniroot((x) => Math.exp(x) - 5, 0, 1, { extendInt: 'yes' });
    expect(r.initIt).toBe(6);
    // R reports iter = zeroin iterations + init.it.
    expect(r.iter).toBe(10);
    expectClose(r.root, 1.6094379426192409, 1e-14);
  });

  it('refuses an interval that does not bracket a root', () => {
    expect(() => uniroot(cubic, 2, 3)).toThrow(NotBracketedError);
    expect(() => uniroot(cubic, 2, 3)).toThrow(/not of opposite sign/);
  });
});
