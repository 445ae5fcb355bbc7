/// Everything that determines a training run. Same config, same numbers: every random
/// choice (initial weights, data, batches, sampling) comes from `seed`.
public struct RunConfig: Sendable, Equatable, Codable {
    public var model: ModelKind
    public var data: DataSource
    public var dataOptions = DataOptions()

    // Architecture (each model reads the fields that apply to it).
    /// MLP hidden layer sizes; input and output sizes come from the data. `[]` is a linear model.
    public var layers: [Int] = [8]
    public var activation: Activation = .relu
    public var embed = 16
    public var hidden = 32
    public var heads = 2
    /// Transformer blocks.
    public var blocks = 1
    /// Transformer context length / sequence models' unroll length for text.
    public var context = 16
    public var norm: Norm = .pre
    public var rule: LearningRule = .gradient
    /// Starting value of `k` for `kx` (the source starts from 0).
    public var initialK = 0.0
    /// LSTM: the starting value of the forget gate's input bias (`bias_ih[H..<2H]`);
    /// `nil` keeps PyTorch's default initialisation.
    public var forgetBias: Double?

    // Training.
    public var optimizer = OptimizerSettings()
    /// Global-norm gradient clipping; `nil` is off.
    public var clip: Double?
    public var batch = 32
    public var steps = 100
    public var seed: UInt64 = 0
    /// Sampling temperature for text models.
    public var temperature = 1.0

    public init(model: ModelKind, data: DataSource) {
        self.model = model
        self.data = data
    }
}

public enum DataSource: Sendable, Equatable, Codable {
    case named(DatasetName)
    /// A text corpus: its name (for display) and its contents. Reading the file, and
    /// keeping the path inside the lessons folder, is the lesson loader's job.
    case text(name: String, contents: String)
}

public struct DataOptions: Sendable, Equatable, Codable {
    /// Number of points (2-D and 1-D datasets) or sequences (sequence tasks).
    public var points = 200
    /// Label/position noise for points, output noise for functions.
    public var noise = 0.1
    /// Sequence length for `copy`, `reverse`, `sort`, `recall`.
    public var length = 8
    /// Fraction held out for validation.
    public var validation = 0.2
    /// `line`: the true slope (Y = target·X).
    public var target = 1.0

    public init() {}
}

public struct OptimizerSettings: Sendable, Equatable, Codable {
    public var name: OptimizerName = .sgd
    public var lr = 0.1
    public var momentum = 0.0
    public var weightDecay = 0.0

    public init(name: OptimizerName = .sgd, lr: Double = 0.1, momentum: Double = 0.0, weightDecay: Double = 0.0) {
        self.name = name
        self.lr = lr
        self.momentum = momentum
        self.weightDecay = weightDecay
    }
}
