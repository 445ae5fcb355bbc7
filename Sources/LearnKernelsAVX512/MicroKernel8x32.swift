// Compiled for Skylake-SP and later (`-target-cpu skylake-avx512`, see Package.swift):
// LearnTensor calls into this module only after the CPU said it has AVX-512.
#if arch(x86_64)

/// The AVX-512 register tile: `C[rows×32] = E + Σ_p A[0..<rows, p] ⊗ B[p, 0..<32]` for `rows`
/// up to 8, with `A[i, p]` at `a[i·rowStride + p·depthStride]` (a packed panel or the matrix
/// itself) and B a panel of 32 values per `p`, `ldb` apart (packed, or B in place). `E` is
/// `addend`, its rows `ldAddend` apart: C itself to accumulate, a bias row (`ldAddend` 0), or
/// none. Sixteen 16-lane accumulators, two B vectors and a broadcast use 19 of the 32 vector
/// registers; each `p` is 16 fused multiply-adds of 16 lanes, twice the work per instruction of
/// the AVX2 tile. Each `C[i, j]` sums over `p` in increasing order, exactly as the AVX2 tile
/// does, so the two give bit-identical results. Fewer rows (the last row tile of a product) run
/// one general copy of the loop that tests the row count as it goes (no row of A read or C
/// written beyond `rows`), as the AVX2 tile does.
@inline(never)
public func microKernel8x32(_ rows: Int, _ kb: Int, _ a: UnsafePointer<Float>, _ rowStride: Int,
                            _ depthStride: Int, _ b: UnsafePointer<Float>, _ ldb: Int, _ c: UnsafeMutablePointer<Float>,
                            _ ldc: Int, _ addend: UnsafePointer<Float>?, _ ldAddend: Int) {
    microKernel8xN(rows, wide: true, kb, a, rowStride, depthStride, b, ldb, c, ldc, addend, ldAddend)
}

/// The left half of the tile, `C[rows×16]`, on the first 16 values of each `p` of the same
/// 32-wide panel: for products 16 columns wide (an attention head of width 16), which the
/// full tile would compute twice over and write through a scratch tile. Same sums in the
/// same order.
@inline(never)
public func microKernel8x16(_ rows: Int, _ kb: Int, _ a: UnsafePointer<Float>, _ rowStride: Int,
                            _ depthStride: Int, _ b: UnsafePointer<Float>, _ ldb: Int, _ c: UnsafeMutablePointer<Float>,
                            _ ldc: Int, _ addend: UnsafePointer<Float>?, _ ldAddend: Int) {
    microKernel8xN(rows, wide: false, kb, a, rowStride, depthStride, b, ldb, c, ldc, addend, ldAddend)
}

/// A full tile (8 rows) runs the loop with `rows` and `wide` constants and one of the two
/// layouts the driver passes (A transposed: the values for one `p` side by side; A in
/// place: one row per `rowStride`), so no test is left inside it. The last row tile of a
/// product (fewer rows) runs one general copy.
@inline(__always)
private func microKernel8xN(_ rows: Int, wide: Bool, _ kb: Int, _ a: UnsafePointer<Float>, _ rowStride: Int,
                            _ depthStride: Int, _ b: UnsafePointer<Float>, _ ldb: Int, _ c: UnsafeMutablePointer<Float>,
                            _ ldc: Int, _ addend: UnsafePointer<Float>?, _ ldAddend: Int) {
    if rows != 8 {
        microKernel8xRows(rows, wide, kb, a, rowStride, depthStride, b, ldb, c, ldc, addend, ldAddend)
    } else if rowStride == 1 {
        microKernel8x32Loop(8, wide, kb, a, 1, depthStride, b, ldb, c, ldc, addend, ldAddend)
    } else {
        microKernel8x32Loop(8, wide, kb, a, rowStride, 1, b, ldb, c, ldc, addend, ldAddend)
    }
}

/// The loop for 1…7 rows, their count tested as it goes (the tests predict well; no row of
/// A is read or C written beyond `rows`).
@inline(never)
private func microKernel8xRows(_ rows: Int, _ wide: Bool, _ kb: Int, _ a: UnsafePointer<Float>,
                               _ rowStride: Int, _ depthStride: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                               _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ addend: UnsafePointer<Float>?,
                               _ ldAddend: Int) {
    microKernel8x32Loop(rows, wide, kb, a, rowStride, depthStride, b, ldb, c, ldc, addend, ldAddend)
}

