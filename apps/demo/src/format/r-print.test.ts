import { describe, expect, it } from 'vitest';
import { printNamedVector, printVector } from './r-print.js';

// Expected strings are R 4.2's own output (options(digits = 4) as in the source texts, or the
// default digits = 7), copied verbatim.
describe('R-style vector printing', () => {
  it('prints the moth estimates as the text does (digits = 4)', () => {
    expect(printVector([0.07084643, 0.188719], 4)).toBe('[1] 0.07085 0.18872');
    expect(printVector([600.480984573283], 4)).toBe('[1] 600.5');
  });
  it('prints expected genotype counts with a common number of decimals', () => {
    const x = [3.12202, 16.62973, 65.24826, 22.15524, 173.84476, 341];
    expect(printVector(x, 4)).toBe('[1]   3.122  16.630  65.248  22.155 173.845 341.000');
  });
  it('prints named counts with NA', () => {
    expect(printNamedVector(['function', 'gradient'], [71, null])).toBe(
      'function gradient \n      71       NA ',
    );
  });
  it('switches to scientific notation when narrower', () => {
    // R: print(c(1e-10, 1)) gives "[1] 1e-10 1e+00"
    expect(printVector([1e-10, 1])).toBe('[1] 1e-10 1e+00');
    // R: print(123456789) gives "[1] 123456789"
    expect(printVector([123456789])).toBe('[1] 123456789');
    // R: print(c(-1.5, 2)) gives "[1] -1.5  2.0"
    expect(printVector([-1.5, 2])).toBe('[1] -1.5  2.0');
  });
});
