import { describe, expect, it } from 'vitest';
import { contrPoly } from './contrasts.js';

// R 4.2.2: sprintf("%.17g", contr.poly(6)) and contr.poly(3), column-major. Exact equality: the
// recipe is R's make.poly (QR, qr.qy, sum()), so the doubles must be R's to the last bit — a
// last-bit difference shows up in printed ANOVA tables whose sums of squares sit on a tie.
const R_POLY_6 = [
  -0.59761430466719689, -0.35856858280031806, -0.11952286093343939, 0.11952286093343931,
  0.35856858280031806, 0.59761430466719678, 0.54554472558998091, -0.10910894511799603,
  -0.43643578047198472, -0.43643578047198472, -0.10910894511799614, 0.54554472558998091,
  -0.37267799624996506, 0.52174919474995096, 0.2981423969999718, -0.29814239699997191,
  -0.52174919474995085, 0.37267799624996489, 0.18898223650461365, -0.56694670951384107,
  0.37796447300922781, 0.37796447300922664, -0.56694670951384074, 0.18898223650461368,
  -0.062994078834871056, 0.31497039417435546, -0.6299407883487117, 0.62994078834871248,
  -0.31497039417435641, 0.062994078834871264,
];
const R_POLY_3 = [
  -0.70710678118654757, -7.8504622934188758e-17, 0.70710678118654746, 0.40824829046386307,
  -0.81649658092772603, 0.40824829046386307,
];

describe('contrPoly equals R contr.poly bit for bit', () => {
  it('k = 6 (Machines$Worker)', () => {
    const c = contrPoly(6);
    expect(c.colnames).toEqual(['.L', '.Q', '.C', '^4', '^5']);
    expect(Array.from(c.matrix.data)).toEqual(R_POLY_6);
  });
  it('k = 3', () => {
    expect(Array.from(contrPoly(3).matrix.data)).toEqual(R_POLY_3);
  });
});
