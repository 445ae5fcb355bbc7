import LearnTensor

/// Multilayer perceptron: linear layers with an activation between them, none after the
/// last. Sizes `n_0` (inputs) … `n_L` (outputs); layer i is `Linear(n_i, n_{i+1})` with
/// parameters `layers.{i}.weight [n_{i+1}, n_i]`, `layers.{i}.bias [n_{i+1}]`.
///
/// `a_0 = x`, `a_{i+1} = f(a_i W_iᵀ + b_i)` for i < L − 1, output `a_{L−1} W_{L−1}ᵀ + b_{L−1}`,
/// with f = relu | tanh | sigmoid. Classification: `L = CrossEntropy(logits, class)`;
/// regression: `L = mean((ŷ − y)²)`.
///
/// Shapes: x `[N, n_0]` → `[N, n_L]`.
final class MLP: PointModel {
    let sizes: [Int]
    let activation: Activation
    let layers: [Linear]

    init(sizes: [Int], activation: Activation, rng: inout RandomSource) {
        precondition(sizes.count >= 2)
        self.sizes = sizes
        self.activation = activation
        layers = zip(sizes.dropLast(), sizes.dropFirst()).map { Linear($0, $1, rng: &rng) }
    }

    var parameters: [(name: String, tensor: Tensor)] {
        layers.enumerated().flatMap { i, layer in layer.parameters("layers.\(i)") }
    }

    func callAsFunction(_ x: Tensor) -> Tensor {
        var a = x
        for (i, layer) in layers.enumerated() {
            a = layer(a)  // [N, n_{i+1}]
            if i < layers.count - 1 { a = Self.apply(activation, a) }
        }
        return a
    }

    static func apply(_ f: Activation, _ x: Tensor) -> Tensor {
        switch f {
        case .relu: x.relu()
        case .tanh: x.tanh()
        case .sigmoid: x.sigmoid()
        }
    }
}
