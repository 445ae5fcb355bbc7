/// Sums, means and maxima along an axis (or over everything).

extension Tensor {
    /// `y[o, i] = Σ_j x[o, j, i]` along `axis`, or the sum of all elements (shape `[]`) when
    /// `axis` is nil. Backward: every `x[o, j, i]` receives `∂L/∂y[o, i]`.
    public func sum(axis: Int? = nil, keepDims: Bool = false) -> Tensor {
        guard let axis else {
            var total: Float = 0
            data.withUnsafeBufferPointer { for v in $0 { total += v } }
            let result = Tensor([total], shape: keepDims ? [Int](repeating: 1, count: shape.count) : [])
            if Tensor.recording(self) {
                result.record("sum", [self]) { result in
                    let g = result.grad[0]
                    self.ensureGrad()
                    self.grad.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] += g } }
                }
            }
            return result
        }
        let ax = Shape.axis(axis, rank: shape.count)
        let (outer, n, inner) = Shape.around(shape, axis: ax)
        var out = [Float](repeating: 0, count: outer * inner)
        data.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { py in
                for o in 0..<outer {
                    for j in 0..<n {
                        let src = o * n * inner + j * inner
                        for i in 0..<inner { py[o * inner + i] += px[src + i] }
                    }
                }
            }
        }
        let result = Tensor(out, shape: reducedShape(ax, keepDims: keepDims))
        if Tensor.recording(self) {
            result.record("sum", [self]) { result in
                self.ensureGrad()
                result.grad.withUnsafeBufferPointer { pg in
                    self.grad.withUnsafeMutableBufferPointer { pgx in
                        for o in 0..<outer {
                            for j in 0..<n {
                                let dst = o * n * inner + j * inner
                                for i in 0..<inner { pgx[dst + i] += pg[o * inner + i] }
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// `sum / n` where `n` is the number of elements summed; composed from ``sum(axis:keepDims:)``.
    public func mean(axis: Int? = nil, keepDims: Bool = false) -> Tensor {
        let n = axis.map { shape[Shape.axis($0, rank: shape.count)] } ?? count
        return sum(axis: axis, keepDims: keepDims) / Float(n)
    }

    /// `y[o, i] = max_j x[o, j, i]`. Backward: the gradient goes to the first maximal element.
    public func max(axis: Int, keepDims: Bool = false) -> Tensor {
        let ax = Shape.axis(axis, rank: shape.count)
        let (outer, n, inner) = Shape.around(shape, axis: ax)
        precondition(n > 0, "max over an empty axis")
        var out = [Float](repeating: 0, count: outer * inner)
        var arg = [Int](repeating: 0, count: outer * inner)
        data.withUnsafeBufferPointer { px in
            for o in 0..<outer {
                for i in 0..<inner {
                    var best = px[o * n * inner + i], at = 0
                    for j in 1..<n where px[(o * n + j) * inner + i] > best {
                        best = px[(o * n + j) * inner + i]
                        at = j
                    }
                    out[o * inner + i] = best
                    arg[o * inner + i] = (o * n + at) * inner + i
                }
            }
        }
        let result = Tensor(out, shape: reducedShape(ax, keepDims: keepDims))
        if Tensor.recording(self) {
            result.record("max", [self]) { result in
                self.ensureGrad()
                result.grad.withUnsafeBufferPointer { pg in
                    self.grad.withUnsafeMutableBufferPointer { pgx in
                        for (r, src) in arg.enumerated() { pgx[src] += pg[r] }
                    }
                }
            }
        }
        return result
    }

    private func reducedShape(_ axis: Int, keepDims: Bool) -> [Int] {
        var s = shape
        if keepDims { s[axis] = 1 } else { s.remove(at: axis) }
        return s
    }
}
