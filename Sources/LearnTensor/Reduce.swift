/// Sums over contiguous floats in eight running lanes (lane `l` adds elements `l, l+8, …`,
/// then the lanes are added in order): a fixed order, so results are the same run to run,
/// without one long chain of dependent additions.
extension Kernels {
    /// `Σ_k x[k]`.
    @inline(__always)
    static func sum(_ x: UnsafePointer<Float>, _ count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var k = 0
        let raw = UnsafeRawPointer(x)
        while k + 8 <= count {
            lanes += raw.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
            k += 8
        }
        var total = lanes.sum()
        while k < count {
            total += x[k]
            k += 1
        }
        return total
    }

    /// `Σ_k x[k]·y[k]`.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var k = 0
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        while k + 8 <= count {
            lanes += rx.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                * ry.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
            k += 8
        }
        var total = lanes.sum()
        while k < count {
            total += x[k] * y[k]
            k += 1
        }
        return total
    }

    /// `y[j] += x[j]` for `j < count`, eight at a time (the compiler cannot vectorise the
    /// scalar loop: it does not know the two do not overlap).
    static func add(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        let rx = UnsafeRawPointer(x), ry = UnsafeMutableRawPointer(y)
        var j = 0
        while j + 8 <= count {
            let sum = ry.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
                + rx.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
            ry.storeBytes(of: sum, toByteOffset: j * 4, as: SIMD8<Float>.self)
            j += 8
        }
        while j < count {
            y[j] += x[j]
            j += 1
        }
    }

    /// `total[j] += Σ_r x[r·width + j]`, rows in order (a bias gradient: the column sums of
    /// `[rows, width]`), eight columns at a time.
    static func addColumnSums(_ x: UnsafePointer<Float>, rows: Int, width: Int, into total: UnsafeMutablePointer<Float>) {
        let rx = UnsafeRawPointer(x), rt = UnsafeMutableRawPointer(total)
        var j = 0
        while j + 8 <= width {
            var lanes = rt.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
            for r in 0..<rows { lanes += rx.loadUnaligned(fromByteOffset: (r &* width &+ j) &* 4, as: SIMD8<Float>.self) }
            rt.storeBytes(of: lanes, toByteOffset: j * 4, as: SIMD8<Float>.self)
            j += 8
        }
        while j < width {
            for r in 0..<rows { total[j] += x[r &* width &+ j] }
            j += 1
        }
    }
}

/// What the trainer reads off each parameter and gradient once a step, in one pass.
public struct Magnitudes: Sendable, Equatable {
    /// `Σ x²`, in Double: a huge gradient overflows only when it really is non-finite.
    public var sumOfSquares: Double
    /// The largest `|x|` (meaningful when `finite`).
    public var largest: Float
    /// Every entry is a number, none infinite.
    public var finite: Bool
}

extension Kernels {
    /// ``Magnitudes`` of `x`, eight lanes at a time (lane `l` takes elements `l, l+8, …`;
    /// the lanes are added in order at the end): the same numbers run to run.
    public static func magnitudes(_ x: [Float]) -> Magnitudes {
        x.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return Magnitudes(sumOfSquares: 0, largest: 0, finite: true) }
            let raw = UnsafeRawPointer(base), count = buffer.count
            var squares = SIMD8<Double>(), largest = SIMD8<Float>(), poison = SIMD8<Float>()
            var k = 0
            while k + 8 <= count {
                let v = raw.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
                let wide = SIMD8<Double>(v)
                squares += wide * wide
                let size = v.replacing(with: -v, where: v .< 0)
                largest.replace(with: size, where: size .> largest)
                poison += v - v  // 0 for a number, NaN for ±∞ or NaN
                k += 8
            }
            var sum = squares.sum(), top = largest.max(), bad = poison.sum()
            while k < count {
                let v = buffer[k]
                sum += Double(v) * Double(v)
                top = Swift.max(top, abs(v))
                bad += v - v
                k += 1
            }
            return Magnitudes(sumOfSquares: sum, largest: top, finite: bad == 0)
        }
    }
}
