/// `y = x Wᵀ + b` for a weight used at every step of a recurrence (`h_{t−1} W_hhᵀ + b_hh`),
/// with the weight's share of the work done once for all steps instead of once per step:
///
/// - forward: `Wᵀ` is packed for the matrix kernel when the recurrence starts;
/// - backward: a step passes on only `∂L/∂x = ∂L/∂y · W`; then `∂L/∂W = Σ_t ∂L/∂y_tᵀ x_t` and
///   `∂L/∂b = Σ_t Σ_rows ∂L/∂y_t` are one matrix product over all steps, taken by a node
///   that every step depends on — so the backward pass reaches it after the last step.
///
/// The same values as `linear(x, weight:bias:)` at every step, up to summation order.
// NOTE: fused for speed: one weight-gradient product with depth T·B instead of T with depth B.
public final class StepLinear {
    public let weight: Tensor
    public let bias: Tensor
    private let packed: Kernels.PackedB
    /// The node the steps hang from; its backward computes the weight and bias gradients.
    private let shared = Tensor([], shape: [0])
    private let steps = Steps()

    public init(weight: Tensor, bias: Tensor) {
        precondition(weight.shape.count == 2 && bias.shape == [weight.shape[0]],
                     "step linear needs weight [out, in] and bias [out], got \(weight.shape) and \(bias.shape)")
        self.weight = weight
        self.bias = bias
        packed = weight.data.withUnsafeBufferPointer { pw in
            Kernels.PackedB(k: weight.shape[1], n: weight.shape[0], b: pw.baseAddress!, ldb: weight.shape[1], transB: true)
        }
        if Tensor.recording(weight, bias) {
            let steps = steps, outF = weight.shape[0], inF = weight.shape[1]
            shared.record("stepLinear.weight", [weight, bias]) { _ in
                steps.addWeightGradients(weight: weight, bias: bias, outF: outF, inF: inF)
            }
        }
    }

    /// One step: `x [rows, in]` → `[rows, out]`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        let outF = weight.shape[0], inF = weight.shape[1]
        precondition(x.shape.count == 2 && x.shape[1] == inF, "step linear input must be [rows, \(inF)], got \(x.shape)")
        let rows = x.shape[0]
        let out = [Float](writing: rows * outF) { po in
            bias.data.withUnsafeBufferPointer { pb in
                for r in 0..<rows { (po + r * outF).initialize(from: pb.baseAddress!, count: outF) }
            }
            x.data.withUnsafeBufferPointer { px in
                Kernels.gemm(m: rows, a: px.baseAddress!, lda: inF, transA: false, packed: packed, c: po, ldc: outF,
                             accumulate: true)
            }
        }
        let result = Tensor(out, shape: [rows, outF])
        guard Tensor.recording(x, shared) else { return result }
        if shared.requiresGrad { steps.list.append((Weak(x), Weak(result))) }
        let weight = weight
        result.record("stepLinear", [x, shared]) { result in
            guard x.requiresGrad else { return }
            x.ensureGrad()
            result.grad.withUnsafeBufferPointer { pg in
                weight.data.withUnsafeBufferPointer { pw in
                    x.grad.withUnsafeMutableBufferPointer { pgx in
                        Kernels.gemm(m: rows, n: inF, k: outF, a: pg.baseAddress!, transA: false, b: pw.baseAddress!,
                                     transB: false, c: pgx.baseAddress!, accumulate: true)
                    }
                }
            }
        }
        return result
    }
}

/// The steps' inputs and outputs, held weakly: the graph holds them while it lives, and a
/// strong hold here would make a cycle through the shared node.
private final class Steps {
    var list: [(input: Weak, output: Weak)] = []

    func addWeightGradients(weight: Tensor, bias: Tensor, outF: Int, inF: Int) {
        let live = list.compactMap { step -> (Tensor, Tensor)? in
            guard let x = step.input.tensor, let y = step.output.tensor, y.grad.count == y.count else { return nil }
            return (x, y)
        }
        let rows = live.reduce(0) { $0 + $1.1.shape[0] }
        guard rows > 0 else { return }
        // ∂L/∂y of every step stacked [rows, out], their inputs stacked [rows, in].
        let dy = [Float](writing: rows * outF) { p in
            var at = p
            for (_, y) in live {
                y.grad.withUnsafeBufferPointer { at.initialize(from: $0.baseAddress!, count: y.count) }
                at += y.count
            }
        }
        let xs = [Float](writing: rows * inF) { p in
            var at = p
            for (x, _) in live {
                x.data.withUnsafeBufferPointer { at.initialize(from: $0.baseAddress!, count: x.count) }
                at += x.count
            }
        }
        if weight.requiresGrad {
            weight.ensureGrad()
            dy.withUnsafeBufferPointer { pg in
                xs.withUnsafeBufferPointer { px in
                    weight.grad.withUnsafeMutableBufferPointer { pgw in
                        Kernels.gemm(m: outF, n: inF, k: rows, a: pg.baseAddress!, transA: true, b: px.baseAddress!,
                                     transB: false, c: pgw.baseAddress!, accumulate: true)
                    }
                }
            }
        }
        if bias.requiresGrad {
            bias.ensureGrad()
            bias.grad.withUnsafeMutableBufferPointer { pgb in
                for r in 0..<rows {
                    for j in 0..<outF { pgb[j] += dy[r * outF + j] }
                }
            }
        }
    }
}

private struct Weak {
    weak var tensor: Tensor?
    init(_ tensor: Tensor) { self.tensor = tensor }
}
