/// The global gradient norm `‖g‖ = √(Σ_p Σ_i g_{p,i}²)` over all parameters (summed in Double).
public func gradNorm(_ params: [Tensor]) -> Float {
    var total: Double = 0
    for p in params {
        p.grad.withUnsafeBufferPointer { pg in
            for g in pg { total += Double(g) * Double(g) }
        }
    }
    return Float(total.squareRoot())
}

/// As `torch.nn.utils.clip_grad_norm_`: scales every gradient by
/// `min(1, maxNorm / (‖g‖ + 1e-6))` and returns `‖g‖` from before the scaling.
@discardableResult
public func clipGradNorm(_ params: [Tensor], maxNorm: Float) -> Float {
    let norm = gradNorm(params)
    let coefficient = maxNorm / (norm + 1e-6)
    if coefficient < 1 {
        for p in params {
            p.grad.withUnsafeMutableBufferPointer { pg in
                for i in pg.indices { pg[i] *= coefficient }
            }
        }
    }
    return norm
}
