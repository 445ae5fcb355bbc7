/// One row of metrics, recorded after every step.
public struct StepMetrics: Sendable, Equatable {
    public let step: Int
    public let loss: Double
    /// Global gradient norm before clipping.
    public let gradNorm: Double
    /// Classification / token accuracy on the training batch (or the whole training set
    /// for the classic rules); nil for regression.
    public let accuracy: Double?

    public init(step: Int, loss: Double, gradNorm: Double, accuracy: Double?) {
        self.step = step
        self.loss = loss
        self.gradNorm = gradNorm
        self.accuracy = accuracy
    }
}

/// A parameter tensor as the panels and the trace see it: its convention name, shape,
/// values and the gradient of the last step (zeros before the first step).
public struct NamedParameter: Sendable {
    public let name: String
    public let shape: [Int]
    public let value: [Float]
    public let grad: [Float]
}
