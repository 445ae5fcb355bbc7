/// PyTorch's default initialisers. Every draw comes from the caller's ``RandomSource``,
/// in row-major order, weight before bias.
public enum Init {
    /// `U(−bound, bound)` with `requiresGrad`.
    public static func uniform(_ shape: [Int], bound: Float, rng: inout RandomSource) -> Tensor {
        Tensor.uniform(shape, low: -bound, high: bound, rng: &rng, requiresGrad: true)
    }

    /// `nn.Linear(in, out)`: weight `[out, in]` and bias `[out]`, both `U(−1/√in, 1/√in)`
    /// (kaiming-uniform with a = √5 reduces to this bound).
    public static func linear(out: Int, in inputs: Int, rng: inout RandomSource) -> (weight: Tensor, bias: Tensor) {
        let bound = 1 / Float(inputs).squareRoot()
        let weight = uniform([out, inputs], bound: bound, rng: &rng)
        let bias = uniform([out], bound: bound, rng: &rng)
        return (weight, bias)
    }

    /// `nn.Embedding(count, dim)`: weight `[count, dim]` from `N(0, 1)`.
    public static func embedding(_ count: Int, _ dim: Int, rng: inout RandomSource) -> Tensor {
        Tensor.normal([count, dim], rng: &rng, requiresGrad: true)
    }

    /// Recurrent cells (`nn.RNNCell`, `LSTMCell`, `GRUCell`): every parameter `U(−1/√H, 1/√H)`.
    public static func recurrent(_ shape: [Int], hidden: Int, rng: inout RandomSource) -> Tensor {
        uniform(shape, bound: 1 / Float(hidden).squareRoot(), rng: &rng)
    }
}
