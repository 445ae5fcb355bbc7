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
    // Saved for the backward pass, in blocks of n: r, z, n.
    var saved = [Float](repeating: 0, count: 3 * n)
    var h = [Float](repeating: 0, count: n)
    x.data.withUnsafeBufferPointer { px in
        u.data.withUnsafeBufferPointer { pu in
            previous.data.withUnsafeBufferPointer { pp in
                saved.withUnsafeMutableBufferPointer { ps in
                    h.withUnsafeMutableBufferPointer { ph in
                        let r = ps.baseAddress!, z = r + n, candidate = z + n
                        for row in 0..<rows {
                            let xr = px.baseAddress! + row * 3 * width, ur = pu.baseAddress! + row * 3 * width
                            let at = row * width
                            for j in 0..<width { r[at + j] = xr[j] + ur[j] }
                            FastMath.apply(width, r + at, r + at) { FastMath.sigmoid($0) }
                            for j in 0..<width { z[at + j] = xr[width + j] + ur[width + j] }
                            FastMath.apply(width, z + at, z + at) { FastMath.sigmoid($0) }
                            for j in 0..<width { candidate[at + j] = xr[2 * width + j] + r[at + j] * ur[2 * width + j] }
                            FastMath.apply(width, candidate + at, candidate + at) { FastMath.tanh($0) }
                        }
                        for k in 0..<n { ph[k] = (1 - z[k]) * candidate[k] + z[k] * pp[k] }
                    }
                }
            }
        }
    }
    let hidden = Tensor(h, shape: [rows, width])
    let values = saved
    if Tensor.recording([x, u, previous]) {
        hidden.record("gruCell", [x, u, previous]) { hidden in
            // ∂a for the three blocks, laid out as x and u: [B, 3H]; then ∂u's n block (× r).
            var da = [Float](repeating: 0, count: 3 * n), du = da
            values.withUnsafeBufferPointer { ps in
                hidden.grad.withUnsafeBufferPointer { dh in
                    u.data.withUnsafeBufferPointer { pu in
                        previous.data.withUnsafeBufferPointer { pp in
                            da.withUnsafeMutableBufferPointer { pa in
                                du.withUnsafeMutableBufferPointer { pdu in
                                    let r = ps.baseAddress!, z = r + n, candidate = z + n
                                    for row in 0..<rows {
                                        let base = row * 3 * width, at = row * width
                                        for j in 0..<width {
                                            let k = at + j
                                            let dn = dh[k] * (1 - z[k]) * (1 - candidate[k] * candidate[k])
                                            let dr = dn * pu[base + 2 * width + j] * r[k] * (1 - r[k])
                                            let dz = dh[k] * (pp[k] - candidate[k]) * z[k] * (1 - z[k])
                                            pa[base + j] = dr
                                            pa[base + width + j] = dz
                                            pa[base + 2 * width + j] = dn
                                            pdu[base + j] = dr
                                            pdu[base + width + j] = dz
                                            pdu[base + 2 * width + j] = dn * r[k]
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for (target, delta) in [(x, da), (u, du)] where target.requiresGrad {
                target.ensureGrad()
                delta.withUnsafeBufferPointer { pd in
                    target.grad.withUnsafeMutableBufferPointer { pt in
                        for k in 0..<(3 * n) { pt[k] += pd[k] }
                    }
                }
            }
            if previous.requiresGrad {
                previous.ensureGrad()
                values.withUnsafeBufferPointer { ps in
                    hidden.grad.withUnsafeBufferPointer { dh in
                        previous.grad.withUnsafeMutableBufferPointer { dp in
                            let z = ps.baseAddress! + n
                            for k in 0..<n { dp[k] += dh[k] * z[k] }
                        }
                    }
                }
            }
        }
    }
    let gates = (0..<3).map { Tensor(Array(saved[($0 * n)..<(($0 + 1) * n)]), shape: [rows, width]) }
    return (hidden, gates)
}
