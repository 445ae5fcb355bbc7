/// Ops that move values without changing them: transpose, reshape, slice, split,
/// concatenate, stack. Each backward moves the gradient back the same way.

extension Tensor {
    /// Swaps two axes (default: the last two). The result is contiguous (values are copied).
    public func transposed(_ d0: Int = -2, _ d1: Int = -1) -> Tensor {
        let rank = shape.count
        let a0 = Shape.axis(d0, rank: rank), a1 = Shape.axis(d1, rank: rank)
        var outShape = shape
        outShape.swapAt(a0, a1)
        var inStrides = Shape.strides(shape)
        inStrides.swapAt(a0, a1)
        // Output element at index ι reads the input at Σ ι[d] · inStrides[d].
        let loop = StridedLoop(shape: outShape, a: inStrides, b: Shape.strides(outShape))
        var out = [Float](repeating: 0, count: count)
        let (n, sIn, sOut) = loop.row
        data.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { py in
                loop.forEachRow { _, ia, io in
                    for i in 0..<n { py[io + i * sOut] = px[ia + i * sIn] }
                }
            }
        }
        let result = Tensor(out, shape: outShape)
        if Tensor.recording(self) {
            result.record("transpose", [self]) { result in
                self.ensureGrad()
                result.grad.withUnsafeBufferPointer { pg in
                    self.grad.withUnsafeMutableBufferPointer { pgx in
                        loop.forEachRow { _, ia, io in
                            for i in 0..<n { pgx[ia + i * sIn] += pg[io + i * sOut] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// The same values in a new shape with the same count (one dim may be −1 = inferred).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var target = newShape
        if let unknown = target.firstIndex(of: -1) {
            target[unknown] = 1
            target[unknown] = count / Shape.count(target)
        }
        precondition(Shape.count(target) == count, "cannot reshape \(shape) to \(newShape)")
        let result = Tensor(data, shape: target)
        if Tensor.recording(self) {
            result.record("reshape", [self]) { result in
                self.ensureGrad()
                result.grad.withUnsafeBufferPointer { pg in
                    self.grad.withUnsafeMutableBufferPointer { pgx in
                        for i in pgx.indices { pgx[i] += pg[i] }
                    }
                }
            }
        }
        return result
    }

    /// Elements `range` along `axis`.
    public func slice(axis: Int, _ range: Range<Int>) -> Tensor {
        let ax = Shape.axis(axis, rank: shape.count)
        let (outer, n, inner) = Shape.around(shape, axis: ax)
        precondition(range.lowerBound >= 0 && range.upperBound <= n, "slice \(range) out of 0..<\(n)")
        let width = range.count * inner
        var out = [Float](repeating: 0, count: outer * width)
        data.withUnsafeBufferPointer { px in
            out.withUnsafeMutableBufferPointer { py in
                for o in 0..<outer {
                    (py.baseAddress! + o * width).update(from: px.baseAddress! + (o * n + range.lowerBound) * inner,
                                                         count: width)
                }
            }
        }
        var outShape = shape
        outShape[ax] = range.count
        let result = Tensor(out, shape: outShape)
        if Tensor.recording(self) {
            result.record("slice", [self]) { result in
                self.ensureGrad()
                result.grad.withUnsafeBufferPointer { pg in
                    self.grad.withUnsafeMutableBufferPointer { pgx in
                        for o in 0..<outer {
                            let dst = (o * n + range.lowerBound) * inner
                            for i in 0..<width { pgx[dst + i] += pg[o * width + i] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// `parts` equal slices along `axis` (e.g. the LSTM gates i, f, g, o).
    public func split(axis: Int, parts: Int) -> [Tensor] {
        let ax = Shape.axis(axis, rank: shape.count)
        precondition(parts > 0 && shape[ax] % parts == 0, "cannot split \(shape[ax]) into \(parts) parts")
        let size = shape[ax] / parts
        return (0..<parts).map { slice(axis: ax, ($0 * size)..<(($0 + 1) * size)) }
    }
}

/// Joins tensors along an existing axis; all other dims must match.
public func concat(_ ts: [Tensor], axis: Int) -> Tensor {
    precondition(!ts.isEmpty, "concat needs at least one tensor")
    let first = ts[0].shape
    let ax = Shape.axis(axis, rank: first.count)
    var outShape = first
    outShape[ax] = 0
    for t in ts {
        precondition(t.shape.count == first.count, "concat ranks differ")
        for d in 0..<first.count where d != ax { precondition(t.shape[d] == first[d], "concat shapes differ") }
        outShape[ax] += t.shape[ax]
    }
    let (outer, total, inner) = Shape.around(outShape, axis: ax)
    var out = [Float](repeating: 0, count: outer * total * inner)
    var offsets: [Int] = []
    var start = 0
    out.withUnsafeMutableBufferPointer { py in
        for t in ts {
            offsets.append(start)
            let width = t.shape[ax] * inner
            t.data.withUnsafeBufferPointer { px in
                for o in 0..<outer {
                    (py.baseAddress! + o * total * inner + start * inner).update(from: px.baseAddress! + o * width,
                                                                                 count: width)
                }
            }
            start += t.shape[ax]
        }
    }
    let result = Tensor(out, shape: outShape)
    if Tensor.recording(ts) {
        result.record("concat", ts) { result in
            result.grad.withUnsafeBufferPointer { pg in
                for (t, begin) in zip(ts, offsets) where t.requiresGrad {
                    t.ensureGrad()
                    let width = t.shape[ax] * inner
                    t.grad.withUnsafeMutableBufferPointer { pgx in
                        for o in 0..<outer {
                            let src = o * total * inner + begin * inner
                            for i in 0..<width { pgx[o * width + i] += pg[src + i] }
                        }
                    }
                }
            }
        }
    }
    return result
}

/// Joins equally shaped tensors along a new axis: each gets a dim of 1 there, then ``concat(_:axis:)``.
public func stack(_ ts: [Tensor], axis: Int) -> Tensor {
    precondition(!ts.isEmpty, "stack needs at least one tensor")
    let rank = ts[0].shape.count + 1
    let ax = Shape.axis(axis, rank: rank)
    return concat(ts.map { t in
        var s = t.shape
        s.insert(1, at: ax)
        return t.reshaped(s)
    }, axis: ax)
}
