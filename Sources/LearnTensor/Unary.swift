/// Elementwise functions of one tensor, each with its derivative beside it.
/// The derivative is written in terms of the input `x` and the output `y`.

extension Tensor {
    /// `y = f(x)` elementwise; backward `∂L/∂x += ∂L/∂y · d(x, y)`.
    @inline(__always)
    func map(_ op: String, _ f: (Float) -> Float, derivative d: @escaping (Float, Float) -> Float) -> Tensor {
        var out = [Float](repeating: 0, count: count)
        data.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { py in
                for i in 0..<px.count { py[i] = f(px[i]) }
            }
        }
        let result = Tensor(out, shape: shape)
        if Tensor.recording(self) {
            result.record(op, [self]) { result in
                self.ensureGrad()
                result.grad.withUnsafeBufferPointer { pg in
                    result.data.withUnsafeBufferPointer { py in
                        self.data.withUnsafeBufferPointer { px in
                            self.grad.withUnsafeMutableBufferPointer { pgx in
                                for i in 0..<pgx.count { pgx[i] += pg[i] * d(px[i], py[i]) }
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// `eˣ`; d/dx = y.
    public func exp() -> Tensor { map("exp", Math.exp) { _, y in y } }
    /// `ln x`; d/dx = 1/x.
    public func log() -> Tensor { map("log", Math.log) { x, _ in 1 / x } }
    /// `tanh x`; d/dx = 1 − y².
    public func tanh() -> Tensor { map("tanh", Math.tanh) { _, y in 1 - y * y } }
    /// `σ(x) = 1/(1 + e⁻ˣ)`, evaluated as `eˣ/(1 + eˣ)` for x < 0 so it never overflows; d/dx = y(1 − y).
    public func sigmoid() -> Tensor { map("sigmoid", Tensor.sigmoid) { _, y in y * (1 - y) } }
    /// `max(0, x)`; d/dx = 1 if x > 0 else 0.
    public func relu() -> Tensor { map("relu", { $0 > 0 ? $0 : 0 }) { x, _ in x > 0 ? 1 : 0 } }
    /// `x²`; d/dx = 2x.
    public func squared() -> Tensor { map("squared", { $0 * $0 }) { x, _ in 2 * x } }

    @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        if x >= 0 { return 1 / (1 + Math.exp(-x)) }
        let e = Math.exp(x)
        return e / (1 + e)
    }
}

/// `−a`; d/da = −1.
public prefix func - (a: Tensor) -> Tensor { a.map("neg", { -$0 }) { _, _ in -1 } }
/// `a + s`; d/da = 1.
public func + (a: Tensor, s: Float) -> Tensor { a.map("+s", { $0 + s }) { _, _ in 1 } }
/// `s + a`; d/da = 1.
public func + (s: Float, a: Tensor) -> Tensor { a.map("s+", { s + $0 }) { _, _ in 1 } }
/// `a − s`; d/da = 1.
public func - (a: Tensor, s: Float) -> Tensor { a.map("-s", { $0 - s }) { _, _ in 1 } }
/// `s − a`; d/da = −1.
public func - (s: Float, a: Tensor) -> Tensor { a.map("s-", { s - $0 }) { _, _ in -1 } }
/// `a · s`; d/da = s.
public func * (a: Tensor, s: Float) -> Tensor { a.map("*s", { $0 * s }) { _, _ in s } }
/// `s · a`; d/da = s.
public func * (s: Float, a: Tensor) -> Tensor { a.map("s*", { s * $0 }) { _, _ in s } }
/// `a / s`; d/da = 1/s.
public func / (a: Tensor, s: Float) -> Tensor { a.map("/s", { $0 / s }) { _, _ in 1 / s } }
/// `s / a`; d/da = −s/a² = −y/a.
public func / (s: Float, a: Tensor) -> Tensor { a.map("s/", { s / $0 }) { x, y in -y / x } }
