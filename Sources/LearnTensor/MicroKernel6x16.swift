/// The AVX2 register tile: `C[rows×16] = E + Σ_p A[0..<rows, p] ⊗ B[p, 0..<16]` for `rows` up
/// to 6, with `A[i, p]` at `a[i·rowStride + p·depthStride]` (a packed panel or the matrix
/// itself) and B a panel of 16 values per `p`, `ldb` apart (packed, or B in place). `E` is
/// `addend`, its rows `ldAddend` apart: C itself to accumulate, a bias row (`ldAddend` 0), or
/// none. Twelve SIMD8 accumulators, two B vectors and one broadcast fill 15 of the 16 AVX
/// registers, enough independent multiply-adds to hide their latency. Fewer rows (the last tile
/// of a product whose row count is not a multiple of 6) run one general copy of the loop that
/// tests the row count as it goes: no row of A is read or C written beyond `rows`, and no
/// multiply-add is wasted on padding.
@inline(never)
func microKernel6x16(_ rows: Int, _ kb: Int, _ a: UnsafePointer<Float>, _ rowStride: Int, _ depthStride: Int,
                     _ b: UnsafePointer<Float>, _ ldb: Int, _ c: UnsafeMutablePointer<Float>, _ ldc: Int,
                     _ addend: UnsafePointer<Float>?, _ ldAddend: Int) {
    // A full tile runs the loop with `rows` constant and one of the two layouts the driver
    // passes (A transposed: the values for one `p` side by side; A in place: one row per
    // `rowStride`), so no test is left inside it. The last row tile runs one general copy.
    if rows != 6 {
        microKernel6x16Rows(rows, kb, a, rowStride, depthStride, b, ldb, c, ldc, addend, ldAddend)
    } else if rowStride == 1 {
        microKernel6x16Loop(6, kb, a, 1, depthStride, b, ldb, c, ldc, addend, ldAddend)
    } else {
        microKernel6x16Loop(6, kb, a, rowStride, 1, b, ldb, c, ldc, addend, ldAddend)
    }
}

/// The loop for 1…5 rows, their count tested as it goes (no row of A read or C written
/// beyond `rows`).
@inline(never)
private func microKernel6x16Rows(_ rows: Int, _ kb: Int, _ a: UnsafePointer<Float>, _ rowStride: Int,
                                 _ depthStride: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                                 _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ addend: UnsafePointer<Float>?,
                                 _ ldAddend: Int) {
    microKernel6x16Loop(rows, kb, a, rowStride, depthStride, b, ldb, c, ldc, addend, ldAddend)
}

/// Where `rows` is a constant (a full tile), the row tests fold away.
@inline(__always)
private func microKernel6x16Loop(_ rows: Int, _ kb: Int, _ a: UnsafePointer<Float>, _ rowStride: Int,
                                 _ depthStride: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                                 _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ addend: UnsafePointer<Float>?,
                                 _ ldAddend: Int) {
    typealias V = SIMD8<Float>
    var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
    var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()
    let bv = UnsafeRawPointer(b)
    let a0 = a, a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride, a4 = a3 + rowStride, a5 = a4 + rowStride
    var at = 0
    var bt = 0
    let rowOfB = ldb &* 4
    for _ in 0..<kb {
        let b0 = bv.loadUnaligned(fromByteOffset: bt, as: V.self)
        let b1 = bv.loadUnaligned(fromByteOffset: bt &+ 32, as: V.self)
        var x = V(repeating: a0[at])
        c00 = c00.addingProduct(x, b0); c01 = c01.addingProduct(x, b1)
        if rows > 1 {
            x = V(repeating: a1[at])
            c10 = c10.addingProduct(x, b0); c11 = c11.addingProduct(x, b1)
        }
        if rows > 2 {
            x = V(repeating: a2[at])
            c20 = c20.addingProduct(x, b0); c21 = c21.addingProduct(x, b1)
        }
        if rows > 3 {
            x = V(repeating: a3[at])
            c30 = c30.addingProduct(x, b0); c31 = c31.addingProduct(x, b1)
        }
        if rows > 4 {
            x = V(repeating: a4[at])
            c40 = c40.addingProduct(x, b0); c41 = c41.addingProduct(x, b1)
        }
        if rows > 5 {
            x = V(repeating: a5[at])
            c50 = c50.addingProduct(x, b0); c51 = c51.addingProduct(x, b1)
        }
        at = at &+ depthStride
        bt = bt &+ rowOfB
    }
    let cv = UnsafeMutableRawPointer(c), av = UnsafeRawPointer(addend)
    @inline(__always) func store(_ i: Int, _ r0: V, _ r1: V) {
        let off = i &* ldc &* 4, from = i &* ldAddend &* 4
        let v0 = av.map { r0 + $0.loadUnaligned(fromByteOffset: from, as: V.self) } ?? r0
        let v1 = av.map { r1 + $0.loadUnaligned(fromByteOffset: from &+ 32, as: V.self) } ?? r1
        cv.storeBytes(of: v0, toByteOffset: off, as: V.self)
        cv.storeBytes(of: v1, toByteOffset: off &+ 32, as: V.self)
    }
    store(0, c00, c01)
    if rows > 1 { store(1, c10, c11) }
    if rows > 2 { store(2, c20, c21) }
    if rows > 3 { store(3, c30, c31) }
    if rows > 4 { store(4, c40, c41) }
    if rows > 5 { store(5, c50, c51) }
}

/// The most this core multiply-adds per second, to set the tile's figure beside: `rounds`
/// of the tile's twelve accumulators updated by fused multiply-adds in registers, no memory
/// (12 · 8 lanes · 2 = 192 FLOP a round). A nominal peak of two FMA units as wide as the
/// vector is not what every core has (AMD's Zen 1 splits a 256-bit FMA in two halves).
/// Returns a sum of the accumulators, so the work is not optimised away.
@inline(never)
func multiplyAddProbe6x16(_ rounds: Int) -> Float {
    typealias V = SIMD8<Float>
    let x = V(repeating: 1 - 1 / Float(rounds + 2)), y = V(repeating: 1 / Float(rounds + 2))
    var c0 = V(), c1 = V(), c2 = V(), c3 = V(), c4 = V(), c5 = V()
    var c6 = V(), c7 = V(), c8 = V(), c9 = V(), c10 = V(), c11 = V()
    for _ in 0..<rounds {
        c0 = c0.addingProduct(x, y); c1 = c1.addingProduct(x, y); c2 = c2.addingProduct(x, y)
        c3 = c3.addingProduct(x, y); c4 = c4.addingProduct(x, y); c5 = c5.addingProduct(x, y)
        c6 = c6.addingProduct(x, y); c7 = c7.addingProduct(x, y); c8 = c8.addingProduct(x, y)
        c9 = c9.addingProduct(x, y); c10 = c10.addingProduct(x, y); c11 = c11.addingProduct(x, y)
    }
    return ((c0 + c1 + c2 + c3) + (c4 + c5 + c6 + c7) + (c8 + c9 + c10 + c11)).sum()
}
