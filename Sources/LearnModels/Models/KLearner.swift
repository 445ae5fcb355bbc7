import LearnTensor

/// The smallest learner: `ŷ = k·x`, one scalar parameter `k` `[1]`.
///
/// Two ways to learn it (lesson 01):
/// - the rule from the source text, sample by sample through the data:
///   `k += step` if `k·x < y`, `k −= step` if `k·x > y`;
/// - gradient descent on `L = mean((k·x − y)²)`, `∂L/∂k = mean(2(k·x − y)·x)`.
///
/// Shapes: x `[N, 1]` → ŷ `[N, 1]`.
final class KLearner: PointModel {
    let k: Tensor

    init(initialK: Float) {
        k = Tensor([initialK], shape: [1], requiresGrad: true)
    }

    var parameters: [(name: String, tensor: Tensor)] { [("k", k)] }

    func callAsFunction(_ x: Tensor) -> Tensor { x * k }  // [N, 1] · [1] → [N, 1]

    /// Relative tolerance under which `k·x` and `y` count as equal: float rounding of
    /// `0.1 + 0.1 + …` must not make `k` dither around an exact answer.
    static let ruleTolerance: Float = 1e-5

    /// One pass of the source's rule over `data`, in order.
    func applyRule(_ data: PointSet, step: Float) {
        var value = k.data[0]
        for i in 0..<data.count {
            let prediction = value * data.inputs[i]
            let y = data.targets[i]
            if Swift.abs(prediction - y) <= Self.ruleTolerance * Swift.max(1, Swift.abs(y)) { continue }
            value += prediction < y ? step : -step
        }
        k.data[0] = value
    }
}