/// Where `rows` and `wide` are constants (a full tile), their tests fold away.
@inline(__always)
private func microKernel8x32Loop(_ rows: Int, _ wide: Bool, _ kb: Int, _ a: UnsafePointer<Float>,
                                 _ rowStride: Int, _ depthStride: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                                 _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ addend: UnsafePointer<Float>?,
                                 _ ldAddend: Int) {
    typealias V = SIMD16<Float>
    var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V(), c30 = V(), c31 = V()
    var c40 = V(), c41 = V(), c50 = V(), c51 = V(), c60 = V(), c61 = V(), c70 = V(), c71 = V()
    let bv = UnsafeRawPointer(b)
    // Row i of the tile starts i·rowStride floats into A: byte offsets from one moving base.
    let ra = UnsafeRawPointer(a), r = rowStride &* 4
    let o1 = r, o2 = 2 &* r, o3 = 3 &* r, o4 = 4 &* r, o5 = 5 &* r, o6 = 6 &* r, o7 = 7 &* r
    var at = 0
    var bt = 0
    let rowOfB = ldb &* 4
    for _ in 0..<kb {
        let b0 = bv.loadUnaligned(fromByteOffset: bt, as: V.self)
        let b1 = wide ? bv.loadUnaligned(fromByteOffset: bt &+ 64, as: V.self) : V()
        var x = V(repeating: ra.load(fromByteOffset: at, as: Float.self))
        c00 = c00.addingProduct(x, b0)
        if wide { c01 = c01.addingProduct(x, b1) }
        if rows > 1 {
            x = V(repeating: ra.load(fromByteOffset: at &+ o1, as: Float.self))
            c10 = c10.addingProduct(x, b0)
            if wide { c11 = c11.addingProduct(x, b1) }
        }
        if rows > 2 {
            x = V(repeating: ra.load(fromByteOffset: at &+ o2, as: Float.self))
            c20 = c20.addingProduct(x, b0)
            if wide { c21 = c21.addingProduct(x, b1) }
        }
        if rows > 3 {
            x = V(repeating: ra.load(fromByteOffset: at &+ o3, as: Float.self))
            c30 = c30.addingProduct(x, b0)
            if wide { c31 = c31.addingProduct(x, b1) }
        }
        if rows > 4 {
            x = V(repeating: ra.load(fromByteOffset: at &+ o4, as: Float.self))
            c40 = c40.addingProduct(x, b0)
            if wide { c41 = c41.addingProduct(x, b1) }
        }
        if rows > 5 {
            x = V(repeating: ra.load(fromByteOffset: at &+ o5, as: Float.self))
            c50 = c50.addingProduct(x, b0)
            if wide { c51 = c51.addingProduct(x, b1) }
        }
        if rows > 6 {
            x = V(repeating: ra.load(fromByteOffset: at &+ o6, as: Float.self))
            c60 = c60.addingProduct(x, b0)
            if wide { c61 = c61.addingProduct(x, b1) }
        }
        if rows > 7 {
            x = V(repeating: ra.load(fromByteOffset: at &+ o7, as: Float.self))
            c70 = c70.addingProduct(x, b0)
            if wide { c71 = c71.addingProduct(x, b1) }
        }
        at = at &+ depthStride &* 4
        bt = bt &+ rowOfB
    }
    let cv = UnsafeMutableRawPointer(c), av = UnsafeRawPointer(addend)
    @inline(__always) func store(_ i: Int, _ r0: V, _ r1: V) {
        let off = i &* ldc &* 4, from = i &* ldAddend &* 4
        let v0 = av.map { r0 + $0.loadUnaligned(fromByteOffset: from, as: V.self) } ?? r0
        cv.storeBytes(of: v0, toByteOffset: off, as: V.self)
        guard wide else { return }
        let v1 = av.map { r1 + $0.loadUnaligned(fromByteOffset: from &+ 64, as: V.self) } ?? r1
        cv.storeBytes(of: v1, toByteOffset: off &+ 64, as: V.self)
    }
    store(0, c00, c01)
    if rows > 1 { store(1, c10, c11) }
    if rows > 2 { store(2, c20, c21) }
    if rows > 3 { store(3, c30, c31) }
    if rows > 4 { store(4, c40, c41) }
    if rows > 5 { store(5, c50, c51) }
    if rows > 6 { store(6, c60, c61) }
    if rows > 7 { store(7, c70, c71) }
}

/// The AVX-512 form of the AVX2 tile's probe: `rounds` of the tile's sixteen 16-lane
/// accumulators updated by fused multiply-adds in registers (16 · 16 · 2 = 512 FLOP a round).
@inline(never)
public func multiplyAddProbe8x32(_ rounds: Int) -> Float {
    typealias V = SIMD16<Float>
    let x = V(repeating: 1 - 1 / Float(rounds + 2)), y = V(repeating: 1 / Float(rounds + 2))
    var c0 = V(), c1 = V(), c2 = V(), c3 = V(), c4 = V(), c5 = V(), c6 = V(), c7 = V()
    var c8 = V(), c9 = V(), c10 = V(), c11 = V(), c12 = V(), c13 = V(), c14 = V(), c15 = V()
    for _ in 0..<rounds {
        c0 = c0.addingProduct(x, y); c1 = c1.addingProduct(x, y); c2 = c2.addingProduct(x, y)
        c3 = c3.addingProduct(x, y); c4 = c4.addingProduct(x, y); c5 = c5.addingProduct(x, y)
        c6 = c6.addingProduct(x, y); c7 = c7.addingProduct(x, y); c8 = c8.addingProduct(x, y)
        c9 = c9.addingProduct(x, y); c10 = c10.addingProduct(x, y); c11 = c11.addingProduct(x, y)
        c12 = c12.addingProduct(x, y); c13 = c13.addingProduct(x, y); c14 = c14.addingProduct(x, y)
        c15 = c15.addingProduct(x, y)
    }
    return ((c0 + c1 + c2 + c3) + (c4 + c5 + c6 + c7) + (c8 + c9 + c10 + c11) + (c12 + c13 + c14 + c15)).sum()
}

#endif
