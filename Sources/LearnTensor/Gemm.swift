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

    /// `C[m×n] (+)= op(A) · op(B)`, row-major, where `op(A)` is `A[m×k]`, or `Aᵀ` when
    /// `transA` (A stored as `[k×m]`), and likewise `op(B)` is `B[k×n]` or `Bᵀ` (B stored `[n×k]`).
    /// With `accumulate` the product is added to C, otherwise it replaces C.
    ///
    /// Implementation (GotoBLAS/BLIS layout): B is packed in blocks of `kc × nc` into
    /// column panels `nr` wide, A in blocks of `mc × kc` into row panels `mr` high (zero
    /// padded at the edges), and a `mr × nr` register tile accumulates
    /// `Σ_p A[i, p] · B[p, j]` with SIMD8 multiply-adds. Single-threaded; each `C[i, j]`
    /// sums over `p` in increasing order, so results are bit-identical run to run.
    public static func gemm(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, transA: Bool, b: UnsafePointer<Float>,
                            transB: Bool, c: UnsafeMutablePointer<Float>, accumulate: Bool) {
        precondition(m >= 0 && n >= 0 && k >= 0, "gemm sizes must be non-negative")
        if m == 0 || n == 0 { return }
        if k == 0 {
            if !accumulate { c.update(repeating: 0, count: m * n) }
            return
        }
        let packedA = UnsafeMutablePointer<Float>.allocate(capacity: mc * kc)
        let packedB = UnsafeMutablePointer<Float>.allocate(capacity: kc * nc)
        defer {
            packedA.deallocate()
            packedB.deallocate()
        }
        var tile = (SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>(), SIMD16<Float>())
        withUnsafeMutableBytes(of: &tile) { tileBytes in
            let scratch = tileBytes.baseAddress!.assumingMemoryBound(to: Float.self)
            var jc = 0
            while jc < n {
                let nb = Swift.min(nc, n - jc)
                var pc = 0
                while pc < k {
                    let kb = Swift.min(kc, k - pc)
                    packB(b, transB: transB, k: k, n: n, rows: pc, kb: kb, cols: jc, nb: nb, into: packedB)
                    let add = accumulate || pc > 0
                    var ic = 0
                    while ic < m {
                        let mb = Swift.min(mc, m - ic)
                        packA(a, transA: transA, m: m, k: k, rows: ic, mb: mb, cols: pc, kb: kb, into: packedA)
                        var jr = 0
                        while jr < nb {
                            let cols = Swift.min(nr, nb - jr)
                            var ir = 0
                            while ir < mb {
                                let rows = Swift.min(mr, mb - ir)
                                let cTile = c + (ic + ir) * n + jc + jr
                                let aPanel = UnsafePointer(packedA + ir * kb)
                                let bPanel = UnsafePointer(packedB + jr * kb)
                                if rows == mr && cols == nr {
                                    microKernel(kb, aPanel, bPanel, cTile, ldc: n, add: add)
                                } else {
                                    microKernel(kb, aPanel, bPanel, scratch, ldc: nr, add: false)
                                    for i in 0..<rows {
                                        for j in 0..<cols {
                                            let v = scratch[i * nr + j]
                                            cTile[i * n + j] = add ? cTile[i * n + j] + v : v
                                        }
                                    }
                                }
                                ir += mr
                            }
                            jr += nr
                        }
                        ic += mb
                    }
                    pc += kb
                }
                jc += nb
            }
        }
    }

    /// Packs `op(B)[rows ..< rows+kb, cols ..< cols+nb]` into panels of `nr` columns:
    /// panel `q` holds, for each `p`, the `nr` values `op(B)[rows+p, cols+q·nr ..< …+nr]` (zero padded).
    private static func packB(_ b: UnsafePointer<Float>, transB: Bool, k: Int, n: Int, rows: Int, kb: Int,
                              cols: Int, nb: Int, into dst: UnsafeMutablePointer<Float>) {
        var q = 0
        while q < nb {
            let width = Swift.min(nr, nb - q)
            let panel = dst + q * kb
            for p in 0..<kb {
                let row = panel + p * nr
                if transB {
                    let src = b + (cols + q) * k + rows + p
                    for j in 0..<width { row[j] = src[j * k] }
                } else {
                    let src = b + (rows + p) * n + cols + q
                    for j in 0..<width { row[j] = src[j] }
                }
                for j in width..<nr { row[j] = 0 }
            }
            q += nr
        }
    }

    /// Packs `op(A)[rows ..< rows+mb, cols ..< cols+kb]` into panels of `mr` rows:
    /// panel `q` holds, for each `p`, the `mr` values `op(A)[rows+q·mr ..< …+mr, cols+p]` (zero padded).
    private static func packA(_ a: UnsafePointer<Float>, transA: Bool, m: Int, k: Int, rows: Int, mb: Int,
                              cols: Int, kb: Int, into dst: UnsafeMutablePointer<Float>) {
        var q = 0
        while q < mb {
            let height = Swift.min(mr, mb - q)
            let panel = dst + q * kb
            if transA {
                for p in 0..<kb {
                    let src = a + (cols + p) * m + rows + q
                    let col = panel + p * mr
                    for i in 0..<height { col[i] = src[i] }
                    for i in height..<mr { col[i] = 0 }
                }
            } else {
                for i in 0..<height {
                    let src = a + (rows + q + i) * k + cols
                    for p in 0..<kb { panel[p * mr + i] = src[p] }
                }
                for i in height..<mr {
                    for p in 0..<kb { panel[p * mr + i] = 0 }
                }
            }
            q += mr
        }
    }

    /// The register tile: `C[6×16] (+)= Σ_p a[p, 0..<6] ⊗ b[p, 0..<16]` over packed panels.
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
            var s = V(repeating: pa[0])
            c00 += s * b0; c01 += s * b1
            s = V(repeating: pa[1])
            c10 += s * b0; c11 += s * b1
            s = V(repeating: pa[2])
            c20 += s * b0; c21 += s * b1
            s = V(repeating: pa[3])
            c30 += s * b0; c31 += s * b1
            s = V(repeating: pa[4])
            c40 += s * b0; c41 += s * b1
            s = V(repeating: pa[5])
            c50 += s * b0; c51 += s * b1
            pa += 6
        }
        let cv = UnsafeMutableRawPointer(c)
        @inline(__always) func store(_ i: Int, _ r0: V, _ r1: V) {
            let off = i * ldc * 4
            if add {
                cv.storeBytes(of: r0 + cv.loadUnaligned(fromByteOffset: off, as: V.self), toByteOffset: off, as: V.self)
                cv.storeBytes(of: r1 + cv.loadUnaligned(fromByteOffset: off + 32, as: V.self),
                              toByteOffset: off + 32, as: V.self)
            } else {
                cv.storeBytes(of: r0, toByteOffset: off, as: V.self)
                cv.storeBytes(of: r1, toByteOffset: off + 32, as: V.self)
            }
        }
        store(0, c00, c01)
        store(1, c10, c11)
        store(2, c20, c21)
        store(3, c30, c31)
        store(4, c40, c41)
        store(5, c50, c51)
    }
}
