/// Raw compute kernels.
public enum Kernels {
    /// Rows of A per micro-tile.
    static let mr = 6
    /// Columns of B per micro-tile (one SIMD8 vector).
    static let nr = 8
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
        let depth = Swift.min(kc, k)
        let packedA = UnsafeMutablePointer<Float>.allocate(capacity: Swift.min(mc, (m + mr - 1) / mr * mr) * depth)
        let packedB = UnsafeMutablePointer<Float>.allocate(capacity: Swift.min(nc, (n + nr - 1) / nr * nr) * depth)
        defer {
            packedA.deallocate()
            packedB.deallocate()
        }
        var tile = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())
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

    /// The register tile: `C[6×8] (+)= Σ_p a[p, 0..<6] ⊗ b[p, 0..<8]` over packed panels.
    /// Six SIMD8 accumulators fit the 16 vector registers even when SIMD8 is split into
    /// two SSE halves (the default x86-64 target), so nothing spills in the inner loop.
    @inline(__always)
    private static func microKernel(_ kb: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                                    _ c: UnsafeMutablePointer<Float>, ldc: Int, add: Bool) {
        typealias V = SIMD8<Float>
        var c0 = V(), c1 = V(), c2 = V(), c3 = V(), c4 = V(), c5 = V()
        let bv = UnsafeRawPointer(b)
        var pa = a
        for p in 0..<kb {
            let row = bv.loadUnaligned(fromByteOffset: p * 32, as: V.self)
            c0 += V(repeating: pa[0]) * row
            c1 += V(repeating: pa[1]) * row
            c2 += V(repeating: pa[2]) * row
            c3 += V(repeating: pa[3]) * row
            c4 += V(repeating: pa[4]) * row
            c5 += V(repeating: pa[5]) * row
            pa += 6
        }
        let cv = UnsafeMutableRawPointer(c)
        @inline(__always) func store(_ i: Int, _ r: V) {
            let off = i * ldc * 4
            let value = add ? r + cv.loadUnaligned(fromByteOffset: off, as: V.self) : r
            cv.storeBytes(of: value, toByteOffset: off, as: V.self)
        }
        store(0, c0)
        store(1, c1)
        store(2, c2)
        store(3, c3)
        store(4, c4)
        store(5, c5)
    }
}
