/// Raw compute kernels.
public enum Kernels {
    /// Depth of one packed block (A panel and B panel stay in cache across it).
    static let kc = 256
    /// Columns of B packed at once (a multiple of every tile's columns).
    static let nc = 512

    /// `C[m×n] (+)= op(A) · op(B)` on dense row-major matrices: `op(A)` is `A[m×k]`, or `Aᵀ`
    /// when `transA` (A stored as `[k×m]`), and likewise `op(B)` is `B[k×n]` or `Bᵀ` (B stored
    /// `[n×k]`). With `accumulate` the product is added to C, otherwise it replaces C; with
    /// a `bias` (`n` values, not accumulating) C is the product plus the bias in every row.
    public static func gemm(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, transA: Bool, b: UnsafePointer<Float>,
                            transB: Bool, c: UnsafeMutablePointer<Float>, accumulate: Bool,
                            bias: UnsafePointer<Float>? = nil) {
        gemm(m: m, n: n, k: k, a: a, lda: transA ? m : k, transA: transA, b: b, ldb: transB ? k : n, transB: transB,
             c: c, ldc: n, accumulate: accumulate, bias: bias)
    }

    /// `C[m×n] (+)= op(A) · op(B)` on row-major matrices with leading dimensions (the distance
    /// between consecutive stored rows), so a block of columns of a wider matrix — one
    /// attention head of `[T, C]` — is an operand without a copy: `op(A)[i, p]` is
    /// `a[i·lda + p]`, or `a[p·lda + i]` when `transA`; `op(B)[p, j]` is `b[p·ldb + j]`, or
    /// `b[j·ldb + p]` when `transB`; `C[i, j]` is `c[i·ldc + j]`.
    ///
    /// Implementation (after GotoBLAS/BLIS): B is cut in blocks of `kc × nc`; the register
    /// tile (``MicroTile``) accumulates `Σ_p A[i, p] · B[p, j]` with SIMD fused multiply-adds
    /// over one block at a time, reading A in place. A stored `Bᵀ` is packed, block by block,
    /// into column panels as wide as the tile (zero padded at the edge); a plain B is read
    /// where it lies (its rows are the panels' rows already), and only an edge narrower than
    /// the tile is packed. Each `C[i, j]` sums over `p` in increasing
    /// order, so results are bit-identical run to run, whichever tile the machine runs and
    /// however many threads (``ProductThreads``) share the product.
    public static func gemm(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, transA: Bool,
                            b: UnsafePointer<Float>, ldb: Int, transB: Bool,
                            c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool,
                            bias: UnsafePointer<Float>? = nil) {
        gemm(m: m, n: n, k: k, a: a, lda: lda, transA: transA, b: b, ldb: ldb, transB: transB, c: c, ldc: ldc,
             accumulate: accumulate, bias: bias, tile: .native)
    }

    /// The same product on a chosen tile (tests run every tile the machine has), on up to
    /// `threads` threads when it is large enough to pay.
    static func gemm(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, transA: Bool,
                     b: UnsafePointer<Float>, ldb: Int, transB: Bool,
                     c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool, bias: UnsafePointer<Float>? = nil,
                     tile: MicroTile, threads: Int = ProductThreads.current) {
        precondition(bias == nil || !accumulate, "gemm adds a bias only to a product it writes")
        if handledEmpty(m: m, n: n, k: k, c: c, ldc: ldc, accumulate: accumulate, bias: bias) { return }
        let product = Product(m: m, n: n, k: k, a: a, lda: lda, transA: transA, b: b, ldb: ldb, transB: transB,
                              c: c, ldc: ldc, accumulate: accumulate, bias: bias, tile: tile)
        if threads > 1, let (first, second) = product.halves() {
            ProductThreads.run(first, second)
        } else {
            product.multiply()
        }
    }

