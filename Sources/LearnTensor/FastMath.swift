/// Branch-free `exp`, `tanh` and `sigmoid` on eight lanes at once (libm's `expf`/`tanhf`
/// are one call per element, and the compiler does not vectorise the scalar polynomial
/// with its selects). The scalar forms evaluate one lane of the same code, so a value is
/// the same whichever form computed it. Accuracy is within a few float ulps, checked
/// against Double references in the tests.
enum FastMath {
    typealias V = SIMD8<Float>

    /// `eˣ` for `x ≤ 0` (every use here: `x − max`, `−|x|`, log-probabilities; larger `x` is
    /// outside its contract), 0 below −87.3 (no subnormals), NaN for NaN. Cody–Waite reduction
    /// `x = n·ln2 + r`, |r| ≤ ln2/2, with `n` rounded by the 1.5·2²³ trick (no conversion
    /// that could trap); `eʳ` by the Cephes degree-6 polynomial; `2ⁿ` assembled from its exponent bits.
    @inline(__always)
    static func expNonPositive(_ x: V) -> V {
        let magic = V(repeating: 0x1.8p23)
        let tooSmall = x .< -87.3
        let clamped = x.replacing(with: -87.3, where: tooSmall)
        let shifted = clamped * 1.442_695_04 + magic
        let n = shifted - magic
        var r = clamped - n * 0.693_359_375
        r = r - n * -2.121_944_4e-4
        let z = r * r
        var p = V(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * z + r + 1
        let bits = unsafeBitCast(shifted, to: SIMD8<Int32>.self)
        let exponent = (bits &- 0x4B40_0000 &+ 127) &<< 23
        let y = p * unsafeBitCast(exponent, to: V.self)
        return y.replacing(with: 0, where: tooSmall)
    }

    /// `σ(x) = 1/(1 + e⁻ˣ)` as `1/(1 + e)` for x ≥ 0 and `e/(1 + e)` for x < 0, `e = e^{−|x|}`.
    @inline(__always)
    static func sigmoid(_ x: V) -> V {
        let negative = x .< 0
        let e = expNonPositive(x.replacing(with: -x, where: .!negative))
        return e.replacing(with: 1, where: .!negative) / (1 + e)
    }

    /// `tanh x`: the Cephes odd polynomial `x + x³P(x²)` for |x| < 0.625, else
    /// `sign(x) · (1 − e)/(1 + e)` with `e = e^{−2|x|}`.
    @inline(__always)
    static func tanh(_ x: V) -> V {
        let negative = x .< 0
        let a = x.replacing(with: -x, where: negative)
        let z = x * x
        var p = V(repeating: -5.704_988_72e-3)
        p = p * z + 2.063_908_88e-2
        p = p * z - 5.373_971_55e-2
        p = p * z + 1.333_144_22e-1
        p = p * z - 3.333_328_19e-1
        let small = p * z * x + x
        let e = expNonPositive(-2 * a)
        let large = (1 - e) / (1 + e)
        return large.replacing(with: -large, where: negative).replacing(with: small, where: a .< 0.625)
    }

    @inline(__always) static func expNonPositive(_ x: Float) -> Float { expNonPositive(V(repeating: x))[0] }
    @inline(__always) static func sigmoid(_ x: Float) -> Float { sigmoid(V(repeating: x))[0] }
    @inline(__always) static func tanh(_ x: Float) -> Float { tanh(V(repeating: x))[0] }

    /// `y[k·stride] = f(x[k·stride])` for `k < count`, eight lanes at a time (contiguous
    /// loads when `stride` is 1, gathered lanes otherwise, and for the last partial group).
    /// `y` may be `x`.
    @inline(__always)
    static func apply(_ count: Int, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, stride: Int = 1,
                      _ f: (V) -> V) {
        var k = 0
        if stride == 1 {
            let raw = UnsafeRawPointer(x), out = UnsafeMutableRawPointer(y)
            while k + 8 <= count {
                out.storeBytes(of: f(raw.loadUnaligned(fromByteOffset: k * 4, as: V.self)), toByteOffset: k * 4, as: V.self)
                k += 8
            }
        }
        while k < count {
            let lanes = Swift.min(8, count - k)
            var v = V()
            for j in 0..<lanes { v[j] = x[(k + j) * stride] }
            let result = f(v)
            for j in 0..<lanes { y[(k + j) * stride] = result[j] }
            k += lanes
        }
    }
}
