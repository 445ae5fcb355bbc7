/// Row lookup `y[…, :] = table[index, :]` with `table [V, E]` → `y [shape…, E]`.
/// Backward scatters: `∂L/∂table[index] += ∂L/∂y[…]` for every occurrence of `index`.
public func embedding(_ table: Tensor, _ indices: [Int], shape: [Int]) -> Tensor {
    precondition(table.shape.count == 2, "embedding table must be [V, E], got \(table.shape)")
    precondition(Shape.count(shape) == indices.count, "\(indices.count) indices do not fill shape \(shape)")
    let vocab = table.shape[0], width = table.shape[1]
    var out = [Float](repeating: 0, count: indices.count * width)
    table.data.withUnsafeBufferPointer { pt in
        out.withUnsafeMutableBufferPointer { py in
            for (r, index) in indices.enumerated() {
                precondition(index >= 0 && index < vocab, "embedding index \(index) outside 0..<\(vocab)")
                (py.baseAddress! + r * width).update(from: pt.baseAddress! + index * width, count: width)
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
                        for i in 0..<width { pgt[index * width + i] += pg[r * width + i] }
                    }
                }
            }
        }
    }
    return result
}
