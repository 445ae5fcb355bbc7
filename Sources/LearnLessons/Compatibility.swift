import LearnModels

/// The shape of a run's data, which decides what a model can learn and what can be drawn.
public enum DataShape: String, CaseIterable, Sendable {
    /// y = target·x on x = 1…10.
    case line
    /// 2-D points with class labels.
    case points
    /// 1-D regression.
    case function
    /// Token sequences with a right answer (copy, reverse, sort, recall).
    case sequence
    /// Sentence pairs.
    case pairs
    /// A text corpus from a file.
    case text
}

extension DataSource {
    public var shape: DataShape {
        switch self {
        case .text: .text
        case .named(let name):
            switch name.kind {
            case .line: .line
            case .points: .points
            case .function: .function
            case .sequence: .sequence
            case .pairs: .pairs
            }
        }
    }
}

/// Which models, data, panels, metrics and knobs go together. The lesson schema reports
/// anything else as an error; the authoring guide's tables are generated from here.
public enum Compatibility {
    /// The data shapes a model can learn from.
    public static func shapes(for model: ModelKind) -> [DataShape] {
        switch model {
        case .kx: [.line, .function]
        case .perceptron: [.points]
        case .mlp: [.line, .points, .function]
        case .rnn, .lstm, .gru, .transformer: [.sequence, .pairs, .text]
        }
    }

    /// Regression (line, function) has no accuracy; everything else is classification.
    public static func isClassification(_ shape: DataShape) -> Bool {
        shape != .line && shape != .function
    }

    /// Input width of the non-sequence models: 1 for 1-D data, 2 for points.
    static func inputWidth(_ shape: DataShape) -> Int { shape == .points ? 2 : 1 }

    /// Output width: 1 for regression and the perceptron's single logit; classifiers are
    /// counted at their smallest, 2 classes (wider never makes a parameter scalar).
    static func outputWidth(_ config: RunConfig) -> Int {
        config.model == .perceptron || !isClassification(config.data.shape) ? 1 : 2
    }

    /// Parameter shapes of kx, perceptron and mlp, named as in model-conventions.md; nil for
    /// sequence models, whose parameters are never scalars.
    public static func parameterShapes(_ config: RunConfig) -> [(name: String, count: Int)]? {
        let input = inputWidth(config.data.shape)
        switch config.model {
        case .kx:
            return [("k", 1)]
        case .perceptron:
            return [("fc.weight", input), ("fc.bias", 1)]
        case .mlp:
            let widths = [input] + config.layers + [outputWidth(config)]
            var shapes: [(name: String, count: Int)] = []
            for i in 0..<(widths.count - 1) {
                shapes.append((name: "layers.\(i).weight", count: widths[i] * widths[i + 1]))
                shapes.append((name: "layers.\(i).bias", count: widths[i + 1]))
            }
            return shapes
        case .rnn, .lstm, .gru, .transformer:
            return nil
        }
    }

    /// Parameters holding a single number: what `param` draws and `expect` may name.
    public static func scalarParameters(_ config: RunConfig) -> [String] {
        (parameterShapes(config) ?? []).filter { $0.count == 1 }.map(\.name)
    }

    /// Whether a panel can be drawn for this run.
    public static func fits(_ panel: PanelName, _ config: RunConfig) -> Bool {
        let model = config.model
        let shape = config.data.shape
        switch panel {
        case .loss, .weights, .grads: return true
        case .param: return !scalarParameters(config).isEmpty
        case .fit: return (shape == .line || shape == .function) && !model.isSequence
        case .decision: return shape == .points && !model.isSequence
        case .network: return !model.isSequence
        case .landscape: return parameterShapes(config).map { $0.reduce(0) { $0 + $1.count } } == 2
        case .activations: return model == .perceptron || model == .mlp
        case .hidden, .gradflow: return model.isRecurrent
        case .gates: return model == .lstm || model == .gru
        case .attention, .positions: return model == .transformer
        case .embeddings, .samples: return model.isSequence
        }
    }

    /// What a panel needs, in words (for messages and the guide).
    public static func requirement(_ panel: PanelName) -> String {
        switch panel {
        case .loss, .weights, .grads: "any model"
        case .param: "a model with a scalar parameter (kx; mlp with 1-wide layers on 1-D data)"
        case .fit: "kx or mlp on 1-D data (line, function datasets)"
        case .decision: "perceptron or mlp on 2-D points"
        case .network: "kx, perceptron or mlp"
        case .landscape: "exactly 2 parameters in all, e.g. mlp with `layers: []` on 1-D data"
        case .activations: "perceptron or mlp"
        case .hidden, .gradflow: "rnn, lstm or gru"
        case .gates: "lstm or gru"
        case .attention, .positions: "transformer"
        case .embeddings, .samples: "rnn, lstm, gru or transformer"
        }
    }

    /// Whether turning a knob changes anything for this run.
    public static func applies(_ knob: KnobName, _ config: RunConfig) -> Bool {
        switch knob {
        case .lr, .momentum, .clip, .optimizer, .seed: true
        case .temperature: config.model.isSequence
        case .activation: config.model == .mlp
        case .hidden: config.model.isRecurrent
        case .noise: config.data.shape == .points || config.data.shape == .function
        }
    }

    /// What a knob needs, in words.
    public static func requirement(_ knob: KnobName) -> String {
        switch knob {
        case .lr, .momentum, .clip, .optimizer, .seed: "any model"
        case .temperature: "sequence models"
        case .activation: "mlp"
        case .hidden: "rnn, lstm, gru"
        case .noise: "points and function datasets"
        }
    }
}
