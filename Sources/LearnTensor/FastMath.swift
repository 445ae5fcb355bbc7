/// Branch-free `exp`, `tanh` and `sigmoid` that the compiler can vectorise (libm's
/// `expf`/`tanhf` are one call per element). Accuracy is within a few float ulps, checked
/// against Double references in the tests.
enum FastMath {
    /// `eˣ` for `x ≤ 0` (every use here: `x − max`, `−|x|`, log-probabilities; larger `x` is
    /// outside its contract), 0 below −87.3 (no subnormals), NaN for NaN. Cody–Waite reduction `x = n·ln2 + r`, |r| ≤ ln2/2, with `n` rounded by the
    /// 1.5·2²³ trick (no conversion that could trap); `eʳ` by the Cephes degree-6 polynomial;
    /// `2ⁿ` assembled from its exponent bits.
    @inline(__always)
    static func expNonPositive(_ x: Float) -> Float {
        let magic: Float = 0x1.8p23
        let clamped = Swift.max(x, -87.3)
        let shifted = clamped * 1.442_695_04 + magic
        let n = shifted - magic
        var r = clamped - n * 0.693_359_375
        r = r - n * -2.121_944_4e-4
        let z = r * r
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * z + r + 1
        let exponent = (Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000 &+ 127) << 23
        let y = p * Float(bitPattern: UInt32(bitPattern: exponent))
        return x < -87.3 ? 0 : y
    }

    /// `σ(x) = 1/(1 + e⁻ˣ)` as `1/(1 + e)` for x ≥ 0 and `e/(1 + e)` for x < 0, `e = e^{−|x|}`.
    @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        let e = expNonPositive(-Swift.abs(x))
        return (x >= 0 ? 1 : e) / (1 + e)
    }

    /// `tanh x`: the Cephes odd polynomial `x + x³P(x²)` for |x| < 0.625, else
    /// `sign(x) · (1 − e)/(1 + e)` with `e = e^{−2|x|}`.
    @inline(__always)
    static func tanh(_ x: Float) -> Float {
        let a = Swift.abs(x)
        let z = x * x
        var p: Float = -5.704_988_72e-3
        p = p * z + 2.063_908_88e-2
        p = p * z - 5.373_971_55e-2
        p = p * z + 1.333_144_22e-1
        p = p * z - 3.333_328_19e-1
        let small = p * z * x + x
        let e = expNonPositive(-2 * a)
        let large = (1 - e) / (1 + e)
        return a < 0.625 ? small : (x < 0 ? -large : large)
    }
}
