;; The two scattered loops of an ordered rest block evaluation (packages/lmm/src/rest-kernel.ts),
;; scalar f64 on the module's own memory, with the same loops and the same arithmetic (bit for
;; bit) as their JavaScript versions `eliminateSparseJs` (rest-kernel.ts) and
;; `subtractGroupedSchurInPlace` (grouped-schur.ts). Assembled into
;; ../src/wasm-rest-kernel-bytes.ts by build-wasm.mjs.
;;
;; eliminate(S, m, k0, colPtr, colRows, col) → −1, or the first column whose pivot is not > 0.
;; Byte offsets: S (m × m f64, column-major, lower triangle), colPtr ((k0 + 1) i32),
;; colRows (i32 row positions of each column's below-diagonal pattern, ascending), col (m f64
;; scratch). For k = 0 … k0−1:
;;   l = √S[k,k]; S[k,k] = l; S[r,k] /= l for r in pattern(k);
;;   S[a,b] −= S[a,k]·S[b,k] for a ≥ b in pattern(k).
(module
  (memory (export "memory") 1)
  (func (export "eliminate")
    (param $S i32) (param $m i32) (param $k0 i32) (param $colPtr i32) (param $colRows i32)
    (param $col i32) (result i32)
    (local $k i32) (local $m8 i32) (local $ck i32) (local $a i32) (local $off i32)
    (local $e i32) (local $e0 i32) (local $e1 i32) (local $eb i32)
    (local $pr i32) (local $pc i32) (local $pend i32)
    (local $d f64) (local $l f64) (local $inv f64) (local $v f64) (local $lb f64)
    (local.set $m8 (i32.shl (local.get $m) (i32.const 3)))
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $k) (local.get $k0)))
        ;; column k starts at byte S + 8·k·m; its diagonal at + 8·k
        (local.set $ck (i32.add (local.get $S) (i32.mul (local.get $k) (local.get $m8))))
        (local.set $a (i32.add (local.get $ck) (i32.shl (local.get $k) (i32.const 3))))
        (local.set $d (f64.load (local.get $a)))
        (if (i32.eqz (f64.gt (local.get $d) (f64.const 0)))
          (then (return (local.get $k))))
        (local.set $l (f64.sqrt (local.get $d)))
        (f64.store (local.get $a) (local.get $l))
        (local.set $inv (f64.div (f64.const 1) (local.get $l)))
        (local.set $a (i32.add (local.get $colPtr) (i32.shl (local.get $k) (i32.const 2))))
        (local.set $e0 (i32.load (local.get $a)))
        (local.set $e1 (i32.load offset=4 (local.get $a)))
        ;; scale the column: col[e − e0] = S[rows[e], k] = S[rows[e], k] · inv
        (local.set $pr (i32.add (local.get $colRows) (i32.shl (local.get $e0) (i32.const 2))))
        (local.set $pend (i32.add (local.get $colRows) (i32.shl (local.get $e1) (i32.const 2))))
        (local.set $pc (local.get $col))
        (block $scaled
          (loop $scale
            (br_if $scaled (i32.ge_u (local.get $pr) (local.get $pend)))
            (local.set $a
              (i32.add (local.get $ck) (i32.shl (i32.load (local.get $pr)) (i32.const 3))))
            (local.set $v (f64.mul (f64.load (local.get $a)) (local.get $inv)))
            (f64.store (local.get $a) (local.get $v))
            (f64.store (local.get $pc) (local.get $v))
            (local.set $pr (i32.add (local.get $pr) (i32.const 4)))
            (local.set $pc (i32.add (local.get $pc) (i32.const 8)))
            (br $scale)))
        ;; update: for each eb, column rows[eb] of S gets −col[ea]·col[eb] at rows[ea], ea ≥ eb
        (local.set $eb (local.get $e0))
        (block $updated
          (loop $update
            (br_if $updated (i32.ge_u (local.get $eb) (local.get $e1)))
            (local.set $e (i32.sub (local.get $eb) (local.get $e0)))
            (local.set $pc (i32.add (local.get $col) (i32.shl (local.get $e) (i32.const 3))))
            (local.set $lb (f64.load (local.get $pc)))
            (if (f64.ne (local.get $lb) (f64.const 0))
              (then
                (local.set $pr
                  (i32.add (local.get $colRows) (i32.shl (local.get $eb) (i32.const 2))))
                (local.set $off
                  (i32.add (local.get $S) (i32.mul (i32.load (local.get $pr)) (local.get $m8))))
                (block $inner
                  (loop $axpy
                    (br_if $inner (i32.ge_u (local.get $pr) (local.get $pend)))
                    (local.set $a
                      (i32.add (local.get $off) (i32.shl (i32.load (local.get $pr)) (i32.const 3))))
                    (f64.store (local.get $a)
                      (f64.sub (f64.load (local.get $a))
                        (f64.mul (f64.load (local.get $pc)) (local.get $lb))))
                    (local.set $pr (i32.add (local.get $pr) (i32.const 4)))
                    (local.set $pc (i32.add (local.get $pc) (i32.const 8)))
                    (br $axpy)))))
            (local.set $eb (i32.add (local.get $eb) (i32.const 1)))
            (br $update)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $columns)))
    (i32.const -1))
  ;; subtractGrouped(L, nt, target, rowA, rowB, ptr, grp, val, omega, s): for k = 0 … nt−1,
  ;;   v = Σ_{e in ptr[k] … ptr[k+1]} omega[grp[e]]·val[e];  L[target[k]] −= v·s[rowA[k]]·s[rowB[k]]
  ;; Byte offsets: L (f64), target/rowA/rowB/grp (i32), ptr ((nt + 1) i32), val/omega/s (f64).
  (func (export "subtractGrouped")
    (param $L i32) (param $nt i32) (param $target i32) (param $rowA i32) (param $rowB i32)
    (param $ptr i32) (param $grp i32) (param $val i32) (param $omega i32) (param $s i32)
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
                    (i32.add (local.get $omega)
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
