import Testing
@testable import LearnTensor

/// Central-difference gradient checking.
///
/// The checked scalar is `L = Σ_j w_j · f(inputs)_j` with fixed pseudo-random weights `w`, so
/// every output element contributes. Numerical gradient per input element:
/// `(L(x + h) − L(x − h)) / 2h`, with `L` summed in Float64 from the op's Float32 outputs.
enum GradCheck {
    /// Step `h`: large enough that Float32 rounding of the outputs (≈ 6e-8 relative) stays far
    /// below the difference, small enough that the O(h²) truncation error is ≈ 1e-4.
    static let step: Float = 1e-2
    /// A gradient matches when `|analytic − numeric| ≤ absoluteTolerance + relativeTolerance · max(|analytic|, |numeric|)`.
    static let relativeTolerance = 2e-2
    static let absoluteTolerance = 2e-3
}

/// Checks the analytic gradients of every input that requires grad against central differences.
func expectGradients(_ inputs: [Tensor], seed: UInt64 = 7, sourceLocation: SourceLocation = #_sourceLocation,
                     _ f: ([Tensor]) -> Tensor) {
    let probe = f(inputs)
    var rng = RandomSource(seed: seed)
    let weights = (0..<probe.count).map { _ in rng.uniform(-1, 1) }
    func weightedLoss() -> Double {
        let out = Tensor.withoutGrad { f(inputs) }
        var total = 0.0
        for (w, y) in zip(weights, out.data) { total += Double(w) * Double(y) }
        return total
    }
    for x in inputs { x.zeroGrad() }
    let loss = (f(inputs) * Tensor(weights, shape: probe.shape)).sum()
    loss.backward()
    for (index, x) in inputs.enumerated() where x.requiresGrad {
        let analytic = x.grad
        for j in 0..<x.count {
            let original = x.data[j]
            x.data[j] = original + GradCheck.step
            let plus = weightedLoss()
            x.data[j] = original - GradCheck.step
            let minus = weightedLoss()
            x.data[j] = original
            let numeric = (plus - minus) / (2 * Double(GradCheck.step))
            let a = Double(analytic[j])
            let allowed = GradCheck.absoluteTolerance + GradCheck.relativeTolerance * max(abs(a), abs(numeric))
            #expect(abs(a - numeric) <= allowed,
                    "input \(index) element \(j): analytic \(a), numeric \(numeric)", sourceLocation: sourceLocation)
        }
    }
}

/// A tensor with values from U(low, high), requiring grad, from a fixed seed.
func randomTensor(_ shape: [Int], seed: UInt64, low: Float = -1, high: Float = 1, requiresGrad: Bool = true) -> Tensor {
    var rng = RandomSource(seed: seed)
    return Tensor.uniform(shape, low: low, high: high, rng: &rng, requiresGrad: requiresGrad)
}

/// Elementwise closeness with a stated tolerance, reported at the caller.
func expectClose(_ actual: [Float], _ expected: [Float], tolerance: Float = 1e-5,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "count \(actual.count) vs \(expected.count)", sourceLocation: sourceLocation)
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        #expect(abs(a - e) <= tolerance * max(1, abs(e)), "element \(i): \(a) vs \(e)", sourceLocation: sourceLocation)
    }
}
