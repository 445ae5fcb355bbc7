/// Raw compute kernels.
public enum Kernels {
    /// Rows of A per micro-tile.
    static let mr = 6
    /// Columns of B per micro-tile (two SIMD8 vectors).
    static let nr = 16
    /// Depth of one packed block (A panel and B panel stay in cache across it).
    static let kc = 256
    /// Rows of A packed at once (a multiple of `mr`).
    static let mc = 72
    /// Columns of B packed at once (a multiple of `nr`).
    static let nc = 1024

    /// `C[m×n] (+)= op(A) · op(B)` on dense row-major matrices: `op(A)` is `A[m×k]`, or `Aᵀ`
    /// when `transA` (A stored as `[k×m]`), and likewise `op(B)` is `B[k×n]` or `Bᵀ` (B stored
    /// `[n×k]`). With `accumulate` the product is added to C, otherwise it replaces C.
    public static func gemm(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, transA: Bool, b: UnsafePointer<Float>,
                            transB: Bool, c: UnsafeMutablePointer<Float>, accumulate: Bool) {
        gemm(m: m, n: n, k: k, a: a, lda: transA ? m : k, transA: transA, b: b, ldb: transB ? k : n, transB: transB,
             c: c, ldc: n, accumulate: accumulate)
    }

    /// `C[m×n] (+)= op(A) · op(B)` on row-major matrices with leading dimensions (the distance
    /// between consecutive stored rows), so a block of columns of a wider matrix — one
    /// attention head of `[T, C]` — is an operand without a copy: `op(A)[i, p]` is
    /// `a[i·lda + p]`, or `a[p·lda + i]` when `transA`; `op(B)[p, j]` is `b[p·ldb + j]`, or
    /// `b[j·ldb + p]` when `transB`; `C[i, j]` is `c[i·ldc + j]`.
    ///
    /// Implementation (GotoBLAS/BLIS layout): B is packed in blocks of `kc × nc` into
    /// column panels `nr` wide, A in blocks of `mc × kc` into row panels `mr` high (zero
    /// padded at the edges), and a `mr × nr` register tile accumulates
    /// `Σ_p A[i, p] · B[p, j]` with SIMD8 fused multiply-adds. Single-threaded; each
    /// `C[i, j]` sums over `p` in increasing order, so results are bit-identical run to run.
    public static func gemm(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, transA: Bool,
                            b: UnsafePointer<Float>, ldb: Int, transB: Bool,
                            c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool) {
        if handledEmpty(m: m, n: n, k: k, c: c, ldc: ldc, accumulate: accumulate) { return }
        let bCapacity = Swift.min(nc, roundUp(n, nr)) * Swift.min(kc, k)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: bCapacity) { packedB in
            forEachBlock(n: n, k: k) { jc, nb, pc, kb, _ in
                packB(b, ldb: ldb, transB: transB, rows: pc, kb: kb, cols: jc, nb: nb, into: packedB.baseAddress!)
                multiplyBlock(m: m, nb: nb, kb: kb, a: a, lda: lda, transA: transA, column: pc,
                              packedB: packedB.baseAddress!, c: c + jc, ldc: ldc, add: accumulate || pc > 0)
            }
        }
    }

    /// `op(B)` packed once for many products with it (a recurrent weight, used at every
    /// time step): the panels ``gemm(m:n:k:a:lda:transA:b:ldb:transB:c:ldc:accumulate:)``
    /// would pack, block after block.
    public struct PackedB: Sendable {
        public let k: Int
        public let n: Int
        let panels: [Float]

        public init(k: Int, n: Int, b: UnsafePointer<Float>, ldb: Int, transB: Bool) {
            self.k = k
            self.n = n
            panels = [Float](writing: roundUp(n, nr) * k) { out in
                forEachBlock(n: n, k: k) { jc, nb, pc, kb, offset in
                    packB(b, ldb: ldb, transB: transB, rows: pc, kb: kb, cols: jc, nb: nb, into: out + offset)
                }
            }
        }
    }

    /// `C[m×n] (+)= op(A) · op(B)` with `op(B)` packed beforehand.
    public static func gemm(m: Int, a: UnsafePointer<Float>, lda: Int, transA: Bool, packed: PackedB,
                            c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool) {
        if handledEmpty(m: m, n: packed.n, k: packed.k, c: c, ldc: ldc, accumulate: accumulate) { return }
        packed.panels.withUnsafeBufferPointer { panels in
            forEachBlock(n: packed.n, k: packed.k) { jc, nb, pc, kb, offset in
                multiplyBlock(m: m, nb: nb, kb: kb, a: a, lda: lda, transA: transA, column: pc,
                              packedB: panels.baseAddress! + offset, c: c + jc, ldc: ldc, add: accumulate || pc > 0)
            }
        }
    }

    /// A product with no terms: nothing to do, or C set to zero when `k` is 0 (and not accumulating).
    private static func handledEmpty(m: Int, n: Int, k: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
                                     accumulate: Bool) -> Bool {
        precondition(m >= 0 && n >= 0 && k >= 0, "gemm sizes must be non-negative")
        if m > 0 && n > 0 && k > 0 { return false }
        if k == 0 && !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
        return true
    }

    /// The blocks of `op(B)[k×n]`, `kc` deep and `nc` wide, columns outermost, with where
    /// each starts in a buffer that holds them all packed.
    private static func forEachBlock(n: Int, k: Int, _ body: (_ jc: Int, _ nb: Int, _ pc: Int, _ kb: Int, _ offset: Int) -> Void) {
        var offset = 0
        var jc = 0
        while jc < n {
            let nb = Swift.min(nc, n - jc)
            var pc = 0
            while pc < k {
                let kb = Swift.min(kc, k - pc)
                body(jc, nb, pc, kb, offset)
                offset += roundUp(nb, nr) * kb
                pc += kb
            }
            jc += nb
        }
    }

    private static func roundUp(_ x: Int, _ multiple: Int) -> Int { (x + multiple - 1) / multiple * multiple }

    /// `C[m×nb] (+)= op(A)[0..<m, column ..< column+kb] · B-block`, the B block packed:
    /// A is packed `mc` rows at a time and every `mr × nr` tile of C gets the register kernel.
    private static func multiplyBlock(m: Int, nb: Int, kb: Int, a: UnsafePointer<Float>, lda: Int, transA: Bool,
                                      column: Int, packedB: UnsafePointer<Float>,
                                      c: UnsafeMutablePointer<Float>, ldc: Int, add: Bool) {
        let aCapacity = Swift.min(mc, roundUp(m, mr)) * kb
        withUnsafeTemporaryAllocation(of: Float.self, capacity: aCapacity + mr * nr) { buffer in
            let packedA = buffer.baseAddress!
            let scratch = packedA + aCapacity
            var ic = 0
            while ic < m {
                let mb = Swift.min(mc, m - ic)
                packA(a, lda: lda, transA: transA, rows: ic, mb: mb, cols: column, kb: kb, into: packedA)
                var jr = 0
                while jr < nb {
                    let cols = Swift.min(nr, nb - jr)
                    var ir = 0
                    while ir < mb {
                        let rows = Swift.min(mr, mb - ir)
                        let cTile = c + (ic + ir) * ldc + jr
                        let aPanel = UnsafePointer(packedA + ir * kb)
                        let bPanel = packedB + jr * kb
                        if rows == mr && cols == nr {
                            microKernel(kb, aPanel, bPanel, cTile, ldc: ldc, add: add)
                        } else {
                            microKernel(kb, aPanel, bPanel, scratch, ldc: nr, add: false)
                            for i in 0..<rows {
                                for j in 0..<cols {
                                    let v = scratch[i * nr + j]
                                    cTile[i * ldc + j] = add ? cTile[i * ldc + j] + v : v
                                }
                            }
                        }
                        ir += mr
                    }
                    jr += nr
                }
                ic += mb
            }
        }
    }

    /// Packs `op(B)[rows ..< rows+kb, cols ..< cols+nb]` into panels of `nr` columns:
    /// panel `q` holds, for each `p`, the `nr` values `op(B)[rows+p, cols+q·nr ..< …+nr]` (zero padded).
    private static func packB(_ b: UnsafePointer<Float>, ldb: Int, transB: Bool, rows: Int, kb: Int,
                              cols: Int, nb: Int, into dst: UnsafeMutablePointer<Float>) {
        var q = 0
        while q < nb {
            let width = Swift.min(nr, nb - q)
            let panel = dst + q * kb
            if transB {
                for j in 0..<width {
                    let src = b + (cols + q + j) * ldb + rows
                    for p in 0..<kb { panel[p * nr + j] = src[p] }
                }
                for j in width..<nr {
                    for p in 0..<kb { panel[p * nr + j] = 0 }
                }
            } else if width == nr {
                let out = UnsafeMutableRawPointer(panel)
                for p in 0..<kb {
                    let row = UnsafeRawPointer(b + (rows + p) * ldb + cols + q).loadUnaligned(as: SIMD16<Float>.self)
                    out.storeBytes(of: row, toByteOffset: p * nr * 4, as: SIMD16<Float>.self)
                }
            } else {
                for p in 0..<kb {
                    let src = b + (rows + p) * ldb + cols + q
                    for j in 0..<nr { panel[p * nr + j] = j < width ? src[j] : 0 }
                }
            }
            q += nr
        }
    }

    /// Packs `op(A)[rows ..< rows+mb, cols ..< cols+kb]` into panels of `mr` rows:
    /// panel `q` holds, for each `p`, the `mr` values `op(A)[rows+q·mr ..< …+mr, cols+p]` (zero padded).
    private static func packA(_ a: UnsafePointer<Float>, lda: Int, transA: Bool, rows: Int, mb: Int,
                              cols: Int, kb: Int, into dst: UnsafeMutablePointer<Float>) {
        var q = 0
        while q < mb {
            let height = Swift.min(mr, mb - q)
            let panel = dst + q * kb
            if transA {
                for p in 0..<kb {
                    let src = a + (cols + p) * lda + rows + q
                    let col = panel + p * mr
                    if height == mr {
                        col[0] = src[0]; col[1] = src[1]; col[2] = src[2]
                        col[3] = src[3]; col[4] = src[4]; col[5] = src[5]
                    } else {
                        for i in 0..<mr { col[i] = i < height ? src[i] : 0 }
                    }
                }
            } else if height == mr {
                let a0 = a + (rows + q) * lda + cols
                let a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda
                for p in 0..<kb {
                    let col = panel + p * mr
                    col[0] = a0[p]; col[1] = a1[p]; col[2] = a2[p]
                    col[3] = a3[p]; col[4] = a4[p]; col[5] = a5[p]
                }
            } else {
                for p in 0..<kb {
                    for i in 0..<mr { panel[p * mr + i] = i < height ? a[(rows + q + i) * lda + cols + p] : 0 }
                }
            }
            q += mr
        }
    }

    /// The register tile: `C[6×16] (+)= Σ_p a[p, 0..<6] ⊗ b[p, 0..<16]` over packed panels.
    /// Twelve SIMD8 accumulators, two B vectors and one broadcast fill 15 of the 16 AVX
    /// registers, enough independent multiply-adds to hide their latency.
    @inline(__always)
    private static func microKernel(_ kb: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                                    _ c: UnsafeMutablePointer<Float>, ldc: Int, add: Bool) {
        typealias V = SIMD8<Float>
        var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
        var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()
        let bv = UnsafeRawPointer(b)
        var pa = a
        for p in 0..<kb {
            let b0 = bv.loadUnaligned(fromByteOffset: p * 64, as: V.self)
            let b1 = bv.loadUnaligned(fromByteOffset: p * 64 + 32, as: V.self)
            var x = V(repeating: pa[0])
            c00 = c00.addingProduct(x, b0); c01 = c01.addingProduct(x, b1)
            x = V(repeating: pa[1])
            c10 = c10.addingProduct(x, b0); c11 = c11.addingProduct(x, b1)
            x = V(repeating: pa[2])
            c20 = c20.addingProduct(x, b0); c21 = c21.addingProduct(x, b1)
            x = V(repeating: pa[3])
            c30 = c30.addingProduct(x, b0); c31 = c31.addingProduct(x, b1)
            x = V(repeating: pa[4])
            c40 = c40.addingProduct(x, b0); c41 = c41.addingProduct(x, b1)
            x = V(repeating: pa[5])
            c50 = c50.addingProduct(x, b0); c51 = c51.addingProduct(x, b1)
            pa += 6
        }
        let cv = UnsafeMutableRawPointer(c)
        @inline(__always) func store(_ i: Int, _ r0: V, _ r1: V) {
            let off = i * ldc * 4
            let v0 = add ? r0 + cv.loadUnaligned(fromByteOffset: off, as: V.self) : r0
            let v1 = add ? r1 + cv.loadUnaligned(fromByteOffset: off + 32, as: V.self) : r1
            cv.storeBytes(of: v0, toByteOffset: off, as: V.self)
            cv.storeBytes(of: v1, toByteOffset: off + 32, as: V.self)
        }
        store(0, c00, c01)
        store(1, c10, c11)
        store(2, c20, c21)
        store(3, c30, c31)
        store(4, c40, c41)
        store(5, c50, c51)
    }
}
