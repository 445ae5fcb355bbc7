/// Elementwise functions of one tensor. Each is a small type holding `y = f(x)` and its
/// derivative `dy/dx`, written in terms of the input `x` and the output `y`, side by side.
/// (Types rather than closures so the compiler specialises and vectorises both loops.)
protocol Pointwise {
    static var name: String { get }
    func value(_ x: Float) -> Float
    func derivative(x: Float, y: Float) -> Float
    /// `value` on eight lanes; by default lane by lane.
    func values(_ x: SIMD8<Float>) -> SIMD8<Float>
}

extension Pointwise {
    func values(_ x: SIMD8<Float>) -> SIMD8<Float> {
        var y = x
        for j in 0..<8 { y[j] = value(x[j]) }
        return y
    }
}

/// `eˣ`; d/dx = y.
struct Exp: Pointwise {
    static let name = "exp"
    func value(_ x: Float) -> Float { Math.exp(x) }
    func derivative(x: Float, y: Float) -> Float { y }
}

/// `ln x`; d/dx = 1/x.
struct Log: Pointwise {
    static let name = "log"
    func value(_ x: Float) -> Float { Math.log(x) }
    func derivative(x: Float, y: Float) -> Float { 1 / x }
}

/// `tanh x`; d/dx = 1 − y².
struct Tanh: Pointwise {
    static let name = "tanh"
    func value(_ x: Float) -> Float { FastMath.tanh(x) }
    func values(_ x: SIMD8<Float>) -> SIMD8<Float> { FastMath.tanh(x) }
    func derivative(x: Float, y: Float) -> Float { 1 - y * y }
}

/// `σ(x) = 1/(1 + e⁻ˣ)`; d/dx = y(1 − y).
struct Sigmoid: Pointwise {
    static let name = "sigmoid"
    func value(_ x: Float) -> Float { FastMath.sigmoid(x) }
    func values(_ x: SIMD8<Float>) -> SIMD8<Float> { FastMath.sigmoid(x) }
    func derivative(x: Float, y: Float) -> Float { y * (1 - y) }
}

/// `max(0, x)`; d/dx = 1 if x > 0 else 0.
struct ReLU: Pointwise {
    static let name = "relu"
    func value(_ x: Float) -> Float { x > 0 ? x : 0 }
    func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : 0 }
}

/// `x²`; d/dx = 2x.
struct Square: Pointwise {
    static let name = "squared"
    func value(_ x: Float) -> Float { x * x }
    func derivative(x: Float, y: Float) -> Float { 2 * x }
}

/// `a·x + c` (negation, adding, scaling by a scalar); d/dx = a.
struct Affine: Pointwise {
    static let name = "affine"
    let a: Float, c: Float
    func value(_ x: Float) -> Float { a * x + c }
    func derivative(x: Float, y: Float) -> Float { a }
}

/// `x / s`; d/dx = 1/s. (Kept apart from `Affine` so it divides exactly like PyTorch.)
struct DivideByScalar: Pointwise {
    static let name = "/s"
    let s: Float
    func value(_ x: Float) -> Float { x / s }
    func derivative(x: Float, y: Float) -> Float { 1 / s }
}

/// `s / x`; d/dx = −s/x² = −y/x.
struct ScalarDivide: Pointwise {
    static let name = "s/"
    let s: Float
    func value(_ x: Float) -> Float { s / x }
    func derivative(x: Float, y: Float) -> Float { -y / x }
}

extension Tensor {
    /// `y = f(x)` elementwise; backward `∂L/∂x += ∂L/∂y · f′(x, y)`.
    func map<F: Pointwise>(_ f: F) -> Tensor {
        let out = [Float](writing: count) { py in
            data.withUnsafeBufferPointer { px in FastMath.apply(px.count, px.baseAddress!, py) { f.values($0) } }
        }
        let result = Tensor(out, shape: shape)
        if Tensor.recording(self) {
            result.record(F.name, [self]) { result in
                result.grad.withUnsafeBufferPointer { pg in
                    result.data.withUnsafeBufferPointer { py in
                        self.data.withUnsafeBufferPointer { px in
                            self.accumulateGrad { i in pg[i] * f.derivative(x: px[i], y: py[i]) }
                        }
                    }
                }
            }
        }
        return result
    }

    public func exp() -> Tensor { map(Exp()) }
    public func log() -> Tensor { map(Log()) }
    public func tanh() -> Tensor { map(Tanh()) }
    public func sigmoid() -> Tensor { map(Sigmoid()) }
    public func relu() -> Tensor { map(ReLU()) }
    public func squared() -> Tensor { map(Square()) }
}

public prefix func - (a: Tensor) -> Tensor { a.map(Affine(a: -1, c: 0)) }
public func + (a: Tensor, s: Float) -> Tensor { a.map(Affine(a: 1, c: s)) }
public func + (s: Float, a: Tensor) -> Tensor { a.map(Affine(a: 1, c: s)) }
public func - (a: Tensor, s: Float) -> Tensor { a.map(Affine(a: 1, c: -s)) }
public func - (s: Float, a: Tensor) -> Tensor { a.map(Affine(a: -1, c: s)) }
public func * (a: Tensor, s: Float) -> Tensor { a.map(Affine(a: s, c: 0)) }
public func * (s: Float, a: Tensor) -> Tensor { a.map(Affine(a: s, c: 0)) }
public func / (a: Tensor, s: Float) -> Tensor { a.map(DivideByScalar(s: s)) }
public func / (s: Float, a: Tensor) -> Tensor { a.map(ScalarDivide(s: s)) }
