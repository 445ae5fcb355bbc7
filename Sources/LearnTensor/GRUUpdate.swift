/// The GRU cell update from the two halves of the gate pre-activations, `x = x_t W_ihᵀ + b_ih`
/// and `u = h_prev W_hhᵀ + b_hh` (each `[B, 3H]`, blocks r, z, n), and `h_prev` `[B, H]`:
///
///     r = σ(x_r + u_r),  z = σ(x_z + u_z)
///     n = tanh(x_n + r ⊙ u_n)
///     h = (1 − z) ⊙ n + z ⊙ h_prev
///
/// Returns `h` in the graph and the gates `[r, z, n]`, each `[B, H]`, as values only (for display).
/// Backward, with `a_n = x_n + r ⊙ u_n`:
///
///     ∂a_n = ∂h ⊙ (1 − z) ⊙ (1 − n²):          ∂x_n += ∂a_n,  ∂u_n += ∂a_n ⊙ r
///     ∂a_r = ∂a_n ⊙ u_n ⊙ r(1 − r):            ∂x_r += ∂a_r,  ∂u_r += ∂a_r
///     ∂a_z = ∂h ⊙ (h_prev − n) ⊙ z(1 − z):     ∂x_z += ∂a_z,  ∂u_z += ∂a_z
///     ∂h_prev += ∂h ⊙ z
// NOTE: fused primitive for speed: one pass per time step instead of about twelve ops.
public func gruUpdate(input x: Tensor, hidden u: Tensor, previous: Tensor) -> (h: Tensor, gates: [Tensor]) {
    precondition(x.shape.count == 2 && x.shape[1] % 3 == 0 && u.shape == x.shape,
                 "gru gate halves must both be [B, 3H], got \(x.shape) and \(u.shape)")
    let rows = x.shape[0], width = x.shape[1] / 3
    precondition(previous.shape == [rows, width], "gru state must be [\(rows), \(width)], got \(previous.shape)")
    let n = rows * width
    var r = [Float](repeating: 0, count: n), z = r, candidate = r, h = r
    x.data.withUnsafeBufferPointer { px in
        u.data.withUnsafeBufferPointer { pu in
            previous.data.withUnsafeBufferPointer { ph in
                for row in 0..<rows {
                    let base = row * 3 * width
                    for j in 0..<width {
                        let at = row * width + j
                        r[at] = FastMath.sigmoid(px[base + j] + pu[base + j])
                        z[at] = FastMath.sigmoid(px[base + width + j] + pu[base + width + j])
                        candidate[at] = FastMath.tanh(px[base + 2 * width + j] + r[at] * pu[base + 2 * width + j])
                        h[at] = (1 - z[at]) * candidate[at] + z[at] * ph[at]
                    }
                }
            }
        }
    }
    let hidden = Tensor(h, shape: [rows, width])
    let (gr, gz, gn) = (r, z, candidate)
    if Tensor.recording([x, u, previous]) {
        hidden.record("gruCell", [x, u, previous]) { hidden in
            // ∂a for the three blocks, laid out as x and u: [B, 3H].
            var da = [Float](repeating: 0, count: 3 * n)
            let prior = previous.data, hiddenPart = u.data
            hidden.grad.withUnsafeBufferPointer { dh in
                for row in 0..<rows {
                    let base = row * 3 * width
                    for j in 0..<width {
                        let at = row * width + j
                        let dn = dh[at] * (1 - gz[at]) * (1 - gn[at] * gn[at])
                        da[base + 2 * width + j] = dn
                        da[base + j] = dn * hiddenPart[base + 2 * width + j] * gr[at] * (1 - gr[at])
                        da[base + width + j] = dh[at] * (prior[at] - gn[at]) * gz[at] * (1 - gz[at])
                    }
                }
            }
            if x.requiresGrad {
                x.ensureGrad()
                x.grad.withUnsafeMutableBufferPointer { dx in
                    for k in 0..<(3 * n) { dx[k] += da[k] }
                }
            }
            if u.requiresGrad {
                for row in 0..<rows {
                    for j in 0..<width { da[row * 3 * width + 2 * width + j] *= gr[row * width + j] }
                }
                u.ensureGrad()
                u.grad.withUnsafeMutableBufferPointer { du in
                    for k in 0..<(3 * n) { du[k] += da[k] }
                }
            }
            if previous.requiresGrad {
                previous.ensureGrad()
                hidden.grad.withUnsafeBufferPointer { dh in
                    previous.grad.withUnsafeMutableBufferPointer { dp in
                        for at in 0..<n { dp[at] += dh[at] * gz[at] }
                    }
                }
            }
        }
    }
    return (hidden, [r, z, candidate].map { Tensor($0, shape: [rows, width]) })
}
