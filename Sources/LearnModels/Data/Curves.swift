import Foundation
import LearnTensor

/// The 1-D regression datasets.
///
/// - `line`: the source's toy for Y = kX: training points (1, t), (2, 2t) … (10, 10t) for
///   target slope t, no noise; the validation point is (11, 11t).
/// - `sin`: y = sin(x), x ∈ [−π, π].
/// - `abs`: y = |x|, x ∈ [−1, 1].
/// - `step`: y = 1 if x > 0 else 0, x ∈ [−1, 1].
/// - `poly`: y = 2x³ − x, x ∈ [−1.2, 1.2].
/// Functions use `points` x values drawn uniformly, each y moved by N(0, noise); the last
/// `validation` fraction is held out.
enum Curves {
    static func line(target: Float) -> (train: PointSet, validation: PointSet) {
        let xs = (1...10).map(Float.init)
        let train = PointSet(dimensions: 1, inputs: xs, targets: xs.map { target * $0 })
        let validation = PointSet(dimensions: 1, inputs: [11], targets: [11 * target])
        return (train, validation)
    }

    static func function(_ name: DatasetName, points n: Int, noise: Float, rng: inout RandomSource) -> PointSet {
        let (low, high) = domain(name)
        var xs: [Float] = []
        var ys: [Float] = []
        for _ in 0..<n {
            let x = rng.uniform(low, high)
            xs.append(x)
            ys.append(value(name, x) + rng.normal(std: noise))
        }
        return PointSet(dimensions: 1, inputs: xs, targets: ys)
    }

    static func domain(_ name: DatasetName) -> (Float, Float) {
        switch name {
        case .sin: (-Float.pi, Float.pi)
        case .poly: (-1.2, 1.2)
        default: (-1, 1)
        }
    }

    /// The noise-free function.
    static func value(_ name: DatasetName, _ x: Float) -> Float {
        switch name {
        case .sin: sin(x)
        case .abs: Swift.abs(x)
        case .step: x > 0 ? 1 : 0
        case .poly: 2 * x * x * x - x
        default: preconditionFailure("\(name.rawValue) is not a 1-D function")
        }
    }
}
