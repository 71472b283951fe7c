import type { LbfgsMemory } from './lbfgsb-memory.js';

/** Work arrays and outputs of {@link cauchyPoint}, allocated once per L-BFGS-B run. */
export interface CauchyWork {
  /** Generalized Cauchy point (output). */
  xcp: Float64Array;
  /** c = Wᵀ(xcp − x) (output, length 2m). */
  c: Float64Array;
  d: Float64Array;
  t: Float64Array;
  order: Int32Array;
  p: Float64Array;
  v: Float64Array;
  wbp: Float64Array;
  /** Number of segments explored (output). */
  nseg: number;
}

/**
 * Generalized Cauchy point (R's L-BFGS-B 2.3 `cauchy`): follow the projected steepest-descent
 * path x(t) = P(x − t g) through its breakpoints t_i (where coordinate i hits a bound), on each
 * segment minimizing the quadratic model m(x) = gᵀ(x − x_k) + ½(x − x_k)ᵀB(x − x_k) with
 * f' = f1 + Δt·f2, f'' = f2 updated through the compact B. Sets `iwhere` (0 free, 1 at lower,
 * 2 at upper, 3 fixed, −1 unbounded, −3 zero gradient) and fills `work.xcp`, `work.c`.
 * Returns false if a solve with M failed (the caller refreshes the memory).
 */
export function cauchyPoint(
  x: Float64Array,
  l: Float64Array,
  u: Float64Array,
  nbd: Int32Array,
  g: Float64Array,
  iwhere: Int32Array,
  mem: LbfgsMemory,
  work: CauchyWork,
): boolean {
  const n = x.length;
  const col = mem.col;
  const col2 = 2 * col;
  const theta = mem.theta;
  const { xcp, c, d, t, order, p, v, wbp } = work;
  // Unbounded case with zero gradient is handled by the caller (projected gradient test).
  let nbreak = 0;
  let nfree = n; // free variables without breakpoints fill `order` from the end
  let ibkmin = 0;
  let bkmin = 0;
  let bnded = true;
  let f1 = 0;
  for (let j = 0; j < col2; j++) p[j] = 0;
  for (let i = 0; i < n; i++) {
    const neggi = -g[i];
    let tl = 0;
    let tu = 0;
    if (iwhere[i] !== 3 && iwhere[i] !== -1) {
      if (nbd[i] <= 2) tl = x[i] - l[i];
      if (nbd[i] >= 2) tu = u[i] - x[i];
      const xlower = nbd[i] <= 2 && tl <= 0;
      const xupper = nbd[i] >= 2 && tu <= 0;
      iwhere[i] = 0;
      if (xlower) {
        if (neggi <= 0) iwhere[i] = 1;
      } else if (xupper) {
        if (neggi >= 0) iwhere[i] = 2;
      } else if (Math.abs(neggi) <= 0) {
        iwhere[i] = -3;
      }
    }
    if (iwhere[i] !== 0 && iwhere[i] !== -1) {
      d[i] = 0;
    } else {
      d[i] = neggi;
      f1 -= neggi * neggi;
      for (let j = 0; j < col; j++) {
        p[j] += mem.Y[j][i] * neggi;
        p[col + j] += mem.S[j][i] * neggi;
      }
      if (nbd[i] <= 2 && nbd[i] !== 0 && neggi < 0) {
        t[nbreak] = tl / -neggi;
        order[nbreak] = i;
        if (nbreak === 0 || t[nbreak] < bkmin) {
          bkmin = t[nbreak];
          ibkmin = nbreak;
        }
        nbreak++;
      } else if (nbd[i] >= 2 && neggi > 0) {
        t[nbreak] = tu / neggi;
        order[nbreak] = i;
        if (nbreak === 0 || t[nbreak] < bkmin) {
          bkmin = t[nbreak];
          ibkmin = nbreak;
        }
        nbreak++;
      } else {
        nfree--;
        order[nfree] = i;
        if (Math.abs(neggi) > 0) bnded = false;
      }
    }
  }
  if (theta !== 1) for (let j = 0; j < col; j++) p[col + j] *= theta;
  xcp.set(x);
  work.nseg = 0;
  if (nbreak === 0 && nfree === n) {
    for (let j = 0; j < col2; j++) c[j] = 0;
    return true;
  }
  for (let j = 0; j < col2; j++) c[j] = 0;
  let f2 = -theta * f1;
  const f2Org = f2;
  if (col > 0) {
    v.set(p.subarray(0, col2));
    if (!mem.applyM(v.subarray(0, col2))) return false;
    let s = 0;
    for (let j = 0; j < col2; j++) s += v[j] * p[j];
    f2 -= s;
  }
  let dtm = -f1 / f2;
  let tsum = 0;
  work.nseg = 1;
  let allFixed = false;
  if (nbreak > 0) {
    let nleft = nbreak;
    let iter = 1;
    let tj = 0;
    for (;;) {
      const tj0 = tj;
      let ibp: number;
      if (iter === 1) {
        tj = bkmin;
        ibp = order[ibkmin];
        // move the smallest out of the way: the remaining candidates are order[0..nleft-2]
        t[ibkmin] = t[nleft - 1];
        order[ibkmin] = order[nleft - 1];
      } else {
        // the smallest remaining breakpoint among the first nleft
        let kmin = 0;
        for (let k = 1; k < nleft; k++) if (t[k] < t[kmin]) kmin = k;
        tj = t[kmin];
        ibp = order[kmin];
        t[kmin] = t[nleft - 1];
        order[kmin] = order[nleft - 1];
      }
      const dt = tj - tj0;
      if (dtm < dt) break;
      tsum += dt;
      nleft--;
      iter++;
      const dibp = d[ibp];
      d[ibp] = 0;
      let zibp: number;
      if (dibp > 0) {
        zibp = u[ibp] - x[ibp];
        xcp[ibp] = u[ibp];
        iwhere[ibp] = 2;
      } else {
        zibp = l[ibp] - x[ibp];
        xcp[ibp] = l[ibp];
        iwhere[ibp] = 1;
      }
      if (nleft === 0 && nbreak === n) {
        dtm = dt;
        allFixed = true;
        break;
      }
      work.nseg++;
      const dibp2 = dibp * dibp;
      f1 = f1 + dt * f2 + dibp2 - theta * dibp * zibp;
      f2 -= theta * dibp2;
      if (col > 0) {
        for (let j = 0; j < col2; j++) c[j] += dt * p[j];
        mem.rowW(ibp, wbp);
        v.set(wbp.subarray(0, col2));
        if (!mem.applyM(v.subarray(0, col2))) return false;
        let wmc = 0;
        let wmp = 0;
        let wmw = 0;
        for (let j = 0; j < col2; j++) {
          wmc += v[j] * c[j];
          wmp += v[j] * p[j];
          wmw += v[j] * wbp[j];
        }
        for (let j = 0; j < col2; j++) p[j] -= dibp * wbp[j];
        f1 += dibp * wmc;
        f2 += 2 * dibp * wmp - dibp2 * wmw;
      }
      f2 = Math.max(Number.EPSILON * f2Org, f2);
      if (nleft > 0) {
        dtm = -f1 / f2;
        continue;
      }
      if (bnded) {
        f1 = 0;
        f2 = 0;
        dtm = 0;
      } else {
        dtm = -f1 / f2;
      }
      break;
    }
  }
  if (!allFixed) {
    if (dtm <= 0) dtm = 0;
    tsum += dtm;
    for (let i = 0; i < n; i++) xcp[i] += tsum * d[i];
  }
  if (col > 0) for (let j = 0; j < col2; j++) c[j] += dtm * p[j];
  return true;
}
