import Testing
@testable import LearnTensor

@Suite struct GemmTests {
    /// Reference `C = op(A) op(B)` in Double.
    static func naive(m: Int, n: Int, k: Int, a: [Float], transA: Bool, b: [Float], transB: Bool) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k {
                    let x = transA ? a[p * m + i] : a[i * k + p]
                    let y = transB ? b[j * k + p] : b[p * n + j]
                    s += Double(x) * Double(y)
                }
                c[i * n + j] = Float(s)
            }
        }
        return c
    }

    /// The kernel's product on `tile` (B packed on the fly, or beforehand when `prepacked`)
    /// and the reference.
    static func run(m: Int, n: Int, k: Int, transA: Bool, transB: Bool, accumulate: Bool, seed: UInt64,
                    prepacked: Bool = false, tile: MicroTile = .native, threads: Int = 1,
                    bias: Bool = false) -> (got: [Float], want: [Float]) {
        var rng = RandomSource(seed: seed)
        let a = (0..<(m * k)).map { _ in rng.uniform(-1, 1) }
        let b = (0..<(k * n)).map { _ in rng.uniform(-1, 1) }
        let start = (0..<(m * n)).map { _ in rng.uniform(-1, 1) }
        let biasRow = bias ? (0..<n).map { _ in rng.uniform(-1, 1) } : []
        var c = start
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    if prepacked {
                        let packed = Kernels.PackedB(k: k, n: n, b: pb.baseAddress!, ldb: transB ? k : n, transB: transB,
                                                     tile: tile)
                        Kernels.gemm(m: m, a: pa.baseAddress!, lda: transA ? m : k, transA: transA, packed: packed,
                                     c: pc.baseAddress!, ldc: n, accumulate: accumulate)
                    } else {
                        biasRow.withUnsafeBufferPointer { pbias in
                            Kernels.gemm(m: m, n: n, k: k, a: pa.baseAddress!, lda: transA ? m : k, transA: transA,
                                         b: pb.baseAddress!, ldb: transB ? k : n, transB: transB, c: pc.baseAddress!,
                                         ldc: n, accumulate: accumulate, bias: bias ? pbias.baseAddress! : nil,
                                         tile: tile, threads: threads)
                        }
                    }
                }
            }
        }
        var want = naive(m: m, n: n, k: k, a: a, transA: transA, b: b, transB: transB)
        if accumulate { for i in want.indices { want[i] += start[i] } }
        if bias { for i in want.indices { want[i] += biasRow[i % n] } }
        return (c, want)
    }

    /// Every tile this machine runs (AVX-512 and AVX2 on an AVX-512 machine), at sizes that
    /// fill whole tiles, leave edges in both directions, and span several blocks.
    @Test(arguments: [(1, 1, 1), (5, 7, 3), (13, 17, 9), (6, 16, 8), (8, 32, 8), (16, 64, 300), (37, 33, 300),
                      (80, 20, 5), (7, 1030, 3)])
    func matchesNaiveForAllTransposes(sizes: (Int, Int, Int)) {
        let (m, n, k) = sizes
        for tile in MicroTile.available {
            for transA in [false, true] {
                for transB in [false, true] {
                    let (got, want) = Self.run(m: m, n: n, k: k, transA: transA, transB: transB, accumulate: false,
                                               seed: 1, tile: tile)
                    expectClose(got, want, tolerance: 1e-4)
                }
            }
        }
    }

    /// Every count of rows a last row tile can have (1 … the tile's rows), A in place and
    /// transposed, C plain and accumulated, on every tile: the product matches, and the row
    /// of the buffer after C is not written (a short tile writes only the rows there are).
    @Test func everyRowCountOfTheLastTile() {
        for tile in MicroTile.available {
            for m in (tile.rows + 1)...(2 * tile.rows) {
                for transA in [false, true] {
                    for accumulate in [false, true] {
                        let (n, k) = (tile.columns + 3, 11)
                        var rng = RandomSource(seed: UInt64(m))
                        let a = (0..<(m * k)).map { _ in rng.uniform(-1, 1) }
                        let b = (0..<(k * n)).map { _ in rng.uniform(-1, 1) }
                        var c = [Float](repeating: 2, count: (m + 1) * n)  // one row past C
                        a.withUnsafeBufferPointer { pa in
                            b.withUnsafeBufferPointer { pb in
                                c.withUnsafeMutableBufferPointer { pc in
                                    Kernels.gemm(m: m, n: n, k: k, a: pa.baseAddress!, lda: transA ? m : k,
                                                 transA: transA, b: pb.baseAddress!, ldb: n, transB: false,
                                                 c: pc.baseAddress!, ldc: n, accumulate: accumulate, tile: tile)
                                }
                            }
                        }
                        var want = Self.naive(m: m, n: n, k: k, a: a, transA: transA, b: b, transB: false)
                        if accumulate { want = want.map { $0 + 2 } }
                        expectClose(Array(c[0..<(m * n)]), want, tolerance: 1e-4)
                        #expect(c[(m * n)...].allSatisfy { $0 == 2 }, "\(tile.name) m \(m): wrote past C")
                    }
                }
            }
        }
    }

    /// The peak probe does the FLOP it reports (its accumulators stay finite).
    @Test func multiplyAddProbeCountsItsWork() {
        let probe = Kernels.multiplyAddProbe(rounds: 1000)
        #expect(probe.flops == Double(1000 * MicroTile.native.rows * MicroTile.native.columns * 2))
        #expect(probe.value.isFinite && probe.value > 0)
    }

    /// Each `C[i, j]` sums over `p` in the same order on every tile, so the tiles agree bit
    /// for bit and a lesson's numbers do not depend on which one the machine has.
    @Test func tilesAgreeBitForBit() {
        for (transA, transB) in [(false, false), (true, false), (false, true)] {
            for n in [70, 16, 48] {  // 16 and 48 end in a half-width panel of the AVX-512 tile
                let results = MicroTile.available.map {
                    Self.run(m: 37, n: n, k: 600, transA: transA, transB: transB, accumulate: true, seed: 5, tile: $0).got
                }
                #expect(results.allSatisfy { $0 == results[0] }, "n \(n)")
            }
        }
    }

    /// `learn bench --threads 2`: a large product cut in two bands, of rows (m 100) or, where
    /// rows are few, of columns (m 20, n 1000: bands of whole panels, the bias cut with them),
    /// gives the same bits as one thread, on every tile, transposed or not, accumulating
    /// or adding a bias.
    @Test(arguments: [(100, 300, 150), (20, 1000, 300), (37, 90, 1300)])
    func twoThreadsAgreeBitForBitWithOne(sizes: (Int, Int, Int)) {
        let (m, n, k) = sizes
        #expect(m * n * k >= ProductThreads.least, "the product must be large enough to be cut")
        for tile in MicroTile.available {
            for (transA, transB) in [(false, false), (true, false), (false, true), (true, true)] {
                for (accumulate, bias) in [(false, false), (true, false), (false, true)] {
                    let run = { (threads: Int) in
                        Self.run(m: m, n: n, k: k, transA: transA, transB: transB, accumulate: accumulate, seed: 9,
                                 tile: tile, threads: threads, bias: bias)
                    }
                    let one = run(1), two = run(2)
                    let same = two.got == one.got
                    #expect(same, "\(tile.name) \(sizes) transA \(transA) transB \(transB) bias \(bias)")
                    expectClose(two.got, two.want, tolerance: 1e-3)
                }
            }
        }
    }

    /// Products from several threads at once, each allowed two threads: one has the helper,
    /// the others multiply both halves themselves, and every result is right.
    @Test func productsFromSeveralThreadsAtOnceShareTheHelper() async {
        let results = await withTaskGroup(of: Bool.self) { group in
            for seed in 0..<6 {
                group.addTask {
                    let (got, want) = Self.run(m: 96, n: 200, k: 300, transA: false, transB: true, accumulate: false,
                                               seed: UInt64(seed), threads: 2)
                    return zip(got, want).allSatisfy { abs($0 - $1) <= 1e-3 }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 6 && results.allSatisfy { $0 })
    }

    /// A product as narrow as one attention head (16 or 48 columns: the AVX-512 tile's half
    /// kernel on the last panel) into the columns of a wider C, as attention writes its
    /// heads: the product matches, and the columns beside it are not touched.
    @Test func narrowProductWritesOnlyItsColumns() {
        for tile in MicroTile.available {
            for n in [16, 48] {
                for accumulate in [false, true] {
                    let (m, k, ldc) = (13, 20, n + 16)
                    var rng = RandomSource(seed: UInt64(n))
                    let a = (0..<(m * k)).map { _ in rng.uniform(-1, 1) }
                    let b = (0..<(k * n)).map { _ in rng.uniform(-1, 1) }
                    var c = [Float](repeating: 2, count: m * ldc)
                    a.withUnsafeBufferPointer { pa in
                        b.withUnsafeBufferPointer { pb in
                            c.withUnsafeMutableBufferPointer { pc in
                                Kernels.gemm(m: m, n: n, k: k, a: pa.baseAddress!, lda: k, transA: false,
                                             b: pb.baseAddress!, ldb: n, transB: false,
                                             c: pc.baseAddress!, ldc: ldc, accumulate: accumulate, tile: tile)
                            }
                        }
                    }
                    var want = Self.naive(m: m, n: n, k: k, a: a, transA: false, b: b, transB: false)
                    if accumulate { want = want.map { $0 + 2 } }
                    let got = (0..<m).flatMap { i in c[(i * ldc)..<(i * ldc + n)] }
                    expectClose(got, want, tolerance: 1e-4)
                    let beside = (0..<m).flatMap { i in c[(i * ldc + n)..<((i + 1) * ldc)] }
                    #expect(beside.allSatisfy { $0 == 2 }, "\(tile.name) n \(n): wrote beside C")
                }
            }
        }
    }

    /// Several blocks of B in both directions (k > kc, n > nc), edges included.
    @Test(arguments: [(1, 1, 1), (13, 17, 9), (16, 256, 64), (7, 1030, 300)])
    func prepackedBMatchesPackingOnTheFly(sizes: (Int, Int, Int)) {
        let (m, n, k) = sizes
        for tile in MicroTile.available {
            for transB in [false, true] {
                for accumulate in [false, true] {
                    let (got, want) = Self.run(m: m, n: n, k: k, transA: false, transB: transB, accumulate: accumulate,
                                               seed: 3, prepacked: true, tile: tile)
                    expectClose(got, want, tolerance: 1e-4)
                }
            }
        }
    }

    /// A bias written with the product (what `linear` and the recurrent step do): every
    /// tile, in place and packed B, edge and half panels, depth past one block, prepacked;
    /// the same bits as adding the product to C preloaded with the bias.
    @Test(arguments: [(13, 70, 9), (9, 16, 300), (17, 48, 20), (8, 32, 5)])
    func biasIsAddedToEveryRow(sizes: (Int, Int, Int)) {
        let (m, n, k) = sizes
        var rng = RandomSource(seed: 9)
        let a = (0..<(m * k)).map { _ in rng.uniform(-1, 1) }
        let b = (0..<(k * n)).map { _ in rng.uniform(-1, 1) }
        let bias = (0..<n).map { _ in rng.uniform(-1, 1) }
        for tile in MicroTile.available {
            for transB in [false, true] {
                for prepacked in [false, true] {
                    var withBias = [Float](repeating: .nan, count: m * n)
                    var preloaded = (0..<m).flatMap { _ in bias }
                    a.withUnsafeBufferPointer { pa in
                        b.withUnsafeBufferPointer { pb in
                            bias.withUnsafeBufferPointer { pbias in
                                let ldb = transB ? k : n
                                if prepacked {
                                    let packed = Kernels.PackedB(k: k, n: n, b: pb.baseAddress!, ldb: ldb, transB: transB,
                                                                 tile: tile)
                                    Kernels.gemm(m: m, a: pa.baseAddress!, lda: k, transA: false, packed: packed,
                                                 c: &withBias, ldc: n, accumulate: false, bias: pbias.baseAddress!)
                                } else {
                                    Kernels.gemm(m: m, n: n, k: k, a: pa.baseAddress!, lda: k, transA: false,
                                                 b: pb.baseAddress!, ldb: ldb, transB: transB, c: &withBias, ldc: n,
                                                 accumulate: false, bias: pbias.baseAddress!, tile: tile)
                                }
                                Kernels.gemm(m: m, n: n, k: k, a: pa.baseAddress!, lda: k, transA: false,
                                             b: pb.baseAddress!, ldb: ldb, transB: transB, c: &preloaded, ldc: n,
                                             accumulate: true, tile: tile)
                            }
                        }
                    }
                    var want = Self.naive(m: m, n: n, k: k, a: a, transA: false, b: b, transB: transB)
                    for i in want.indices { want[i] += bias[i % n] }
                    expectClose(withBias, want, tolerance: 1e-4)
                    #expect(withBias == preloaded, "\(tile.name) transB \(transB) prepacked \(prepacked)")
                }
            }
        }
    }

    @Test func accumulateAddsToC() {
        for transA in [false, true] {
            let (got, want) = Self.run(m: 9, n: 21, k: 270, transA: transA, transB: !transA, accumulate: true, seed: 2)
            expectClose(got, want, tolerance: 1e-4)
        }
    }

    @Test func zeroDepthClearsOrKeeps() {
        var c: [Float] = [1, 2, 3, 4]
        let a: [Float] = [0], b: [Float] = [0]
        c.withUnsafeMutableBufferPointer { pc in
            Kernels.gemm(m: 2, n: 2, k: 0, a: a, transA: false, b: b, transB: false, c: pc.baseAddress!, accumulate: true)
        }
        #expect(c == [1, 2, 3, 4])
        c.withUnsafeMutableBufferPointer { pc in
            Kernels.gemm(m: 2, n: 2, k: 0, a: a, transA: false, b: b, transB: false, c: pc.baseAddress!, accumulate: false)
        }
        #expect(c == [0, 0, 0, 0])
    }

    @Test func deterministicBitForBit() {
        let first = Self.run(m: 64, n: 48, k: 333, transA: false, transB: true, accumulate: false, seed: 3).got
        let second = Self.run(m: 64, n: 48, k: 333, transA: false, transB: true, accumulate: false, seed: 3).got
        #expect(first == second)
    }
}

@Suite struct GemmLeadingDimensionTests {
    /// A block of columns of wider matrices, as one attention head reads `[T, C]`.
    @Test(arguments: [false, true])
    func blockOfWiderMatricesMatchesDenseCopy(transB: Bool) {
        let (m, n, k, width) = (7, 18, 5, 30)
        var rng = RandomSource(seed: 11)
        let a = (0..<(m * width)).map { _ in rng.uniform(-1, 1) }           // A = a[:, 3..<3+k]
        let b = (0..<((transB ? n : k) * width)).map { _ in rng.uniform(-1, 1) }       // B block at column 4
        var c = [Float](repeating: 9, count: m * width)                        // C block at column 2
        var denseA: [Float] = []
        for i in 0..<m { denseA += a[(i * width + 3)..<(i * width + 3 + k)] }
        let bRows = transB ? n : k, bCols = transB ? k : n
        var denseB: [Float] = []
        for r in 0..<bRows { denseB += b[(r * width + 4)..<(r * width + 4 + bCols)] }
        let want = GemmTests.naive(m: m, n: n, k: k, a: denseA, transA: false, b: denseB, transB: transB)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    Kernels.gemm(m: m, n: n, k: k, a: pa.baseAddress! + 3, lda: width, transA: false,
                                 b: pb.baseAddress! + 4, ldb: width, transB: transB,
                                 c: pc.baseAddress! + 2, ldc: width, accumulate: false)
                }
            }
        }
        var got: [Float] = []
        for i in 0..<m { got += c[(i * width + 2)..<(i * width + 2 + n)] }
        expectClose(got, want, tolerance: 1e-4)
        #expect(c[0] == 9 && c[1] == 9 && c[2 + n] == 9)  // outside the block untouched
    }
}
