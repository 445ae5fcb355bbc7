/// Causal attention masks.

/// The `t × t` causal mask, row-major: entry `[i, j]` is true (masked) when `j > i`,
/// so position `i` sees only positions `0…i`.
public func causalMask(_ t: Int) -> [Bool] {
    var mask = [Bool](repeating: false, count: t * t)
    for i in 0..<t {
        for j in (i + 1)..<Swift.max(t, i + 1) { mask[i * t + j] = true }
    }
    return mask
}

extension Tensor {
    /// `y = value` where `mask` is true, else `x`. The mask covers a trailing block of the
    /// shape (e.g. the last two dims `[T, T]` of `[B, h, T, T]`) and repeats over the leading dims.
    /// Backward: the gradient passes where the mask is false and is 0 where it is true.
    public func maskedFill(_ mask: [Bool], value: Float) -> Tensor {
        precondition(!mask.isEmpty && count % mask.count == 0,
                     "mask of \(mask.count) does not tile shape \(shape)")
        let block = mask.count
        var out = data
        mask.withUnsafeBufferPointer { pm in
            out.withUnsafeMutableBufferPointer { py in
                var start = 0
                while start < py.count {
                    for i in 0..<block where pm[i] { py[start + i] = value }
                    start += block
                }
            }
        }
        let result = Tensor(out, shape: shape)
        if Tensor.recording(self) {
            result.record("maskedFill", [self]) { result in
                self.ensureGrad()
                mask.withUnsafeBufferPointer { pm in
                    result.grad.withUnsafeBufferPointer { pg in
                        self.grad.withUnsafeMutableBufferPointer { pgx in
                            for k in 0..<pgx.count where !pm[k % block] { pgx[k] += pg[k] }
                        }
                    }
                }
            }
        }
        return result
    }
}
