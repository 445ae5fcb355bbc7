/// Matrix products, both running on ``Kernels/gemm(m:n:k:a:transA:b:transB:c:accumulate:)``
/// forward and backward.
///
/// For `C = A · B`: `∂L/∂A = ∂L/∂C · Bᵀ` and `∂L/∂B = Aᵀ · ∂L/∂C`.

/// Matrix product. Shapes: `[m, k] × [k, n] → [m, n]`; batched `[…, m, k] × […, k, n] → […, m, n]`
/// (same leading dims); `[…, m, k] × [k, n] → […, m, n]` (the matrix is shared by every batch).
public func matmul(_ a: Tensor, _ b: Tensor) -> Tensor {
    precondition(a.shape.count >= 2 && b.shape.count >= 2, "matmul needs matrices, got \(a.shape) and \(b.shape)")
    let m = a.shape[a.shape.count - 2], k = a.shape[a.shape.count - 1]
    let n = b.shape[b.shape.count - 1]
    precondition(b.shape[b.shape.count - 2] == k, "matmul inner sizes differ: \(a.shape) × \(b.shape)")
    let sharedB = b.shape.count == 2
    precondition(sharedB || a.shape.dropLast(2) == b.shape.dropLast(2),
                 "matmul batch dims differ: \(a.shape) × \(b.shape)")
    // With a shared B, all batches of A are one tall matrix [batch·m, k].
    let batches = sharedB ? 1 : Shape.count(Array(a.shape.dropLast(2)))
    let rows = sharedB ? a.count / k : m
    let out = [Float](writing: batches * rows * n) { pc in
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                for t in 0..<batches {
                    Kernels.gemm(m: rows, n: n, k: k, a: pa.baseAddress! + t * rows * k, transA: false,
                                 b: pb.baseAddress! + t * k * n, transB: false,
                                 c: pc + t * rows * n, accumulate: false)
                }
            }
        }
    }
    let result = Tensor(out, shape: Array(a.shape.dropLast()) + [n])
    if Tensor.recording(a, b) {
        result.record("matmul", [a, b]) { result in
            result.grad.withUnsafeBufferPointer { pg in
                let pg = pg.baseAddress!
                if a.requiresGrad {
                    b.data.withUnsafeBufferPointer { pb in
                        a.addToGrad { pga, fresh in
                            for t in 0..<batches {  // dA = dC · Bᵀ
                                Kernels.gemm(m: rows, n: k, k: n, a: pg + t * rows * n, transA: false,
                                             b: pb.baseAddress! + t * k * n, transB: true,
                                             c: pga + t * rows * k, accumulate: !fresh)
                            }
                        }
                    }
                }
                if b.requiresGrad {
                    a.data.withUnsafeBufferPointer { pa in
                        b.addToGrad { pgb, fresh in
                            for t in 0..<batches {  // dB = Aᵀ · dC
                                Kernels.gemm(m: k, n: n, k: rows, a: pa.baseAddress! + t * rows * k, transA: true,
                                             b: pg + t * rows * n, transB: false,
                                             c: pgb + t * k * n, accumulate: !fresh)
                            }
                        }
                    }
                }
            }
        }
    }
    return result
}

/// Affine layer `y = x Wᵀ + b` with `x [..., in]`, `W [out, in]`, `b [out]` → `y [..., out]`.
/// Backward: `∂L/∂x = ∂L/∂y · W`, `∂L/∂W = (∂L/∂y)ᵀ · x`, `∂L/∂b = Σ_rows ∂L/∂y`.
// NOTE: fused (one gemm that adds the bias as it writes, no transposed copy of W) for speed.
public func linear(_ x: Tensor, weight: Tensor, bias: Tensor?) -> Tensor {
    precondition(weight.shape.count == 2, "linear weight must be [out, in], got \(weight.shape)")
    let outF = weight.shape[0], inF = weight.shape[1]
    precondition(x.shape.last == inF, "linear input \(x.shape) does not end in \(inF)")
    if let bias { precondition(bias.shape == [outF], "linear bias must be [\(outF)], got \(bias.shape)") }
    let rows = x.count / inF
    let out = [Float](writing: rows * outF) { po in
        x.data.withUnsafeBufferPointer { px in
            weight.data.withUnsafeBufferPointer { pw in
                (bias?.data ?? []).withUnsafeBufferPointer { pb in
                    Kernels.gemm(m: rows, n: outF, k: inF, a: px.baseAddress!, transA: false, b: pw.baseAddress!,
                                 transB: true, c: po, accumulate: false, bias: bias == nil ? nil : pb.baseAddress!)
                }
            }
        }
    }
    let result = Tensor(out, shape: Array(x.shape.dropLast()) + [outF])
    let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
    if Tensor.recording(inputs) {
        result.record("linear", inputs) { result in
            result.grad.withUnsafeBufferPointer { pg in
                let pg = pg.baseAddress!
                if x.requiresGrad {
                    weight.data.withUnsafeBufferPointer { pw in
                        x.addToGrad { pgx, fresh in
                            Kernels.gemm(m: rows, n: inF, k: outF, a: pg, transA: false, b: pw.baseAddress!,
                                         transB: false, c: pgx, accumulate: !fresh)
                        }
                    }
                }
                if weight.requiresGrad {
                    weight.ensureGrad()
                    x.data.withUnsafeBufferPointer { px in
                        weight.grad.withUnsafeMutableBufferPointer { pgw in
                            Kernels.gemm(m: outF, n: inF, k: rows, a: pg, transA: true, b: px.baseAddress!,
                                         transB: false, c: pgw.baseAddress!, accumulate: true)
                        }
                    }
                }
                if let bias, bias.requiresGrad {
                    bias.ensureGrad()
                    bias.grad.withUnsafeMutableBufferPointer { pgb in
                        Kernels.addColumnSums(pg, rows: rows, width: outF, into: pgb.baseAddress!)
                    }
                }
            }
        }
    }
    return result
}
