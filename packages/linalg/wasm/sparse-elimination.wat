;; Sparse symmetric kernels over a dense-stored block (src/sparse-elimination.ts): a partial
;; left-looking sparse Cholesky elimination and a grouped, diagonally scaled scatter-subtract,
;; scalar f64 on the module's own memory, with the same loops and the same arithmetic (bit for
;; bit) as their JavaScript versions `eliminateSparseInPlace` and `subtractGroupedScatterInPlace`.
;; Scalar on purpose: the loops chase indices (no contiguous lanes); WebAssembly runs them ~3–5×
;; faster than JavaScript, whose per-access checks dominate. Assembled by build-wasm.mjs.
(module
  (memory (export "memory") 1)
  ;; eliminate(S, m, k0, colPtr, colRows, Lv, rowPtr, rowEnt, rowEnd) → −1, or the first
  ;; column whose pivot is not > 0: left-looking sparse Cholesky elimination of the columns
  ;; 0 … k0−1 of S (m × m f64, column-major, lower triangle), whose below-diagonal patterns
  ;; are colRows[colPtr[k] … colPtr[k+1]) (i32 row positions, ascending). For j = 0 … m−1,
  ;; column j of S first receives the updates of every eliminated column k < min(j, k0) whose
  ;; pattern holds j, in increasing k (entries
  ;; rowEnt[rowPtr[j] … rowPtr[j+1]) with colRows[e] = j, e < rowEnd[·] = colPtr[k+1]):
  ;;   S[a,j] −= Lv[ea]·Lv[e] for ea = e … rowEnd − 1, a = colRows[ea];
  ;; then, for j < k0, l = √S[j,j], S[j,j] = l and Lv[e] = S[r,j] = S[r,j] / l over pattern(j).
  ;; The writes stay in one column (in cache), the reads stream the compact values Lv.
  ;; Byte offsets: colPtr ((k0 + 1) i32), colRows/rowEnt/rowEnd (nnz i32), Lv (nnz f64),
  ;; rowPtr ((m + 1) i32).
  (func (export "eliminate")
    (param $S i32) (param $m i32) (param $k0 i32) (param $colPtr i32) (param $colRows i32)
    (param $Lv i32) (param $rowPtr i32) (param $rowEnt i32) (param $rowEnd i32) (result i32)
    (local $j i32) (local $m8 i32) (local $cj i32) (local $a i32) (local $r i32) (local $r1 i32)
    (local $e i32) (local $pr i32) (local $pv i32) (local $pend i32) (local $pend4 i32)
    (local $b i32) (local $c i32) (local $d4 i32)
    (local $d f64) (local $l f64) (local $inv f64) (local $v f64) (local $lj f64)
    (local.set $m8 (i32.shl (local.get $m) (i32.const 3)))
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $j) (local.get $m)))
        (local.set $cj (i32.add (local.get $S) (i32.mul (local.get $j) (local.get $m8))))
        ;; updates from the eliminated columns whose pattern holds j
        (local.set $a (i32.add (local.get $rowPtr) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $r (i32.shl (i32.load (local.get $a)) (i32.const 2)))
        (local.set $r1 (i32.shl (i32.load offset=4 (local.get $a)) (i32.const 2)))
        (block $updated
          (loop $update
            (br_if $updated (i32.ge_u (local.get $r) (local.get $r1)))
            (local.set $e (i32.load (i32.add (local.get $rowEnt) (local.get $r))))
            (local.set $pv (i32.add (local.get $Lv) (i32.shl (local.get $e) (i32.const 3))))
            (local.set $lj (f64.load (local.get $pv)))
            (if (f64.ne (local.get $lj) (f64.const 0))
              (then
                (local.set $pr
                  (i32.add (local.get $colRows) (i32.shl (local.get $e) (i32.const 2))))
                (local.set $pend
                  (i32.add (local.get $colRows)
                    (i32.shl (i32.load (i32.add (local.get $rowEnd) (local.get $r)))
                      (i32.const 2))))
                ;; four rows per step (distinct rows: independent updates), then the rest
                (local.set $pend4 (i32.sub (local.get $pend) (i32.const 12)))
                (block $inner4
                  (loop $axpy4
                    (br_if $inner4 (i32.ge_u (local.get $pr) (local.get $pend4)))
                    (local.set $a
                      (i32.add (local.get $cj) (i32.shl (i32.load (local.get $pr)) (i32.const 3))))
                    (local.set $b
                      (i32.add (local.get $cj)
                        (i32.shl (i32.load offset=4 (local.get $pr)) (i32.const 3))))
                    (local.set $c
                      (i32.add (local.get $cj)
                        (i32.shl (i32.load offset=8 (local.get $pr)) (i32.const 3))))
                    (local.set $d4
                      (i32.add (local.get $cj)
                        (i32.shl (i32.load offset=12 (local.get $pr)) (i32.const 3))))
                    (f64.store (local.get $a)
                      (f64.sub (f64.load (local.get $a))
                        (f64.mul (f64.load (local.get $pv)) (local.get $lj))))
                    (f64.store (local.get $b)
                      (f64.sub (f64.load (local.get $b))
                        (f64.mul (f64.load offset=8 (local.get $pv)) (local.get $lj))))
                    (f64.store (local.get $c)
                      (f64.sub (f64.load (local.get $c))
                        (f64.mul (f64.load offset=16 (local.get $pv)) (local.get $lj))))
                    (f64.store (local.get $d4)
                      (f64.sub (f64.load (local.get $d4))
                        (f64.mul (f64.load offset=24 (local.get $pv)) (local.get $lj))))
                    (local.set $pr (i32.add (local.get $pr) (i32.const 16)))
                    (local.set $pv (i32.add (local.get $pv) (i32.const 32)))
                    (br $axpy4)))
                (block $inner
                  (loop $axpy
                    (br_if $inner (i32.ge_u (local.get $pr) (local.get $pend)))
                    (local.set $a
                      (i32.add (local.get $cj) (i32.shl (i32.load (local.get $pr)) (i32.const 3))))
                    (f64.store (local.get $a)
                      (f64.sub (f64.load (local.get $a))
                        (f64.mul (f64.load (local.get $pv)) (local.get $lj))))
                    (local.set $pr (i32.add (local.get $pr) (i32.const 4)))
                    (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                    (br $axpy)))))
            (local.set $r (i32.add (local.get $r) (i32.const 4)))
            (br $update)))
        ;; an eliminated column: pivot and scaling into S and Lv
        (if (i32.lt_u (local.get $j) (local.get $k0))
          (then
            (local.set $a (i32.add (local.get $cj) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $d (f64.load (local.get $a)))
            (if (i32.eqz (f64.gt (local.get $d) (f64.const 0)))
              (then (return (local.get $j))))
            (local.set $l (f64.sqrt (local.get $d)))
            (f64.store (local.get $a) (local.get $l))
            (local.set $inv (f64.div (f64.const 1) (local.get $l)))
            (local.set $a (i32.add (local.get $colPtr) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $e (i32.load (local.get $a)))
            (local.set $pr (i32.add (local.get $colRows) (i32.shl (local.get $e) (i32.const 2))))
            (local.set $pv (i32.add (local.get $Lv) (i32.shl (local.get $e) (i32.const 3))))
            (local.set $pend
              (i32.add (local.get $colRows)
                (i32.shl (i32.load offset=4 (local.get $a)) (i32.const 2))))
            (block $scaled
              (loop $scale
                (br_if $scaled (i32.ge_u (local.get $pr) (local.get $pend)))
                (local.set $a
                  (i32.add (local.get $cj) (i32.shl (i32.load (local.get $pr)) (i32.const 3))))
                (local.set $v (f64.mul (f64.load (local.get $a)) (local.get $inv)))
                (f64.store (local.get $a) (local.get $v))
                (f64.store (local.get $pv) (local.get $v))
                (local.set $pr (i32.add (local.get $pr) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $scale)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $columns)))
    (i32.const -1))
  ;; subtractGrouped(L, nt, target, rowA, rowB, ptr, grp, val, w, s): for k = 0 … nt−1,
  ;;   v = Σ_{e in ptr[k] … ptr[k+1]} w[grp[e]]·val[e];  L[target[k]] −= v·s[rowA[k]]·s[rowB[k]]
  ;; Byte offsets: L (f64), target/rowA/rowB/grp (i32), ptr ((nt + 1) i32), val/w/s (f64).
  (func (export "subtractGrouped")
    (param $L i32) (param $nt i32) (param $target i32) (param $rowA i32) (param $rowB i32)
    (param $ptr i32) (param $grp i32) (param $val i32) (param $w i32) (param $s i32)
    (local $k i32) (local $e i32) (local $e1 i32) (local $a i32) (local $v f64)
    (block $done
      (loop $targets
        (br_if $done (i32.ge_u (local.get $k) (local.get $nt)))
        (local.set $a (i32.add (local.get $ptr) (i32.shl (local.get $k) (i32.const 2))))
        (local.set $e (i32.load (local.get $a)))
        (local.set $e1 (i32.load offset=4 (local.get $a)))
        (local.set $v (f64.const 0))
        (block $summed
          (loop $sum
            (br_if $summed (i32.ge_u (local.get $e) (local.get $e1)))
            (local.set $v
              (f64.add (local.get $v)
                (f64.mul
                  (f64.load
                    (i32.add (local.get $w)
                      (i32.shl
                        (i32.load (i32.add (local.get $grp) (i32.shl (local.get $e) (i32.const 2))))
                        (i32.const 3))))
                  (f64.load (i32.add (local.get $val) (i32.shl (local.get $e) (i32.const 3)))))))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $sum)))
        (local.set $a (i32.shl (local.get $k) (i32.const 2)))
        (local.set $v
          (f64.mul
            (f64.mul (local.get $v)
              (f64.load
                (i32.add (local.get $s)
                  (i32.shl (i32.load (i32.add (local.get $rowA) (local.get $a))) (i32.const 3)))))
            (f64.load
              (i32.add (local.get $s)
                (i32.shl (i32.load (i32.add (local.get $rowB) (local.get $a))) (i32.const 3))))))
        (local.set $a
          (i32.add (local.get $L)
            (i32.shl (i32.load (i32.add (local.get $target) (local.get $a))) (i32.const 3))))
        (f64.store (local.get $a) (f64.sub (f64.load (local.get $a)) (local.get $v)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $targets)))))
