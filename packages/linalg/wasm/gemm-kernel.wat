;; Double-precision GEMM and Cholesky panel kernels with WebAssembly SIMD (f64x2).
;; Packed layout (gemm-core.ts / gemm-pack.ts): an A sliver holds 4 rows, 32 bytes per inner
;; index p; a B sliver holds 4 columns, 32 bytes per p. Bytes 0..127 of memory are the tile
;; scratch; everything else is placed by the caller (gemm-wasm.ts).
;; Compile: node build-wasm.mjs (needs the `wabt` npm package, e.g. npx -p wabt@1.0.39).
(module
  (memory (export "memory") 1)

  ;; tile(c) = Σ_p Ap[a + 32p .. +32) ⊗ Bp[b + 32p .. +32): one 4 × 4 tile, stored
  ;; column-major at c (overwritten, not accumulated).
  (func (export "micro4x4") (param $kc i32) (param $a i32) (param $b i32) (param $c i32)
    (local $end i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $a0 v128) (local $a1 v128) (local $bv v128)
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $kc) (i32.const 5))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $a0 (v128.load offset=0 (local.get $a)))
        (local.set $a1 (v128.load offset=16 (local.get $a)))
        (local.set $bv (v128.load64_splat offset=0 (local.get $b)))
        (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $a0) (local.get $bv))))
        (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $a1) (local.get $bv))))
        (local.set $bv (v128.load64_splat offset=8 (local.get $b)))
        (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $a0) (local.get $bv))))
        (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $a1) (local.get $bv))))
        (local.set $bv (v128.load64_splat offset=16 (local.get $b)))
        (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $a0) (local.get $bv))))
        (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $a1) (local.get $bv))))
        (local.set $bv (v128.load64_splat offset=24 (local.get $b)))
        (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $a0) (local.get $bv))))
        (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $a1) (local.get $bv))))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (br $next)))
    (v128.store offset=0 (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (v128.store offset=32 (local.get $c) (local.get $c10))
    (v128.store offset=48 (local.get $c) (local.get $c11))
    (v128.store offset=64 (local.get $c) (local.get $c20))
    (v128.store offset=80 (local.get $c) (local.get $c21))
    (v128.store offset=96 (local.get $c) (local.get $c30))
    (v128.store offset=112 (local.get $c) (local.get $c31))
  )

  ;; Macro-kernel: C(ir + r, jr + q) += alpha · Σ_p A(ir + r, p) B(p, jr + q) over all 4 × 4
  ;; tiles of a packed mc × kc block of A (at $a) and kc × nc block of B (at $b), C column-major
  ;; at $c with leading dimension $ldc (elements); mc, nc, kc ≥ 1. $tri: 0 full, 1 upper (only
  ;; entries with d + i − j ≤ 0), 2 lower (only d + i − j ≥ 0), where d = $d is the block's
  ;; row offset minus its column offset. Tiles outside the triangle are skipped; full interior
  ;; tiles are added to C directly with f64x2, edge and diagonal tiles entry by entry.
  (func (export "macro") (param $mc i32) (param $nc i32) (param $kc i32) (param $alpha f64)
    (param $a i32) (param $b i32) (param $c i32) (param $ldc i32) (param $tri i32) (param $d i32)
    (local $ldcb i32) (local $kb i32) (local $al v128)
    (local $jr i32) (local $ir i32) (local $nr i32) (local $mr i32) (local $e i32) (local $masked i32)
    (local $pa i32) (local $pb i32) (local $end i32) (local $pc i32) (local $r i32) (local $q i32) (local $g i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $a0 v128) (local $a1 v128) (local $bv v128)
    (local.set $ldcb (i32.shl (local.get $ldc) (i32.const 3)))
    (local.set $kb (i32.shl (local.get $kc) (i32.const 5)))
    (local.set $al (f64x2.splat (local.get $alpha)))
    (local.set $jr (i32.const 0))
    (loop $jloop
      (local.set $nr (i32.sub (local.get $nc) (local.get $jr)))
      (if (i32.gt_s (local.get $nr) (i32.const 4)) (then (local.set $nr (i32.const 4))))
      (local.set $ir (i32.const 0))
      (loop $iloop
        (block $skip
          (local.set $mr (i32.sub (local.get $mc) (local.get $ir)))
          (if (i32.gt_s (local.get $mr) (i32.const 4)) (then (local.set $mr (i32.const 4))))
          (local.set $e (i32.sub (i32.add (local.get $d) (local.get $ir)) (local.get $jr)))
          (local.set $masked (i32.const 0))
          (if (i32.eq (local.get $tri) (i32.const 1))
            (then
              (br_if $skip (i32.gt_s (local.get $e) (i32.sub (local.get $nr) (i32.const 1))))
              (local.set $masked (i32.gt_s (i32.add (local.get $e) (i32.sub (local.get $mr) (i32.const 1))) (i32.const 0)))))
          (if (i32.eq (local.get $tri) (i32.const 2))
            (then
              (br_if $skip (i32.lt_s (i32.add (local.get $e) (i32.sub (local.get $mr) (i32.const 1))) (i32.const 0)))
              (local.set $masked (i32.lt_s (local.get $e) (i32.sub (local.get $nr) (i32.const 1))))))
          ;; the 4 × 4 product over kc, 8 f64x2 accumulators
          (local.set $pa (i32.add (local.get $a) (i32.mul (i32.shl (local.get $ir) (i32.const 3)) (local.get $kc))))
          (local.set $pb (i32.add (local.get $b) (i32.mul (i32.shl (local.get $jr) (i32.const 3)) (local.get $kc))))
          (local.set $end (i32.add (local.get $pa) (local.get $kb)))
          (local.set $c00 (v128.const i64x2 0 0)) (local.set $c01 (v128.const i64x2 0 0))
          (local.set $c10 (v128.const i64x2 0 0)) (local.set $c11 (v128.const i64x2 0 0))
          (local.set $c20 (v128.const i64x2 0 0)) (local.set $c21 (v128.const i64x2 0 0))
          (local.set $c30 (v128.const i64x2 0 0)) (local.set $c31 (v128.const i64x2 0 0))
          (loop $ploop
            (local.set $a0 (v128.load offset=0 (local.get $pa)))
            (local.set $a1 (v128.load offset=16 (local.get $pa)))
            (local.set $bv (v128.load64_splat offset=0 (local.get $pb)))
            (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $a0) (local.get $bv))))
            (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $a1) (local.get $bv))))
            (local.set $bv (v128.load64_splat offset=8 (local.get $pb)))
            (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $a0) (local.get $bv))))
            (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $a1) (local.get $bv))))
            (local.set $bv (v128.load64_splat offset=16 (local.get $pb)))
            (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $a0) (local.get $bv))))
            (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $a1) (local.get $bv))))
            (local.set $bv (v128.load64_splat offset=24 (local.get $pb)))
            (local.set $c30 (f64x2.add (local.get $c30) (f64x2.mul (local.get $a0) (local.get $bv))))
            (local.set $c31 (f64x2.add (local.get $c31) (f64x2.mul (local.get $a1) (local.get $bv))))
            (local.set $pa (i32.add (local.get $pa) (i32.const 32)))
            (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
            (br_if $ploop (i32.lt_u (local.get $pa) (local.get $end))))
          (if (i32.and (i32.eqz (local.get $masked))
                       (i32.and (i32.eq (local.get $mr) (i32.const 4)) (i32.eq (local.get $nr) (i32.const 4))))
            (then
              ;; interior tile: C += alpha·tile, two f64x2 per column
              (local.set $pc (i32.add (local.get $c)
                (i32.add (i32.shl (local.get $ir) (i32.const 3)) (i32.mul (local.get $jr) (local.get $ldcb)))))
              (v128.store offset=0 (local.get $pc) (f64x2.add (v128.load offset=0 (local.get $pc)) (f64x2.mul (local.get $al) (local.get $c00))))
              (v128.store offset=16 (local.get $pc) (f64x2.add (v128.load offset=16 (local.get $pc)) (f64x2.mul (local.get $al) (local.get $c01))))
              (local.set $pc (i32.add (local.get $pc) (local.get $ldcb)))
              (v128.store offset=0 (local.get $pc) (f64x2.add (v128.load offset=0 (local.get $pc)) (f64x2.mul (local.get $al) (local.get $c10))))
              (v128.store offset=16 (local.get $pc) (f64x2.add (v128.load offset=16 (local.get $pc)) (f64x2.mul (local.get $al) (local.get $c11))))
              (local.set $pc (i32.add (local.get $pc) (local.get $ldcb)))
              (v128.store offset=0 (local.get $pc) (f64x2.add (v128.load offset=0 (local.get $pc)) (f64x2.mul (local.get $al) (local.get $c20))))
              (v128.store offset=16 (local.get $pc) (f64x2.add (v128.load offset=16 (local.get $pc)) (f64x2.mul (local.get $al) (local.get $c21))))
              (local.set $pc (i32.add (local.get $pc) (local.get $ldcb)))
              (v128.store offset=0 (local.get $pc) (f64x2.add (v128.load offset=0 (local.get $pc)) (f64x2.mul (local.get $al) (local.get $c30))))
              (v128.store offset=16 (local.get $pc) (f64x2.add (v128.load offset=16 (local.get $pc)) (f64x2.mul (local.get $al) (local.get $c31)))))
            (else
              ;; edge or diagonal tile: through the tile scratch, entry by entry inside the triangle
              (v128.store offset=0 (i32.const 0) (local.get $c00))
              (v128.store offset=16 (i32.const 0) (local.get $c01))
              (v128.store offset=32 (i32.const 0) (local.get $c10))
              (v128.store offset=48 (i32.const 0) (local.get $c11))
              (v128.store offset=64 (i32.const 0) (local.get $c20))
              (v128.store offset=80 (i32.const 0) (local.get $c21))
              (v128.store offset=96 (i32.const 0) (local.get $c30))
              (v128.store offset=112 (i32.const 0) (local.get $c31))
              (local.set $q (i32.const 0))
              (loop $qloop
                (local.set $r (i32.const 0))
                (loop $rloop
                  (block $out
                    (local.set $g (i32.sub (i32.add (local.get $e) (local.get $r)) (local.get $q)))
                    (br_if $out (i32.and (i32.eq (local.get $tri) (i32.const 1)) (i32.gt_s (local.get $g) (i32.const 0))))
                    (br_if $out (i32.and (i32.eq (local.get $tri) (i32.const 2)) (i32.lt_s (local.get $g) (i32.const 0))))
                    (local.set $pc (i32.add (local.get $c)
                      (i32.add (i32.shl (i32.add (local.get $ir) (local.get $r)) (i32.const 3))
                               (i32.mul (i32.add (local.get $jr) (local.get $q)) (local.get $ldcb)))))
                    (f64.store (local.get $pc)
                      (f64.add (f64.load (local.get $pc))
                        (f64.mul (local.get $alpha)
                          (f64.load (i32.shl (i32.add (local.get $r) (i32.shl (local.get $q) (i32.const 2))) (i32.const 3)))))))
                  (local.set $r (i32.add (local.get $r) (i32.const 1)))
                  (br_if $rloop (i32.lt_s (local.get $r) (local.get $mr))))
                (local.set $q (i32.add (local.get $q) (i32.const 1)))
                (br_if $qloop (i32.lt_s (local.get $q) (local.get $nr)))))))
        (local.set $ir (i32.add (local.get $ir) (i32.const 4)))
        (br_if $iloop (i32.lt_s (local.get $ir) (local.get $mc))))
      (local.set $jr (i32.add (local.get $jr) (i32.const 4)))
      (br_if $jloop (i32.lt_s (local.get $jr) (local.get $nc))))
  )

  ;; Packs rows 0 … m−1 and columns 0 … k−1 of the column-major matrix at $x (leading
  ;; dimension $ld elements) into 4-row slivers at $dst: dst[4k·s + 4p + r] = X(4s + r, p),
  ;; zero for rows past m (the A layout of the macro-kernel, and, for L21ᵀ, its B layout).
  (func (export "pack4") (param $x i32) (param $ld i32) (param $m i32) (param $k i32) (param $dst i32)
    (local $ldb i32) (local $s i32) (local $src i32) (local $end i32) (local $r i32) (local $rows i32)
    (local.set $ldb (i32.shl (local.get $ld) (i32.const 3)))
    (local.set $s (i32.const 0))
    (block $done
      (loop $slivers
        (br_if $done (i32.ge_s (local.get $s) (local.get $m)))
        (local.set $src (i32.add (local.get $x) (i32.shl (local.get $s) (i32.const 3))))
        (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $k) (i32.const 5))))
        (local.set $rows (i32.sub (local.get $m) (local.get $s)))
        (if (i32.ge_s (local.get $rows) (i32.const 4))
          (then
            (loop $full
              (v128.store offset=0 (local.get $dst) (v128.load offset=0 (local.get $src)))
              (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $src)))
              (local.set $src (i32.add (local.get $src) (local.get $ldb)))
              (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
              (br_if $full (i32.lt_u (local.get $dst) (local.get $end)))))
          (else
            (loop $part
              (v128.store offset=0 (local.get $dst) (v128.const i64x2 0 0))
              (v128.store offset=16 (local.get $dst) (v128.const i64x2 0 0))
              (local.set $r (i32.const 0))
              (loop $row
                (f64.store (i32.add (local.get $dst) (i32.shl (local.get $r) (i32.const 3)))
                  (f64.load (i32.add (local.get $src) (i32.shl (local.get $r) (i32.const 3)))))
                (local.set $r (i32.add (local.get $r) (i32.const 1)))
                (br_if $row (i32.lt_s (local.get $r) (local.get $rows))))
              (local.set $src (i32.add (local.get $src) (local.get $ldb)))
              (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
              (br_if $part (i32.lt_u (local.get $dst) (local.get $end))))))
        (local.set $s (i32.add (local.get $s) (i32.const 4)))
        (br $slivers)))
  )

  ;; Panel solve of the blocked Cholesky: for the n × n column-major matrix at $a, rows
  ;; i = jEnd … n−1 of columns j0 … jEnd−1 get X ← X L11⁻ᵀ by forward substitution,
  ;; x_j = (a_j − Σ_{c<j} x_c L11[j, c]) · (1 / L11[j, j]), where $l holds the rows of L11
  ;; (L11[j, c] at $l + 8(j·jb + c), jb = jEnd − j0) followed by the jb reciprocal diagonals.
  ;; Eight rows at a time (four f64x2 chains), then two, then one.
  (func (export "solvePanel") (param $a i32) (param $n i32) (param $j0 i32) (param $jEnd i32) (param $l i32)
    (local $jb i32) (local $colb i32) (local $base i32) (local $inv i32) (local $i i32)
    (local $row i32) (local $pj i32) (local $pc i32) (local $pl i32) (local $j i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $lv v128) (local $s f64)
    (local.set $jb (i32.sub (local.get $jEnd) (local.get $j0)))
    (local.set $colb (i32.shl (local.get $n) (i32.const 3)))
    (local.set $base (i32.add (local.get $a) (i32.mul (local.get $j0) (local.get $colb))))
    (local.set $inv (i32.add (local.get $l) (i32.shl (i32.mul (local.get $jb) (local.get $jb)) (i32.const 3))))
    (local.set $i (local.get $jEnd))
    ;; eight rows
    (block $done8
      (loop $rows8
        (br_if $done8 (i32.gt_s (i32.add (local.get $i) (i32.const 8)) (local.get $n)))
        (local.set $row (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $pj (local.get $row))
        (local.set $j (i32.const 0))
        (loop $cols
          (local.set $s0 (v128.load offset=0 (local.get $pj)))
          (local.set $s1 (v128.load offset=16 (local.get $pj)))
          (local.set $s2 (v128.load offset=32 (local.get $pj)))
          (local.set $s3 (v128.load offset=48 (local.get $pj)))
          (local.set $pc (local.get $row))
          (local.set $pl (i32.add (local.get $l) (i32.shl (i32.mul (local.get $j) (local.get $jb)) (i32.const 3))))
          (block $subdone
            (loop $sub
              (br_if $subdone (i32.ge_u (local.get $pc) (local.get $pj)))
              (local.set $lv (v128.load64_splat (local.get $pl)))
              (local.set $s0 (f64x2.sub (local.get $s0) (f64x2.mul (v128.load offset=0 (local.get $pc)) (local.get $lv))))
              (local.set $s1 (f64x2.sub (local.get $s1) (f64x2.mul (v128.load offset=16 (local.get $pc)) (local.get $lv))))
              (local.set $s2 (f64x2.sub (local.get $s2) (f64x2.mul (v128.load offset=32 (local.get $pc)) (local.get $lv))))
              (local.set $s3 (f64x2.sub (local.get $s3) (f64x2.mul (v128.load offset=48 (local.get $pc)) (local.get $lv))))
              (local.set $pc (i32.add (local.get $pc) (local.get $colb)))
              (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
              (br $sub)))
          (local.set $lv (v128.load64_splat (i32.add (local.get $inv) (i32.shl (local.get $j) (i32.const 3)))))
          (v128.store offset=0 (local.get $pj) (f64x2.mul (local.get $s0) (local.get $lv)))
          (v128.store offset=16 (local.get $pj) (f64x2.mul (local.get $s1) (local.get $lv)))
          (v128.store offset=32 (local.get $pj) (f64x2.mul (local.get $s2) (local.get $lv)))
          (v128.store offset=48 (local.get $pj) (f64x2.mul (local.get $s3) (local.get $lv)))
          (local.set $pj (i32.add (local.get $pj) (local.get $colb)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $cols (i32.lt_s (local.get $j) (local.get $jb))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $rows8)))
    ;; two rows
    (block $done2
      (loop $rows2
        (br_if $done2 (i32.gt_s (i32.add (local.get $i) (i32.const 2)) (local.get $n)))
        (local.set $row (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $pj (local.get $row))
        (local.set $j (i32.const 0))
        (loop $cols2
          (local.set $s0 (v128.load (local.get $pj)))
          (local.set $pc (local.get $row))
          (local.set $pl (i32.add (local.get $l) (i32.shl (i32.mul (local.get $j) (local.get $jb)) (i32.const 3))))
          (block $subdone2
            (loop $sub2
              (br_if $subdone2 (i32.ge_u (local.get $pc) (local.get $pj)))
              (local.set $s0 (f64x2.sub (local.get $s0)
                (f64x2.mul (v128.load (local.get $pc)) (v128.load64_splat (local.get $pl)))))
              (local.set $pc (i32.add (local.get $pc) (local.get $colb)))
              (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
              (br $sub2)))
          (v128.store (local.get $pj) (f64x2.mul (local.get $s0)
            (v128.load64_splat (i32.add (local.get $inv) (i32.shl (local.get $j) (i32.const 3))))))
          (local.set $pj (i32.add (local.get $pj) (local.get $colb)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $cols2 (i32.lt_s (local.get $j) (local.get $jb))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $rows2)))
    ;; last row
    (if (i32.lt_s (local.get $i) (local.get $n))
      (then
        (local.set $row (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $pj (local.get $row))
        (local.set $j (i32.const 0))
        (loop $cols1
          (local.set $s (f64.load (local.get $pj)))
          (local.set $pc (local.get $row))
          (local.set $pl (i32.add (local.get $l) (i32.shl (i32.mul (local.get $j) (local.get $jb)) (i32.const 3))))
          (block $subdone1
            (loop $sub1
              (br_if $subdone1 (i32.ge_u (local.get $pc) (local.get $pj)))
              (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (local.get $pc)) (f64.load (local.get $pl)))))
              (local.set $pc (i32.add (local.get $pc) (local.get $colb)))
              (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
              (br $sub1)))
          (f64.store (local.get $pj) (f64.mul (local.get $s)
            (f64.load (i32.add (local.get $inv) (i32.shl (local.get $j) (i32.const 3))))))
          (local.set $pj (i32.add (local.get $pj) (local.get $colb)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $cols1 (i32.lt_s (local.get $j) (local.get $jb))))))
  )
)
