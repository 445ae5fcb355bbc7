/// Elementwise arithmetic with NumPy/PyTorch broadcasting.
///
/// For `c = a ∘ b` broadcast to a common shape, the gradient of an input is the output
/// gradient times the local derivative, summed over every position the input was
/// broadcast to: `∂L/∂a[i] = Σ_{j ↦ i} ∂L/∂c[j] · ∂c[j]/∂a[i]`. The backward loops walk
/// the same strided rows as the forward loop, so that sum happens in place.

/// Forward of a broadcast binary op: `out[j] = f(a[j↦], b[j↦])`.
@inline(__always)
private func broadcastForward(_ a: Tensor, _ b: Tensor, _ f: (Float, Float) -> Float) -> (Tensor, StridedLoop) {
    let shape = a.shape == b.shape ? a.shape : Shape.broadcast(a.shape, b.shape)
    let loop = StridedLoop(shape: shape, a: Shape.broadcastStrides(a.shape, to: shape),
                           b: Shape.broadcastStrides(b.shape, to: shape))
    let (n, sa, sb) = loop.row
    let out = [Float](writing: Shape.count(shape)) { po in  // every row of the loop is written
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                let pa = pa.baseAddress!, pb = pb.baseAddress!
                loop.forEachRow { o, ia, ib in
                    if sa == 1 && sb == 1 {
                        for i in 0..<n { po[o + i] = f(pa[ia + i], pb[ib + i]) }
                    } else if sb == 0 {
                        let y = pb[ib]
                        for i in 0..<n { po[o + i] = f(pa[ia + i * sa], y) }
                    } else if sa == 0 {
                        let x = pa[ia]
                        for i in 0..<n { po[o + i] = f(x, pb[ib + i * sb]) }
                    } else {
                        for i in 0..<n { po[o + i] = f(pa[ia + i * sa], pb[ib + i * sb]) }
                    }
                }
            }
        }
    }
    return (Tensor(out, shape: shape), loop)
}

/// Backward into one input of a broadcast binary op:
/// `target.grad[j↦] += g[j] · d(a[j↦], b[j↦], out[j])`, for `target` = a (`intoA`) or b.
@inline(__always)
private func broadcastBackward(_ out: Tensor, _ a: Tensor, _ b: Tensor, _ loop: StridedLoop, intoA: Bool,
                               _ d: (Float, Float, Float) -> Float) {
    let target = intoA ? a : b
    if a.shape == b.shape {  // one contiguous run: no broadcast to sum over
        out.grad.withUnsafeBufferPointer { pg in
            out.data.withUnsafeBufferPointer { py in
                a.data.withUnsafeBufferPointer { pa in
                    b.data.withUnsafeBufferPointer { pb in
                        target.accumulateGrad { i in pg[i] * d(pa[i], pb[i], py[i]) }
                    }
                }
            }
        }
        return
    }
    target.ensureGrad()
    let (n, sa, sb) = loop.row
    let st = intoA ? sa : sb
    out.grad.withUnsafeBufferPointer { pg in
        out.data.withUnsafeBufferPointer { py in
            a.data.withUnsafeBufferPointer { pa in
                b.data.withUnsafeBufferPointer { pb in
                    target.grad.withUnsafeMutableBufferPointer { pt in
                        let pg = pg.baseAddress!, py = py.baseAddress!
                        let pa = pa.baseAddress!, pb = pb.baseAddress!, pt = pt.baseAddress!
                        loop.forEachRow { o, ia, ib in
                            let it = intoA ? ia : ib
                            if sa == 1 && sb == 1 {
                                for i in 0..<n { pt[it + i] += pg[o + i] * d(pa[ia + i], pb[ib + i], py[o + i]) }
                            } else if st == 0 {
                                var total: Float = 0
                                for i in 0..<n { total += pg[o + i] * d(pa[ia + i * sa], pb[ib + i * sb], py[o + i]) }
                                pt[it] += total
                            } else {
                                for i in 0..<n {
                                    pt[it + i * st] += pg[o + i] * d(pa[ia + i * sa], pb[ib + i * sb], py[o + i])
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `a + b`; ∂/∂a = 1, ∂/∂b = 1.
public func + (a: Tensor, b: Tensor) -> Tensor {
    let (out, loop) = broadcastForward(a, b, +)
    if Tensor.recording(a, b) {
        out.record("+", [a, b]) { out in
            if a.requiresGrad { broadcastBackward(out, a, b, loop, intoA: true) { _, _, _ in 1 } }
            if b.requiresGrad { broadcastBackward(out, a, b, loop, intoA: false) { _, _, _ in 1 } }
        }
    }
    return out
}

/// `a − b`; ∂/∂a = 1, ∂/∂b = −1.
public func - (a: Tensor, b: Tensor) -> Tensor {
    let (out, loop) = broadcastForward(a, b, -)
    if Tensor.recording(a, b) {
        out.record("-", [a, b]) { out in
            if a.requiresGrad { broadcastBackward(out, a, b, loop, intoA: true) { _, _, _ in 1 } }
            if b.requiresGrad { broadcastBackward(out, a, b, loop, intoA: false) { _, _, _ in -1 } }
        }
    }
    return out
}

/// `a ⊙ b`; ∂/∂a = b, ∂/∂b = a.
public func * (a: Tensor, b: Tensor) -> Tensor {
    let (out, loop) = broadcastForward(a, b, *)
    if Tensor.recording(a, b) {
        out.record("*", [a, b]) { out in
            if a.requiresGrad { broadcastBackward(out, a, b, loop, intoA: true) { _, y, _ in y } }
            if b.requiresGrad { broadcastBackward(out, a, b, loop, intoA: false) { x, _, _ in x } }
        }
    }
    return out
}

/// `a / b`; ∂/∂a = 1/b, ∂/∂b = −a/b² = −out/b.
public func / (a: Tensor, b: Tensor) -> Tensor {
    let (out, loop) = broadcastForward(a, b, /)
    if Tensor.recording(a, b) {
        out.record("/", [a, b]) { out in
            if a.requiresGrad { broadcastBackward(out, a, b, loop, intoA: true) { _, y, _ in 1 / y } }
            if b.requiresGrad { broadcastBackward(out, a, b, loop, intoA: false) { _, y, q in -q / y } }
        }
    }
    return out
}
