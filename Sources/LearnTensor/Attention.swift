/// Causal multi-head scaled dot-product attention on projected `q`, `k`, `v`, each
/// `[B, T, C]`; head `h` reads the columns `h·d ..< (h+1)·d`, `d = C / heads`:
///
///     S = Q_h K_hᵀ / √d                 [T, T]
///     A = softmax_j(S + M)              M[i, j] = −∞ for j > i (position i sees 0…i)
///     Y_h = A V_h                       [T, d], written to the columns of head h of y [B, T, C]
///
/// Returns `y` (in the graph) and the weights `A` `[B, heads, T, T]` (values only, for display).
/// Backward, with `G = ∂L/∂Y_h`:
///
///     ∂L/∂A = G V_hᵀ,   ∂L/∂V_h = Aᵀ G
///     ∂L/∂S = A ⊙ (∂L/∂A − Σ_j (∂L/∂A ⊙ A)[·, j])      (softmax backward; 0 where masked)
///     ∂L/∂Q_h = ∂L/∂S K_h / √d,   ∂L/∂K_h = ∂L/∂Sᵀ Q_h / √d
// NOTE: fused primitive for speed: the heads are read in place (no split, transpose or
// concatenation copies) and scale, mask and softmax are one pass over each score row.
public func causalSelfAttention(q: Tensor, k: Tensor, v: Tensor, heads: Int) -> (output: Tensor, weights: Tensor) {
    precondition(q.shape.count == 3 && q.shape == k.shape && q.shape == v.shape,
                 "attention needs q, k, v of one shape [B, T, C], got \(q.shape), \(k.shape), \(v.shape)")
    let (b, t, c) = (q.shape[0], q.shape[1], q.shape[2])
    precondition(heads > 0 && c % heads == 0, "\(heads) heads do not divide width \(c)")
    let d = c / heads
    let scale = Float(d).squareRoot()
    var weights = [Float](repeating: 0, count: b * heads * t * t)
    let out = [Float](writing: b * t * c) { py in  // every head writes its columns of every row
        q.data.withUnsafeBufferPointer { pq in
            k.data.withUnsafeBufferPointer { pk in
                v.data.withUnsafeBufferPointer { pv in
                    weights.withUnsafeMutableBufferPointer { pa in
                        for batch in 0..<b {
                            for h in 0..<heads {
                                let column = batch * t * c + h * d
                                let scores = pa.baseAddress! + (batch * heads + h) * t * t
                                Kernels.gemm(m: t, n: t, k: d, a: pq.baseAddress! + column, lda: c, transA: false,
                                             b: pk.baseAddress! + column, ldb: c, transB: true,
                                             c: scores, ldc: t, accumulate: false)
                                maskedSoftmaxRows(scores, t: t, scale: scale)
                                Kernels.gemm(m: t, n: d, k: t, a: scores, lda: t, transA: false,
                                             b: pv.baseAddress! + column, ldb: c, transB: false,
                                             c: py + column, ldc: c, accumulate: false)
                            }
                        }
                    }
                }
            }
        }
    }
    let output = Tensor(out, shape: [b, t, c])
    let attention = weights
    if Tensor.recording([q, k, v]) {
        output.record("attention", [q, k, v]) { output in
            // Computed apart and added at the end, so q, k, v may be one tensor. Every head of
            // every batch writes its own columns of each, so they start unfilled.
            var dq = [Float](unfilled: q.requiresGrad ? q.count : 0)
            var dk = [Float](unfilled: k.requiresGrad ? k.count : 0)
            var dv = [Float](unfilled: v.requiresGrad ? v.count : 0)
            var dScores = [Float](repeating: 0, count: t * t)
            output.grad.withUnsafeBufferPointer { pg in
                attention.withUnsafeBufferPointer { pa in
                    q.data.withUnsafeBufferPointer { pq in
                        k.data.withUnsafeBufferPointer { pk in
                            v.data.withUnsafeBufferPointer { pv in
                                dq.withUnsafeMutableBufferPointer { gq in
                                    dk.withUnsafeMutableBufferPointer { gk in
                                        dv.withUnsafeMutableBufferPointer { gv in
                                            dScores.withUnsafeMutableBufferPointer { ds in
                                                for batch in 0..<b {
                                                    for h in 0..<heads {
                                                        let column = batch * t * c + h * d
                                                        attentionBackward(
                                                            t: t, d: d, ld: c, scale: scale,
                                                            a: pa.baseAddress! + (batch * heads + h) * t * t,
                                                            g: pg.baseAddress! + column, q: pq.baseAddress! + column,
                                                            k: pk.baseAddress! + column, v: pv.baseAddress! + column,
                                                            dq: q.requiresGrad ? gq.baseAddress! + column : nil,
                                                            dk: k.requiresGrad ? gk.baseAddress! + column : nil,
                                                            dv: v.requiresGrad ? gv.baseAddress! + column : nil,
                                                            ds: ds.baseAddress!)
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for (x, dx) in [(q, dq), (k, dk), (v, dv)] where x.requiresGrad {
                guard x.grad.count == x.count else {
                    x.grad = dx  // the first gradient to arrive
                    continue
                }
                dx.withUnsafeBufferPointer { pdx in
                    x.grad.withUnsafeMutableBufferPointer { gx in
                        for i in 0..<gx.count { gx[i] += pdx[i] }
                    }
                }
            }
        }
    }
    return (output, Tensor(attention, shape: [b, heads, t, t]))
}

/// In place on one `[t, t]` block of raw scores `S`: row `i` becomes
/// `softmax_j(S[i, j] / scale)` over `j ≤ i` (shifted by the row maximum) and 0 for `j > i`.
private func maskedSoftmaxRows(_ s: UnsafeMutablePointer<Float>, t: Int, scale: Float) {
    let inverseScale = 1 / scale
    for i in 0..<t {
        let row = s + i * t, seen = i + 1
        var m = -Float.infinity
        for j in 0..<seen { m = Swift.max(m, row[j]) }  // the scale is positive: the same maximum
        FastMath.apply(seen, row, row) { FastMath.expNonPositive(($0 - m) * inverseScale) }
        let inverse = 1 / Kernels.sum(row, seen)
        for j in 0..<seen { row[j] *= inverse }
        for j in seen..<t { row[j] = 0 }
    }
}

/// The backward of one head (see ``causalSelfAttention(q:k:v:heads:)``), writing the head's
/// columns of whichever of `dq`, `dk`, `dv` is given; `ds` is `[t, t]` scratch.
private func attentionBackward(t: Int, d: Int, ld: Int, scale: Float, a: UnsafePointer<Float>,
                               g: UnsafePointer<Float>, q: UnsafePointer<Float>, k: UnsafePointer<Float>,
                               v: UnsafePointer<Float>, dq: UnsafeMutablePointer<Float>?,
                               dk: UnsafeMutablePointer<Float>?, dv: UnsafeMutablePointer<Float>?,
                               ds: UnsafeMutablePointer<Float>) {
    if let dv {  // ∂L/∂V_h = Aᵀ G
        Kernels.gemm(m: t, n: d, k: t, a: a, lda: t, transA: true, b: g, ldb: ld, transB: false,
                     c: dv, ldc: ld, accumulate: false)
    }
    guard dq != nil || dk != nil else { return }
    // ∂L/∂A = G V_hᵀ
    Kernels.gemm(m: t, n: t, k: d, a: g, lda: ld, transA: false, b: v, ldb: ld, transB: true,
                 c: ds, ldc: t, accumulate: false)
    // ∂L/∂S = A ⊙ (∂L/∂A − rowsum(∂L/∂A ⊙ A)) / √d, zero above the diagonal (A is 0 there).
    for i in 0..<t {
        let row = ds + i * t, weights = a + i * t
        var dot: Float = 0
        for j in 0...i { dot += row[j] * weights[j] }
        for j in 0...i { row[j] = weights[j] * (row[j] - dot) / scale }
        for j in (i + 1)..<t { row[j] = 0 }
    }
    if let dq {  // ∂L/∂Q_h = ∂L/∂S K_h
        Kernels.gemm(m: t, n: d, k: t, a: ds, lda: t, transA: false, b: k, ldb: ld, transB: false,
                     c: dq, ldc: ld, accumulate: false)
    }
    if let dk {  // ∂L/∂K_h = ∂L/∂Sᵀ Q_h
        Kernels.gemm(m: t, n: d, k: t, a: ds, lda: t, transA: true, b: q, ldb: ld, transB: false,
                     c: dk, ldc: ld, accumulate: false)
    }
}
