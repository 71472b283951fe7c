import { describe, expect, it } from 'vitest';
import {
  collapseMap,
  collapsedMultinomial,
  conditionalCellExpectation,
  conditionalCellExpectationInto,
} from './cell-collapsing.js';
import { CountError, LengthError, ParametrizationError, PartitionError } from './errors.js';
import { expectAllClose, expectClose } from './testing/expect-close.js';

describe('cell collapsing', () => {
  it('M from sets or from group labels: M(N)_j = Σ_{k∈A_j} N_k', () => {
    const fromSets = collapseMap([[1, 2, 3], [4, 5], [6]], 6);
    const fromLabels = collapseMap([1, 1, 1, 2, 2, 3], 6);
    expect(fromSets.K0).toBe(3);
    expect(Array.from(fromSets.group)).toEqual(Array.from(fromLabels.group));
    expect(Array.from(fromSets.apply([1, 2, 3, 4, 5, 6]))).toEqual([6, 9, 6]);
    const noncontiguous = collapseMap(
      [
        [2, 4],
        [1, 3],
      ],
      4,
    );
    expect(Array.from(noncontiguous.apply([1, 10, 100, 1000]))).toEqual([1010, 101]);
    expect(() => fromSets.apply([1, 2])).toThrow(LengthError);
  });

  it('rejects partitions that do not cover 1..K exactly once', () => {
    expect(() => collapseMap([[1, 2], [4]], 4)).toThrow(PartitionError);
    expect(() => collapseMap([[1, 2], [4]], 4)).toThrow(
      /does not cover 1..4: cell\(s\) 3 in no set/,
    );
    expect(() =>
      collapseMap(
        [
          [1, 2],
          [2, 3],
        ],
        3,
      ),
    ).toThrow(/cell 2 is in set 1 and again in set 2/);
    expect(() => collapseMap([[1, 7]], 3)).toThrow(/holds 7, not a cell in 1..3/);
    expect(() => collapseMap([[1, 2, 3], []], 3)).toThrow(/set 2 is empty/);
    expect(() => collapseMap([1, 3, 3], 3)).toThrow(/group label\(s\) 2 have no cell/);
    expect(() => collapseMap([1, 1], 3)).toThrow(/group has length 2, expected K = 3/);
    expect(() => collapseMap([1, 0, 2], 3)).toThrow(/group\[1\] = 0/);
  });

  it('collapsed log-likelihood Σ x_j log Σ_{k∈A_j} p_k(ψ) for a user parametrization', () => {
    // p(ψ) = (ψ/2, ψ/2, 1 − ψ) on three cells, observed as {1, 2} ∪ {3}
    const model = collapsedMultinomial({
      x: [30, 70],
      partition: [[1, 2], [3]],
      K: 3,
      prob: (psi) => (psi[0]! > 0 && psi[0]! < 1 ? [psi[0]! / 2, psi[0]! / 2, 1 - psi[0]!] : null),
    });
    // M(p) = (ψ, 1 − ψ): ℓ = 30 log ψ + 70 log(1 − ψ)
    expectClose(model.logLik([0.4]), 30 * Math.log(0.4) + 70 * Math.log(0.6), 1e-15);
    expect(model.negLogLik([1.2])).toBe(Number.POSITIVE_INFINITY);
    expect(model.logLik([-1])).toBe(Number.NEGATIVE_INFINITY);
    // E(N_k | X = x) = x_j p_k / M(p)_j: the 30 split evenly over cells 1 and 2
    expectAllClose(model.conditionalExpectation([0.4]), [15, 15, 70], 1e-15);
    expect(() => model.conditionalExpectation([2])).toThrow(ParametrizationError);
    expect(() => model.negLogLikGradient([0.4])).toThrow(/needs the jacobian/);
  });

  it('conditional expectations sum to x within each set and are 0 where M(p)_j = 0', () => {
    const map = collapseMap([1, 1, 2, 2], 4);
    const e = conditionalCellExpectation([10, 5], map, [0.1, 0.3, 0, 0.6]);
    expectAllClose(e, [2.5, 7.5, 0, 5], 1e-15);
    const z = conditionalCellExpectation([10, 0], map, [0.5, 0.5, 0, 0]);
    expect(Array.from(z)).toEqual([5, 5, 0, 0]);
    // The allocation-free variant writes into the caller's buffers and returns `out`.
    const out = new Float64Array(4);
    const Mp = new Float64Array(2);
    const r = conditionalCellExpectationInto(out, [10, 5], map, [0.1, 0.3, 0, 0.6], Mp);
    expect(r).toBe(out);
    expectAllClose(out, [2.5, 7.5, 0, 5], 1e-15);
    expectAllClose(Mp, [0.4, 0.6], 1e-15);
    conditionalCellExpectationInto(out, [10, 0], map, [0.5, 0.5, 0, 0], Mp);
    expect(Array.from(out)).toEqual([5, 5, 0, 0]);
  });

  it('rejects a parametrization of the wrong length, not summing to 1, or NaN; bad counts', () => {
    const base = { x: [3, 4], partition: [1, 1, 2], K: 3 };
    const wrongLength = collapsedMultinomial({ ...base, prob: () => [0.5, 0.5] });
    expect(() => wrongLength.negLogLik([0.1])).toThrow(ParametrizationError);
    expect(() => wrongLength.negLogLik([0.1])).toThrow(
      /returned 2 cell probabilities, expected K = 3/,
    );
    const notSumming = collapsedMultinomial({ ...base, prob: () => [0.5, 0.3, 0.3] });
    expect(() => notSumming.negLogLik([0.1])).toThrow(/sums to 1.1, not 1/);
    const nan = collapsedMultinomial({ ...base, prob: () => [Number.NaN, 0.5, 0.5] });
    expect(() => nan.negLogLik([0.1])).toThrow(/prob\(psi\)\[0\] is NaN/);
    // entries outside [0, 1] mean "outside the parameter set", as the seed's reference code
    const negative = collapsedMultinomial({ ...base, prob: () => [-0.2, 0.7, 0.5] });
    expect(negative.negLogLik([0.1])).toBe(Number.POSITIVE_INFINITY);
    const ok = () => [0.2, 0.3, 0.5];
    expect(() => collapsedMultinomial({ ...base, x: [3, -4], prob: ok })).toThrow(CountError);
    expect(() => collapsedMultinomial({ ...base, x: [3, 4.5], prob: ok })).toThrow(CountError);
    expect(() => collapsedMultinomial({ ...base, x: [3, 4, 1], prob: ok })).toThrow(
      /x has length 3, expected 2/,
    );
  });
});