    /// One product's operands (all sizes positive), to run here or hand to another thread.
    struct Product: @unchecked Sendable {
        var m, n: Int
        let k: Int
        var a: UnsafePointer<Float>
        let lda: Int, transA: Bool
        var b: UnsafePointer<Float>
        let ldb: Int, transB: Bool
        var c: UnsafeMutablePointer<Float>
        let ldc: Int, accumulate: Bool
        var bias: UnsafePointer<Float>?
        let tile: MicroTile

        /// The product cut in two bands of whole tiles, rows where there are enough, else
        /// columns, when it is large enough to pay for a second thread; nil otherwise.
        func halves() -> (Product, Product)? {
            guard m * n * k >= ProductThreads.least else { return nil }
            var first = self, second = self
            if m >= 4 * tile.rows {
                let cut = (m / tile.rows + 1) / 2 * tile.rows
                first.m = cut
                second.m = m - cut
                second.a += transA ? cut : cut * lda
                second.c += cut * ldc
            } else if n >= 2 * tile.columns {
                let cut = (n / tile.columns + 1) / 2 * tile.columns
                first.n = cut
                second.n = n - cut
                second.b += transB ? cut * ldb : cut
                second.c += cut
                second.bias = bias.map { $0 + cut }
            } else {
                return nil
            }
            return (first, second)
        }

        /// The product on this thread: B cut in blocks (``Kernels/forEachBlock``), each
        /// multiplied by row tiles, a plain B read in place and a stored Bᵀ packed.
        func multiply() {
            let bCapacity = Swift.min(Kernels.nc, Kernels.roundUp(n, tile.columns)) * Swift.min(Kernels.kc, k)
            withUnsafeTemporaryAllocation(of: Float.self, capacity: bCapacity) { packedB in
                let packed = packedB.baseAddress!
                Kernels.forEachBlock(n: n, k: k, tile: tile) { jc, nb, pc, kb, _ in
                    let add = accumulate || pc > 0
                    let blockBias = pc == 0 ? bias.map { $0 + jc } : nil
                    // Columns of a plain B the tile reads in place: whole panels, and a half-width
                    // edge where the tile has a half kernel.
                    let edge = nb % tile.columns
                    let inPlace = transB ? 0 : nb - (tile.half != nil && edge == tile.columns / 2 ? 0 : edge)
                    if inPlace > 0 {
                        Kernels.multiplyBlock(m: m, nb: inPlace, kb: kb, a: a, lda: lda, transA: transA, column: pc,
                                              b: b + pc * ldb + jc, ldb: ldb, panelStep: 1, c: c + jc, ldc: ldc,
                                              add: add, bias: blockBias, tile: tile)
                    }
                    if inPlace < nb {
                        let rest = nb - inPlace
                        Kernels.packB(b, ldb: ldb, transB: transB, rows: pc, kb: kb, cols: jc + inPlace, nb: rest,
                                      width: tile.columns, into: packed)
                        Kernels.multiplyBlock(m: m, nb: rest, kb: kb, a: a, lda: lda, transA: transA, column: pc,
                                              b: packed, ldb: tile.columns, panelStep: kb, c: c + jc + inPlace,
                                              ldc: ldc, add: add, bias: blockBias.map { $0 + inPlace }, tile: tile)
                    }
                }
            }
        }
    }

    /// `op(B)` packed once for many products with it (a recurrent weight, used at every
    /// time step): the panels ``gemm(m:n:k:a:lda:transA:b:ldb:transB:c:ldc:accumulate:)``
    /// would pack, block after block.
    public struct PackedB: Sendable {
        public let k: Int
        public let n: Int
        let tile: MicroTile
        let panels: [Float]

        public init(k: Int, n: Int, b: UnsafePointer<Float>, ldb: Int, transB: Bool) {
            self.init(k: k, n: n, b: b, ldb: ldb, transB: transB, tile: .native)
        }

