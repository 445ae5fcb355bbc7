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
    var i = [Float](repeating: 0, count: n), f = i, g = i, o = i, c = i, tanhC = i, h = i
    z.data.withUnsafeBufferPointer { pz in
        previous.data.withUnsafeBufferPointer { pc in
            for r in 0..<rows {
                let zr = r * 4 * width
                for j in 0..<width {
                    let at = r * width + j
                    i[at] = FastMath.sigmoid(pz[zr + j])
                    f[at] = FastMath.sigmoid(pz[zr + width + j])
                    g[at] = FastMath.tanh(pz[zr + 2 * width + j])
                    o[at] = FastMath.sigmoid(pz[zr + 3 * width + j])
                    c[at] = f[at] * pc[at] + i[at] * g[at]
                    tanhC[at] = FastMath.tanh(c[at])
                    h[at] = o[at] * tanhC[at]
                }
            }
        }
    }
    let cell = Tensor(c, shape: [rows, width])
    let hidden = Tensor(h, shape: [rows, width])
    let (gi, gf, gg, go) = (i, f, g, o)
    if Tensor.recording(z, previous) {
        cell.record("lstmCell", [z, previous]) { cell in
            let prior = previous.data
            if z.requiresGrad {
                z.ensureGrad()
                cell.grad.withUnsafeBufferPointer { dc in
                    z.grad.withUnsafeMutableBufferPointer { dz in
                        for r in 0..<rows {
                            let zr = r * 4 * width
                            for j in 0..<width {
                                let at = r * width + j
                                dz[zr + j] += dc[at] * gg[at] * gi[at] * (1 - gi[at])
                                dz[zr + width + j] += dc[at] * prior[at] * gf[at] * (1 - gf[at])
                                dz[zr + 2 * width + j] += dc[at] * gi[at] * (1 - gg[at] * gg[at])
                            }
                        }
                    }
                }
            }
            if previous.requiresGrad {
                previous.ensureGrad()
                cell.grad.withUnsafeBufferPointer { dc in
                    previous.grad.withUnsafeMutableBufferPointer { dp in
                        for at in 0..<n { dp[at] += dc[at] * gf[at] }
                    }
                }
            }
        }
    }
    if Tensor.recording(z, cell) {
        hidden.record("lstmHidden", [z, cell]) { hidden in
            if z.requiresGrad {
                z.ensureGrad()
                hidden.grad.withUnsafeBufferPointer { dh in
                    z.grad.withUnsafeMutableBufferPointer { dz in
                        for r in 0..<rows {
                            let zr = r * 4 * width + 3 * width
                            for j in 0..<width {
                                let at = r * width + j
                                dz[zr + j] += dh[at] * tanhC[at] * go[at] * (1 - go[at])
                            }
                        }
                    }
                }
            }
            if cell.requiresGrad {
                cell.ensureGrad()
                hidden.grad.withUnsafeBufferPointer { dh in
                    cell.grad.withUnsafeMutableBufferPointer { dc in
                        for at in 0..<n { dc[at] += dh[at] * go[at] * (1 - tanhC[at] * tanhC[at]) }
                    }
                }
            }
        }
    }
    return (hidden, cell, [i, f, g, o].map { Tensor($0, shape: [rows, width]) })
}
