/// Row lookup `y[…, :] = table[index, :]` with `table [V, E]` → `y [shape…, E]`.
/// Backward scatters: `∂L/∂table[index] += ∂L/∂y[…]` for every occurrence of `index`.
public func embedding(_ table: Tensor, _ indices: [Int], shape: [Int]) -> Tensor {
    precondition(table.shape.count == 2, "embedding table must be [V, E], got \(table.shape)")
    precondition(Shape.count(shape) == indices.count, "\(indices.count) indices do not fill shape \(shape)")
    let vocab = table.shape[0], width = table.shape[1]
    let out = [Float](writing: indices.count * width) { py in
        table.data.withUnsafeBufferPointer { pt in
            for (r, index) in indices.enumerated() {
                precondition(index >= 0 && index < vocab, "embedding index \(index) outside 0..<\(vocab)")
                (py + r * width).initialize(from: pt.baseAddress! + index * width, count: width)
            }
        }
    }
    let result = Tensor(out, shape: shape + [width])
    if Tensor.recording(table) {
        result.record("embedding", [table]) { result in
            table.ensureGrad()
            result.grad.withUnsafeBufferPointer { pg in
                table.grad.withUnsafeMutableBufferPointer { pgt in
                    for (r, index) in indices.enumerated() {
                        Kernels.add(pg.baseAddress! + r * width, into: pgt.baseAddress! + index * width, count: width)
                    }
                }
            }
        }
    }
    return result
}