        init(k: Int, n: Int, b: UnsafePointer<Float>, ldb: Int, transB: Bool, tile: MicroTile) {
            self.k = k
            self.n = n
            self.tile = tile
            panels = [Float](writing: roundUp(n, tile.columns) * k) { out in
                forEachBlock(n: n, k: k, tile: tile) { jc, nb, pc, kb, offset in
                    packB(b, ldb: ldb, transB: transB, rows: pc, kb: kb, cols: jc, nb: nb, width: tile.columns,
                          into: out + offset)
                }
            }
        }
    }

    /// `C[m×n] (+)= op(A) · op(B)` with `op(B)` packed beforehand (and a `bias` as above).
    public static func gemm(m: Int, a: UnsafePointer<Float>, lda: Int, transA: Bool, packed: PackedB,
                            c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool,
                            bias: UnsafePointer<Float>? = nil) {
        precondition(bias == nil || !accumulate, "gemm adds a bias only to a product it writes")
        if handledEmpty(m: m, n: packed.n, k: packed.k, c: c, ldc: ldc, accumulate: accumulate, bias: bias) { return }
        packed.panels.withUnsafeBufferPointer { panels in
            forEachBlock(n: packed.n, k: packed.k, tile: packed.tile) { jc, nb, pc, kb, offset in
                multiplyBlock(m: m, nb: nb, kb: kb, a: a, lda: lda, transA: transA, column: pc,
                              b: panels.baseAddress! + offset, ldb: packed.tile.columns, panelStep: kb, c: c + jc,
                              ldc: ldc, add: accumulate || pc > 0, bias: pc == 0 ? bias.map { $0 + jc } : nil,
                              tile: packed.tile)
            }
        }
    }

    /// A product with no terms: nothing to do, or C set to zero (or the bias) when `k` is 0
    /// (and not accumulating).
    private static func handledEmpty(m: Int, n: Int, k: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
                                     accumulate: Bool, bias: UnsafePointer<Float>?) -> Bool {
        precondition(m >= 0 && n >= 0 && k >= 0, "gemm sizes must be non-negative")
        if m > 0 && n > 0 && k > 0 { return false }
        if k == 0 && !accumulate {
            for i in 0..<m {
                if let bias {
                    (c + i * ldc).update(from: bias, count: n)
                } else {
                    (c + i * ldc).update(repeating: 0, count: n)
                }
            }
        }
        return true
    }

    /// The blocks of `op(B)[k×n]`, `kc` deep and `nc` wide, columns outermost, with where
    /// each starts in a buffer that holds them all packed.
    private static func forEachBlock(n: Int, k: Int, tile: MicroTile,
                                     _ body: (_ jc: Int, _ nb: Int, _ pc: Int, _ kb: Int, _ offset: Int) -> Void) {
        var offset = 0
        var jc = 0
        while jc < n {
            let nb = Swift.min(nc, n - jc)
            var pc = 0
            while pc < k {
                let kb = Swift.min(kc, k - pc)
                body(jc, nb, pc, kb, offset)
                offset += roundUp(nb, tile.columns) * kb
                pc += kb
            }
            jc += nb
        }
    }

    private static func roundUp(_ x: Int, _ multiple: Int) -> Int { (x + multiple - 1) / multiple * multiple }

