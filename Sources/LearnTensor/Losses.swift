/// Loss functions, each reducing to a scalar (shape `[]`) by the mean, as PyTorch's defaults.

/// `L = (1/N) Σ_i [log Σ_c e^{x_ic} − x_{i,t_i}]` for logits `[N, C]` and class indices `t`.
/// Backward: `∂L/∂x_ic = (softmax(x_i)_c − [c = t_i]) / N`.
// NOTE: fused primitive (log-sum-exp shifted by the row max) for numerical stability and speed.
public func crossEntropy(logits: Tensor, targets: [Int]) -> Tensor {
    precondition(logits.shape.count == 2, "crossEntropy logits must be [N, C], got \(logits.shape)")
    let rows = logits.shape[0], classes = logits.shape[1]
    precondition(targets.count == rows, "\(targets.count) targets for \(rows) rows")
    var probabilities = [Float](repeating: 0, count: logits.count)
    var total: Double = 0
    logits.data.withUnsafeBufferPointer { px in
        probabilities.withUnsafeMutableBufferPointer { pp in
            Tensor.softmaxRows(px.baseAddress!, pp.baseAddress!, outer: rows, n: classes, inner: 1, log: true)
            for (r, t) in targets.enumerated() {
                precondition(t >= 0 && t < classes, "target \(t) outside 0..<\(classes)")
                total -= Double(pp[r * classes + t])
            }
        }
    }
    let result = Tensor([Float(total / Double(rows))], shape: [])
    if Tensor.recording(logits) {
        result.record("crossEntropy", [logits]) { result in
            logits.ensureGrad()
            let scale = result.grad[0] / Float(rows)
            var softmax = [Float](repeating: 0, count: rows * classes)
            probabilities.withUnsafeBufferPointer { pp in
                softmax.withUnsafeMutableBufferPointer { ps in
                    if ps.count > 0 { FastMath.apply(ps.count, pp.baseAddress!, ps.baseAddress!) { FastMath.expNonPositive($0) } }
                }
            }
            softmax.withUnsafeBufferPointer { ps in
                logits.grad.withUnsafeMutableBufferPointer { pg in
                    for k in 0..<pg.count { pg[k] += ps[k] * scale }
                    for (r, t) in targets.enumerated() { pg[r * classes + t] -= scale }
                }
            }
        }
    }
    return result
}

/// `L = mean((ŷ − y)²)`, composed from primitives.
public func mse(_ prediction: Tensor, _ target: Tensor) -> Tensor {
    (prediction - target).squared().mean()
}

/// `L = mean(max(x, 0) − x·y + log(1 + e^{−|x|}))`, the stable form of
/// `−[y log σ(x) + (1 − y) log(1 − σ(x))]`. Backward: `∂L/∂x = (σ(x) − y)/N`, `∂L/∂y = −x/N`.
// NOTE: fused primitive for numerical stability.
public func bceWithLogits(_ logits: Tensor, _ targets: Tensor) -> Tensor {
    precondition(logits.shape == targets.shape, "bceWithLogits shapes differ: \(logits.shape) vs \(targets.shape)")
    let n = logits.count
    var total: Double = 0
    logits.data.withUnsafeBufferPointer { px in
        targets.data.withUnsafeBufferPointer { py in
            for i in 0..<n {
                let x = px[i]
                total += Double(Swift.max(x, 0) - x * py[i] + Math.log1p(FastMath.expNonPositive(-Swift.abs(x))))
            }
        }
    }
    let result = Tensor([Float(total / Double(n))], shape: [])
    if Tensor.recording(logits, targets) {
        result.record("bceWithLogits", [logits, targets]) { result in
            let scale = result.grad[0] / Float(n)
            if logits.requiresGrad {
                logits.ensureGrad()
                targets.data.withUnsafeBufferPointer { py in
                    logits.data.withUnsafeBufferPointer { px in
                        logits.grad.withUnsafeMutableBufferPointer { pg in
                            for i in 0..<n { pg[i] += (FastMath.sigmoid(px[i]) - py[i]) * scale }
                        }
                    }
                }
            }
            if targets.requiresGrad {
                targets.ensureGrad()
                logits.data.withUnsafeBufferPointer { px in
                    targets.grad.withUnsafeMutableBufferPointer { pg in
                        for i in 0..<n { pg[i] -= px[i] * scale }
                    }
                }
            }
        }
    }
    return result
}
