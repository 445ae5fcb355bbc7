/// The names a lesson file may use. One source of truth: the lesson schema, the
/// authoring guide's tables and the trainer all read these enums.

/// The seven lesson models (`model:` in a cell).
public enum ModelKind: String, CaseIterable, Sendable, Codable {
    case kx, perceptron, mlp, rnn, lstm, gru, transformer

    public var isRecurrent: Bool { self == .rnn || self == .lstm || self == .gru }
    public var isSequence: Bool { isRecurrent || self == .transformer }
}

/// Built-in datasets (`data:` in a cell). Text corpora are files under `Lessons/data/`.
public enum DatasetName: String, CaseIterable, Sendable, Codable {
    // 1-D: y = target·x on x = 1…10, the source's toy for Y = kX
    case line
    // 2-D points, classification
    case and, or, xor, blobs, threePoints = "three-points", circle, spiral, moons
    // 1-D functions, regression
    case sin, abs, step, poly
    // token sequences with an obvious right answer
    case copy, reverse, sort, recall
    // short Chinese → English sentence pairs
    case translate

    public enum Kind: Sendable { case line, points, function, sequence, pairs }

    public var kind: Kind {
        switch self {
        case .line: .line
        case .and, .or, .xor, .blobs, .threePoints, .circle, .spiral, .moons: .points
        case .sin, .abs, .step, .poly: .function
        case .copy, .reverse, .sort, .recall: .sequence
        case .translate: .pairs
        }
    }
}

public enum Activation: String, CaseIterable, Sendable, Codable { case relu, tanh, sigmoid }

public enum OptimizerName: String, CaseIterable, Sendable, Codable { case sgd, adam }

/// Pre-norm (GPT-2) or post-norm (the original Transformer) blocks.
public enum Norm: String, CaseIterable, Sendable, Codable { case pre, post }

/// How `kx` and `perceptron` learn: the classic rule from the source text, or gradient descent.
public enum LearningRule: String, CaseIterable, Sendable, Codable { case classic, gradient }

/// Quantities an `expect` line can test and the notebook can show.
public enum MetricName: String, CaseIterable, Sendable, Codable {
    case loss
    case valLoss = "val_loss"
    case accuracy
    case valAccuracy = "val_accuracy"
    case gradNorm = "grad_norm"
    /// The lowest held-out loss measured so far in the run: with `val_loss` after it, the
    /// turn back up that overfitting makes (early stopping would stop at this one).
    case bestValLoss = "best_val_loss"
}