    /// `C[m×nb] (+)= op(A)[0..<m, column ..< column+kb] · B-block`, the panel of columns
    /// `jr ..< jr+columns` of the block starting at `b + jr·panelStep`, its rows `ldb` apart
    /// (packed panels: `panelStep` kb, `ldb` the tile's width; B in place: 1 and B's own).
    /// Row tiles outermost, so a tile's rows of A stay in L1 while the B panels stream
    /// from L2. The tile reads A where it lies (rows of A, or columns of the stored matrix
    /// when `transA`), the last row tile only the rows there are. An edge panel exactly half
    /// the tile wide runs the tile's half kernel; other edge columns (always packed, so
    /// zero padded) go through a scratch tile. The tile adds C to the product (`add`), or
    /// else the block's `bias` columns where given.
    private static func multiplyBlock(m: Int, nb: Int, kb: Int, a: UnsafePointer<Float>, lda: Int, transA: Bool,
                                      column: Int, b: UnsafePointer<Float>, ldb: Int, panelStep: Int,
                                      c: UnsafeMutablePointer<Float>, ldc: Int, add: Bool, bias: UnsafePointer<Float>?,
                                      tile: MicroTile) {
        let mr = tile.rows, nr = tile.columns
        withUnsafeTemporaryAllocation(of: Float.self, capacity: mr * nr) { buffer in
            let scratch = buffer.baseAddress!
            var ir = 0
            while ir < m {
                let rows = Swift.min(mr, m - ir)
                let (aTile, rowStride, depthStride) = transA ? (a + column * lda + ir, 1, lda)
                                                             : (a + ir * lda + column, lda, 1)
                var jr = 0
                while jr < nb {
                    let cols = Swift.min(nr, nb - jr)
                    let cTile = c + ir * ldc + jr
                    let bPanel = b + jr * panelStep
                    let (addend, ldAddend) = add ? (UnsafePointer(cTile), ldc) : (bias.map { $0 + jr }, 0)
                    if cols == nr {
                        tile.kernel(rows, kb, aTile, rowStride, depthStride, bPanel, ldb, cTile, ldc, addend, ldAddend)
                    } else if let half = tile.half, cols == nr / 2 {
                        half(rows, kb, aTile, rowStride, depthStride, bPanel, ldb, cTile, ldc, addend, ldAddend)
                    } else {
                        tile.kernel(rows, kb, aTile, rowStride, depthStride, bPanel, ldb, scratch, nr, nil, 0)
                        for i in 0..<rows {
                            let from = scratch + i * nr, to = cTile + i * ldc
                            if let addend {
                                let plus = addend + i * ldAddend
                                for j in 0..<cols { to[j] = plus[j] + from[j] }
                            } else {
                                to.update(from: from, count: cols)
                            }
                        }
                    }
                    jr += nr
                }
                ir += mr
            }
        }
    }

    /// Packs `op(B)[rows ..< rows+kb, cols ..< cols+nb]` into panels of `width` columns:
    /// panel `q` holds, for each `p`, the `width` values `op(B)[rows+p, cols+q·width ..< …+width]`
    /// (zero padded). `width` is a multiple of 16.
    private static func packB(_ b: UnsafePointer<Float>, ldb: Int, transB: Bool, rows: Int, kb: Int,
                              cols: Int, nb: Int, width: Int, into dst: UnsafeMutablePointer<Float>) {
        var q = 0
        while q < nb {
            let filled = Swift.min(width, nb - q)
            let panel = dst + q * kb
            if transB {
                for j in 0..<filled {
                    let src = b + (cols + q + j) * ldb + rows
                    for p in 0..<kb { panel[p &* width &+ j] = src[p] }
                }
                for j in filled..<width {
                    for p in 0..<kb { panel[p &* width &+ j] = 0 }
                }
            } else if filled == width {
                let out = UnsafeMutableRawPointer(panel)
                for p in 0..<kb {
                    let row = UnsafeRawPointer(b + (rows + p) * ldb + cols + q)
                    for v in stride(from: 0, to: width * 4, by: 64) {
                        out.storeBytes(of: row.loadUnaligned(fromByteOffset: v, as: SIMD16<Float>.self),
                                       toByteOffset: p * width * 4 + v, as: SIMD16<Float>.self)
                    }
                }
            } else {
                for p in 0..<kb {
                    let src = b + (rows + p) * ldb + cols + q, dst = panel + p * width
                    dst.update(from: src, count: filled)
                    (dst + filled).update(repeating: 0, count: width - filled)
                }
            }
            q += width
        }
    }
}
