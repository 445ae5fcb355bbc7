/// The model's insides for the panels, computed on demand by `Trainer.inspect()`.
/// Fields that do not apply to the model are nil or empty.
public struct Inspection: Sendable {
    // 1-D regression (kx, mlp on line/functions): data points and the model's curve.
    /// Training points.
    public var points1D: [(x: Double, y: Double)] = []
    /// Validation points (the source's (11, 11) for `line`).
    public var validation1D: [(x: Double, y: Double)] = []
    /// Model output over the data's x-range (`curveSamples` evenly spaced samples).
    public var curve: [(x: Double, y: Double)] = []

    // 2-D classification (perceptron, mlp on points): data and decision regions.
    public var points2D: [(x: Double, y: Double, label: Int, validation: Bool)] = []
    public var classes = 0
    /// The model over a grid covering the data plus a 10% margin.
    public var region: Region?

    /// Network diagram (perceptron, mlp): layer sizes, inputs first.
    public var layerSizes: [Int] = []

    // Sequence models: one example sequence (validation set or text), run forward.
    /// Input token labels (chars; `␣` for space, `⏎` for newline).
    public var tokens: [String] = []
    /// `[T][H]` hidden state per time step (recurrent models).
    public var hidden: [[Float]]?
    /// LSTM i, f, g, o and the cell state c; GRU r, z, n — each `[T][H]`.
    public var gates: [(name: String, values: [[Float]])] = []
    /// ‖∂L/∂h_t‖ for t = 0…T−1 from a backward pass on that example (recurrent models).
    public var gradFlow: [Double]?
    /// `[layer][head][T][T]`; rows sum to 1, masked (future) entries are 0.
    public var attention: [[[[Float]]]]?
    /// `[T][C]` positional encoding (transformer).
    public var positions: [[Float]]?
    /// Token embedding rows, in vocabulary order.
    public var embeddings: (labels: [String], vectors: [[Float]])?
    /// Text sampled now at `config.temperature` (text models), or the model's greedy answer
    /// for the example, written `prompt→answer` (tasks: `abcd→dcba`, `我爱你→I love you.`).
    public var sample: String?
    /// The right `prompt→answer` for that example, when there is one.
    public var sampleTarget: String?
    /// A task's first `InspectionOptions.answers` examples answered greedily, in the set's
    /// order (not picked): the panel counts how many are right. The first is `sample`.
    public var answers: [SampleAnswer] = []
    /// Whether those examples are held out (the validation set) or training examples.
    public var answersHeldOut = true

    /// Loss over exactly two scalar parameters (e.g. mlp `layers: []` on 1-D data: weight
    /// and bias), with the path the optimiser took.
    public var landscape: Landscape?

    public init() {}
}

/// A task example's answer by the model and the right one, each written `prompt→answer`.
public struct SampleAnswer: Sendable, Equatable {
    public let answer: String
    public let target: String
    public var isRight: Bool { answer == target }
}

/// A classifier evaluated over a grid. Row-major, row 0 = top (largest y).
public struct Region: Sendable {
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>
    public let columns: Int
    public let rows: Int
    /// Predicted class per cell.
    public let label: [Int]
    /// Probability of the predicted class per cell, in [0, 1].
    public let confidence: [Float]
}

/// Training loss over two scalar parameters. Row-major, row 0 = top (largest y value).
public struct Landscape: Sendable {
    public let xName: String
    public let yName: String
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>
    public let columns: Int
    public let rows: Int
    public let loss: [Float]
    /// (x, y) parameter values before step 1 and after every step.
    public let path: [(x: Double, y: Double)]
}

/// What `inspect` computes and at what resolution. The defaults are what a full-screen
/// panel needs; a caller that draws fewer panels can switch parts off.
public struct InspectionOptions: Sendable {
    public var regionColumns = 64
    public var regionRows = 32
    public var landscapeColumns = 96
    public var landscapeRows = 48
    public var curveSamples = 100
    /// Characters of text to sample (text models).
    public var sampleLength = 120
    /// Task examples answered for the samples panel.
    public var answers = 8
    /// Run a backward pass on the example for `gradFlow` (recurrent models).
    public var gradientFlow = true
    public var sample = true

    public init() {}
}
