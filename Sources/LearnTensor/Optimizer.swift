/// An optimiser updates an ordered list of parameters from their `.grad`.
public protocol Optimizer: AnyObject {
    var learningRate: Float { get set }
    /// One update from the current gradients.
    func step()
    /// Sets every parameter's gradient to zero.
    func zeroGrad()
    /// Everything the next update depends on besides the parameters and their gradients,
    /// to save and put back (a notebook rewinding a run).
    var state: OptimizerState { get set }
}

/// An optimiser's own memory: SGD's velocities, Adam's moments and its step count.
public struct OptimizerState: Sendable {
    public var buffers: [[Float]]
    public var count: Int

    /// Bytes the buffers hold.
    public var bytes: Int { buffers.reduce(0) { $0 + $1.count * MemoryLayout<Float>.stride } }
}

extension Optimizer {
    func zeroGrads(_ params: [Tensor]) {
        for p in params { p.zeroGrad() }
    }
}

/// Stochastic gradient descent as `torch.optim.SGD` (dampening 0, no Nesterov):
/// `g = ∇p + λp`; with momentum μ: `v = μv + g` (`v = g` on the first step); `p −= lr·v`.
public final class SGD: Optimizer {
    public let params: [Tensor]
    public var learningRate: Float
    public let momentum: Float
    public let weightDecay: Float
    private var velocity: [[Float]] = []

    /// Each parameter's velocity (empty before the first step, or without momentum).
    public var velocities: [[Float]] { velocity }

    public init(_ params: [Tensor], lr: Float, momentum: Float = 0, weightDecay: Float = 0) {
        self.params = params
        self.learningRate = lr
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    public func step() {
        if momentum != 0 && velocity.isEmpty { velocity = params.map { _ in [] } }
        for (index, p) in params.enumerated() where p.grad.count == p.count {
            let lr = learningRate, mu = momentum, wd = weightDecay
            if mu != 0 && velocity[index].isEmpty {
                velocity[index] = [Float](repeating: 0, count: p.count)
                p.grad.withUnsafeBufferPointer { pg in
                    p.data.withUnsafeBufferPointer { pd in
                        velocity[index].withUnsafeMutableBufferPointer { pv in
                            for i in 0..<pv.count { pv[i] = pg[i] + wd * pd[i] }
                        }
                    }
                }
                p.data.withUnsafeMutableBufferPointer { pd in
                    velocity[index].withUnsafeBufferPointer { pv in
                        for i in 0..<pd.count { pd[i] -= lr * pv[i] }
                    }
                }
                continue
            }
            p.grad.withUnsafeBufferPointer { pg in
                p.data.withUnsafeMutableBufferPointer { pd in
                    if mu == 0 {
                        for i in 0..<pd.count { pd[i] -= lr * (pg[i] + wd * pd[i]) }
                    } else {
                        velocity[index].withUnsafeMutableBufferPointer { pv in
                            for i in 0..<pd.count {
                                pv[i] = mu * pv[i] + (pg[i] + wd * pd[i])
                                pd[i] -= lr * pv[i]
                            }
                        }
                    }
                }
            }
        }
    }

    public func zeroGrad() { zeroGrads(params) }

    public var state: OptimizerState {
        get { OptimizerState(buffers: velocity, count: 0) }
        set { velocity = newValue.buffers }
    }
}

/// Adam as `torch.optim.Adam` (no amsgrad): with `g = ∇p + λp` and step t,
/// `m = β₁m + (1−β₁)g`, `v = β₂v + (1−β₂)g²`,
/// `p −= (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε)` — PyTorch's order of operations.
public final class Adam: Optimizer {
    public let params: [Tensor]
    public var learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let eps: Float
    public let weightDecay: Float
    public private(set) var stepCount = 0
    private var m: [[Float]]
    private var v: [[Float]]

    /// Each parameter's first and second moment estimates, as the last step left them.
    public var moments: (m: [[Float]], v: [[Float]]) { (m, v) }

    public init(_ params: [Tensor], lr: Float, beta1: Float = 0.9, beta2: Float = 0.999, eps: Float = 1e-8,
                weightDecay: Float = 0) {
        self.params = params
        self.learningRate = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.m = params.map { [Float](repeating: 0, count: $0.count) }
        self.v = params.map { [Float](repeating: 0, count: $0.count) }
    }

    public func step() {
        stepCount += 1
        let t = Double(stepCount)
        let stepSize = Float(Double(learningRate) / (1 - Double(beta1).power(t)))
        let correction2 = Float((1 - Double(beta2).power(t)).squareRoot())
        let b1 = beta1, b2 = beta2, e = eps, wd = weightDecay
        for (index, p) in params.enumerated() where p.grad.count == p.count && p.count > 0 {
            p.grad.withUnsafeBufferPointer { pg in
                p.data.withUnsafeMutableBufferPointer { pd in
                    m[index].withUnsafeMutableBufferPointer { pm in
                        v[index].withUnsafeMutableBufferPointer { pv in
                            // Eight lanes at a time, the same operations in the same order per element.
                            typealias V = SIMD8<Float>
                            let count = pd.count
                            let rg = UnsafeRawPointer(pg.baseAddress!), rd = UnsafeMutableRawPointer(pd.baseAddress!)
                            let rm = UnsafeMutableRawPointer(pm.baseAddress!), rv = UnsafeMutableRawPointer(pv.baseAddress!)
                            var i = 0
                            while i + 8 <= count {
                                let at = i * 4
                                let d = rd.loadUnaligned(fromByteOffset: at, as: V.self)
                                let g = rg.loadUnaligned(fromByteOffset: at, as: V.self) + wd * d
                                let m = b1 * rm.loadUnaligned(fromByteOffset: at, as: V.self) + (1 - b1) * g
                                let v = b2 * rv.loadUnaligned(fromByteOffset: at, as: V.self) + (1 - b2) * g * g
                                let denom = v.squareRoot() / correction2 + e
                                rm.storeBytes(of: m, toByteOffset: at, as: V.self)
                                rv.storeBytes(of: v, toByteOffset: at, as: V.self)
                                rd.storeBytes(of: d - stepSize * m / denom, toByteOffset: at, as: V.self)
                                i += 8
                            }
                            while i < count {
                                let g = pg[i] + wd * pd[i]
                                pm[i] = b1 * pm[i] + (1 - b1) * g
                                pv[i] = b2 * pv[i] + (1 - b2) * g * g
                                let denom = pv[i].squareRoot() / correction2 + e
                                pd[i] -= stepSize * pm[i] / denom
                                i += 1
                            }
                        }
                    }
                }
            }
        }
    }

    public func zeroGrad() { zeroGrads(params) }

    public var state: OptimizerState {
        get { OptimizerState(buffers: m + v, count: stepCount) }
        set {
            m = Array(newValue.buffers.prefix(params.count))
            v = Array(newValue.buffers.dropFirst(params.count))
            stepCount = newValue.count
        }
    }
}

private extension Double {
    /// `selfⁿ` for a whole-number `n ≥ 0`, by repeated squaring (no libm needed).
    func power(_ n: Double) -> Double {
        var result = 1.0, base = self, e = Int(n)
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return result
    }
}
