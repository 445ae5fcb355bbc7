/// Softmax and log-softmax along an axis, both shifted by the maximum so `exp` never overflows.

extension Tensor {
    /// `y_j = e^{x_j − m} / Σ_k e^{x_k − m}`, `m = max_k x_k`.
    /// Backward: `∂L/∂x_j = y_j (g_j − Σ_k g_k y_k)`.
    // NOTE: fused primitive for numerical stability (and one pass instead of five ops).
    public func softmax(axis: Int = -1) -> Tensor { normalised(axis: axis, log: false) }

    /// `y_j = x_j − m − log Σ_k e^{x_k − m}`.
    /// Backward: `∂L/∂x_j = g_j − softmax(x)_j Σ_k g_k`, with `softmax(x)_j = e^{y_j}`.
    // NOTE: fused primitive for numerical stability.
    public func logSoftmax(axis: Int = -1) -> Tensor { normalised(axis: axis, log: true) }

    /// Softmax or log-softmax of every line along `axis`, with the backward above.
    private func normalised(axis: Int, log: Bool) -> Tensor {
        let ax = Shape.axis(axis, rank: shape.count)
        let (outer, n, inner) = Shape.around(shape, axis: ax)
        var out = [Float](repeating: 0, count: count)
        data.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { py in
                Tensor.softmaxRows(px.baseAddress!, py.baseAddress!, outer: outer, n: n, inner: inner, log: log)
            }
        }
        let result = Tensor(out, shape: shape)
        guard Tensor.recording(self) else { return result }
        result.record(log ? "logSoftmax" : "softmax", [self]) { result in
            self.ensureGrad()
            result.grad.withUnsafeBufferPointer { pg in
                result.data.withUnsafeBufferPointer { py in
                    self.grad.withUnsafeMutableBufferPointer { pgx in
                        for o in 0..<outer {
                            for i in 0..<inner {
                                let base = o * n * inner + i
                                var total: Float = 0
                                if log {
                                    for j in 0..<n { total += pg[base + j * inner] }
                                    for j in 0..<n {
                                        let at = base + j * inner
                                        pgx[at] += pg[at] - FastMath.expNonPositive(py[at]) * total
                                    }
                                } else {
                                    for j in 0..<n { total += pg[base + j * inner] * py[base + j * inner] }
                                    for j in 0..<n {
                                        let at = base + j * inner
                                        pgx[at] += py[at] * (pg[at] - total)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Writes softmax (or log-softmax) of every line along the middle axis of `[outer, n, inner]`.
    static func softmaxRows(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                            outer: Int, n: Int, inner: Int, log: Bool) {
        if inner == 1 { return softmaxContiguousRows(x, y, rows: outer, n: n, log: log) }
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * n * inner + i
                var m = -Float.infinity
                for j in 0..<n { m = Swift.max(m, x[base + j * inner]) }
                for j in 0..<n { y[base + j * inner] = x[base + j * inner] - m }
                FastMath.apply(n, y + base, y + base, stride: inner) { FastMath.expNonPositive($0) }
                var total: Float = 0
                for j in 0..<n { total += y[base + j * inner] }
                if log {
                    let shift = m + Math.log(total)
                    for j in 0..<n { y[base + j * inner] = x[base + j * inner] - shift }
                } else {
                    let scale = 1 / total
                    for j in 0..<n { y[base + j * inner] *= scale }
                }
            }
        }
    }

    /// The same for lines that are contiguous rows (the last axis: every loss and attention
    /// softmax), eight lanes at a time.
    private static func softmaxContiguousRows(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                                              rows: Int, n: Int, log: Bool) {
        for r in 0..<rows {
            let xr = x + r * n, yr = y + r * n
            var m = -Float.infinity
            for j in 0..<n { m = Swift.max(m, xr[j]) }
            FastMath.apply(n, xr, yr) { FastMath.expNonPositive($0 - m) }
            let total = Kernels.sum(yr, n)
            if log {
                let shift = m + Math.log(total)
                for j in 0..<n { yr[j] = xr[j] - shift }
            } else {
                let scale = 1 / total
                for j in 0..<n { yr[j] *= scale }
            }
        }
    }
}
