import LearnTensor

/// One neuron, no hidden layer: `z = x Wᵀ + b`, parameters `fc.weight [1, I]`, `fc.bias [1]`.
///
/// - Classic perceptron rule on `ŷ = step(z)` (1 if z > 0, else 0), sample by sample:
///   `W += step·(y − ŷ)·x`, `b += step·(y − ŷ)`.
/// - Gradient: `L = BCEWithLogits(z, y) = mean(max(z, 0) − z·y + log(1 + e^{−|z|}))`, y ∈ {0, 1}.
///
/// Shapes: x `[N, I]` → z `[N, 1]`. It can only draw one straight line `W·x + b = 0`.
final class Perceptron: PointModel {
    let fc: Linear

    init(inputs: Int, rng: inout RandomSource) {
        fc = Linear(inputs, 1, rng: &rng)
    }

    var parameters: [(name: String, tensor: Tensor)] { fc.parameters("fc") }

    func callAsFunction(_ x: Tensor) -> Tensor { fc(x) }  // [N, I] → [N, 1]

    /// One pass of the classic rule over `data` in the order given by `order`.
    func applyRule(_ data: PointSet, order: [Int], step: Float) {
        let inputs = data.dimensions
        for i in order {
            var z = fc.bias.data[0]
            for j in 0..<inputs { z += fc.weight.data[j] * data.inputs[i * inputs + j] }
            let error = Float(data.labels[i]) - (z > 0 ? 1 : 0)
            guard error != 0 else { continue }
            for j in 0..<inputs { fc.weight.data[j] += step * error * data.inputs[i * inputs + j] }
            fc.bias.data[0] += step * error
        }
    }
}
