/// The LSTM cell update from the gate pre-activations `z = x W_ihᵀ + b_ih + h W_hhᵀ + b_hh`
/// `[B, 4H]` (blocks i, f, g, o) and the previous cell state `c_prev` `[B, H]`:
///
///     i = σ(z_i),  f = σ(z_f),  g = tanh(z_g),  o = σ(z_o)
///     c = f ⊙ c_prev + i ⊙ g
///     h = o ⊙ tanh(c)
///
/// Returns `h` and `c` in the graph (h's op reads c, so c's backward runs once ∂L/∂c has every
/// term), and the gates `[i, f, g, o]`, each `[B, H]`, as values only (for display).
/// Backward:
///
///     h:  ∂z_o += ∂h ⊙ tanh(c) ⊙ o(1 − o),   ∂c += ∂h ⊙ o ⊙ (1 − tanh²(c))
///     c:  ∂z_i += ∂c ⊙ g ⊙ i(1 − i),   ∂z_f += ∂c ⊙ c_prev ⊙ f(1 − f),
///         ∂z_g += ∂c ⊙ i ⊙ (1 − g²),   ∂c_prev += ∂c ⊙ f
// NOTE: fused primitive for speed: one pass per time step instead of about twelve ops.
public func lstmUpdate(_ z: Tensor, cell previous: Tensor) -> (h: Tensor, c: Tensor, gates: [Tensor]) {
    precondition(z.shape.count == 2 && z.shape[1] % 4 == 0, "lstm gates must be [B, 4H], got \(z.shape)")
    let rows = z.shape[0], width = z.shape[1] / 4
    precondition(previous.shape == [rows, width], "lstm cell state must be [\(rows), \(width)], got \(previous.shape)")
    let n = rows * width
    // Saved for the backward pass, in blocks of n: i, f, g, o, tanh(c).
    var saved = [Float](repeating: 0, count: 5 * n)
    var c = [Float](repeating: 0, count: n), h = c
    z.data.withUnsafeBufferPointer { pz in
        previous.data.withUnsafeBufferPointer { pp in
            saved.withUnsafeMutableBufferPointer { ps in
                c.withUnsafeMutableBufferPointer { pc in
                    h.withUnsafeMutableBufferPointer { ph in
                        let i = ps.baseAddress!, f = i + n, g = f + n, o = g + n, tanhC = o + n
                        for r in 0..<rows {
                            let zr = pz.baseAddress! + r * 4 * width, at = r * width
                            FastMath.apply(width, zr, i + at) { FastMath.sigmoid($0) }
                            FastMath.apply(width, zr + width, f + at) { FastMath.sigmoid($0) }
                            FastMath.apply(width, zr + 2 * width, g + at) { FastMath.tanh($0) }
                            FastMath.apply(width, zr + 3 * width, o + at) { FastMath.sigmoid($0) }
                        }
                        for k in 0..<n { pc[k] = f[k] * pp[k] + i[k] * g[k] }
                        FastMath.apply(n, pc.baseAddress!, tanhC) { FastMath.tanh($0) }
                        for k in 0..<n { ph[k] = o[k] * tanhC[k] }
                    }
                }
            }
        }
    }
    let cell = Tensor(c, shape: [rows, width])
    let hidden = Tensor(h, shape: [rows, width])
    let values = saved
    if Tensor.recording(z, previous) {
        cell.record("lstmCell", [z, previous]) { cell in
            values.withUnsafeBufferPointer { ps in
                cell.grad.withUnsafeBufferPointer { dc in
                    let i = ps.baseAddress!, f = i + n, g = f + n
                    if z.requiresGrad {
                        z.ensureGrad()
                        previous.data.withUnsafeBufferPointer { pp in
                            z.grad.withUnsafeMutableBufferPointer { pz in
                                for r in 0..<rows {
                                    let dz = pz.baseAddress! + r * 4 * width, at = r * width
                                    for j in 0..<width {
                                        let k = at + j
                                        dz[j] += dc[k] * g[k] * i[k] * (1 - i[k])
                                        dz[width + j] += dc[k] * pp[k] * f[k] * (1 - f[k])
                                        dz[2 * width + j] += dc[k] * i[k] * (1 - g[k] * g[k])
                                    }
                                }
                            }
                        }
                    }
                    if previous.requiresGrad {
                        previous.ensureGrad()
                        previous.grad.withUnsafeMutableBufferPointer { dp in
                            for k in 0..<n { dp[k] += dc[k] * f[k] }
                        }
                    }
                }
            }
        }
    }
    if Tensor.recording(z, cell) {
        hidden.record("lstmHidden", [z, cell]) { hidden in
            values.withUnsafeBufferPointer { ps in
                hidden.grad.withUnsafeBufferPointer { dh in
                    let o = ps.baseAddress! + 3 * n, tanhC = o + n
                    if z.requiresGrad {
                        z.ensureGrad()
                        z.grad.withUnsafeMutableBufferPointer { pz in
                            for r in 0..<rows {
                                let dz = pz.baseAddress! + r * 4 * width + 3 * width, at = r * width
                                for j in 0..<width {
                                    let k = at + j
                                    dz[j] += dh[k] * tanhC[k] * o[k] * (1 - o[k])
                                }
                            }
                        }
                    }
                    if cell.requiresGrad {
                        cell.ensureGrad()
                        cell.grad.withUnsafeMutableBufferPointer { dc in
                            for k in 0..<n { dc[k] += dh[k] * o[k] * (1 - tanhC[k] * tanhC[k]) }
                        }
                    }
                }
            }
        }
    }
    let gates = (0..<4).map { Tensor(Array(saved[($0 * n)..<(($0 + 1) * n)]), shape: [rows, width]) }
    return (hidden, cell, gates)
}
