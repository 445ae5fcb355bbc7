import LearnTensor

/// A lesson model as the trainer sees it: its parameters, named and ordered exactly as in
/// `model-conventions.md`, listed explicitly (no reflection).
protocol Model: AnyObject {
    var parameters: [(name: String, tensor: Tensor)] { get }
}

/// A model over real-valued inputs: `x [N, D] → y [N, K]` (logits or predictions).
protocol PointModel: Model {
    func callAsFunction(_ x: Tensor) -> Tensor
}

/// A next-token model: tokens `[B, T]` → logits `[B, T, V]`, with the insides the panels
/// show. The insides are tensors the forward pass computes anyway, so keeping them costs
/// nothing; they live as long as the returned value.
protocol SequenceModel: Model {
    func forward(_ tokens: [Int], batch: Int, time: Int) -> SequenceForward
    /// The same logits `[B, T, V]` through the model's readable form, every stage handed to
    /// `record` (the step-through view and `learn trace --schema 2` read them).
    func readableForward(_ tokens: [Int], batch: Int, time: Int, record: ForwardRecord) -> Tensor
    /// The token embedding table `[V, E]`.
    var embeddingTable: Tensor { get }
}

/// One forward pass of a sequence model.
struct SequenceForward {
    /// `[B, T, V]`
    let logits: Tensor
    /// Recurrent models: per time step h_t, the gates (LSTM i, f, g, o, c; GRU r, z, n) and,
    /// after `backward()`, the total ∂L/∂h_t.
    var recurrent: RecurrentSequence?
    /// Transformer: attention weights per layer, each `[B, h, T, T]`.
    var attention: [Tensor] = []
}

/// `Linear(in, out)`: `y = x Wᵀ + b`, weight `[out, in]`, bias `[out]`, both initialised
/// `U(−1/√in, 1/√in)` as PyTorch's default.
final class Linear {
    let weight: Tensor
    let bias: Tensor

    init(_ inputs: Int, _ outputs: Int, rng: inout RandomSource) {
        let bound = 1 / Float(inputs).squareRoot()
        weight = .uniform([outputs, inputs], low: -bound, high: bound, rng: &rng, requiresGrad: true)
        bias = .uniform([outputs], low: -bound, high: bound, rng: &rng, requiresGrad: true)
    }

    func callAsFunction(_ x: Tensor) -> Tensor { linear(x, weight: weight, bias: bias) }

    func parameters(_ prefix: String) -> [(name: String, tensor: Tensor)] {
        [("\(prefix).weight", weight), ("\(prefix).bias", bias)]
    }
}

/// `LayerNorm(C)` over the last axis: biased variance, eps 1e-5, weight ones, bias zeros.
final class LayerNormalization {
    let weight: Tensor
    let bias: Tensor

    init(_ width: Int) {
        weight = .ones([width], requiresGrad: true)
        bias = .zeros([width], requiresGrad: true)
    }

    func callAsFunction(_ x: Tensor) -> Tensor { layerNorm(x, weight: weight, bias: bias, eps: 1e-5) }

    func parameters(_ prefix: String) -> [(name: String, tensor: Tensor)] {
        [("\(prefix).weight", weight), ("\(prefix).bias", bias)]
    }
}
