import { describe, expect, it } from 'vitest';
import { tour } from './index.js';

// The figures the source texts print (seed 000 §6.2, options(digits = 4)) and R's full-precision
// results (/work/shared/reference/moths.json): the tour must show the texts' numbers.
describe('tour', () => {
  it('moths: R optim path, the start error and the predicted genotype counts', async () => {
    const { text, json } = await tour();
    expect(text).toContain(
      '$par\n[1] 0.07085 0.18872\n$value\n[1] 600.5\n$counts\nfunction gradient \n      71       NA ',
    );
    expect(text).toContain('function cannot be evaluated at initial parameters');
    expect(text).toContain('[1]   3.122  16.630  65.248  22.155 173.845 341.000');
    const moths = json.moths as {
      nelderMead: { par: number[]; value: number; counts: { function: number } };
      mle: { par: number[]; value: number };
    };
    expect(moths.nelderMead.counts.function).toBe(71);
    // R: 0.07084643392857301, 0.18871899651849319 (optim's Nelder–Mead), 1e-10 absolute
    expect(Math.abs(moths.nelderMead.par[0]! - 0.07084643392857301)).toBeLessThan(1e-10);
    expect(Math.abs(moths.nelderMead.par[1]! - 0.18871899651849319)).toBeLessThan(1e-10);
    // exact MLE (0.0708369080, 0.1887365181): BFGS stops within ~4e-8 (reltol 1e-14 on f)
    expect(Math.abs(moths.mle.par[0]! - 0.070836908)).toBeLessThan(1e-7);
    expect(Math.abs(moths.mle.par[1]! - 0.1887365181)).toBeLessThan(1e-7);
  });
});
