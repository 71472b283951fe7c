/**
 * exp(t) for t in [-745, 0], the only range a log-sum-exp needs (t = l_ik - max_k l_ik <= 0),
 * about twice as fast as `Math.exp` in V8 (a C call) because it inlines: t = (64 j + i) ln2/64 + r
 * with |r| <= ln2/128 (Cody-Waite split of ln2/64, fdlibm's ln2_hi/ln2_lo), then
 * exp(t) = 2^j * 2^(i/64) * P(r), P the degree-6 Taylor polynomial (|error| < 2e-17 on |r| <= 0.0055),
 * 2^(i/64) and 2^j from tables. Relative error below 4 ulp (tested). Written here because it is
 * the hot loop of the E-step, where exp dominates the cost.
 */
const T64 = Float64Array.from({ length: 64 }, (_, i) => 2 ** (i / 64));
/** 2^-e for e = 0..1100 (subnormal and zero at the far end, as exp underflows). */
const POW2NEG = Float64Array.from({ length: 1101 }, (_, e) => 2 ** -e);
const INV_LN2_64 = 64 / Math.LN2;
const LN2_64_HI = 0.6931471803691238 / 64;
const LN2_64_LO = 1.9082149292705877e-10 / 64;

/** exp(t) for -745 <= t <= 0 (see the module comment); callers guarantee the range. */
export function expNonPositive(t: number): number {
  const kf = Math.round(t * INV_LN2_64);
  const r = t - kf * LN2_64_HI - kf * LN2_64_LO;
  const p =
    1 +
    r *
      (1 +
        r *
          (0.5 +
            r *
              (0.16666666666666666 +
                r *
                  (0.041666666666666664 + r * (0.008333333333333333 + r * 0.001388888888888889)))));
  const i = kf & 63;
  return T64[i]! * POW2NEG[(i - kf) >> 6]! * p;
}
