import LearnModels

/// Which models, data, panels, metrics and knobs go together. The lesson schema reports
/// anything else as an error; the authoring guide's tables are generated from here.
public enum Compatibility {
    /// Regression (line, function) has no accuracy; everything else is classification.
    public static func isClassification(_ shape: DataShape) -> Bool {
        shape != .line && shape != .function
    }

    /// Parameters holding a single number: what `param` draws and `expect` may name.
    public static func scalarParameters(_ config: RunConfig) -> [String] {
        ModelSpec.of(config.model).parameters(config).filter { $0.count == 1 }.map(\.name)
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
        case .landscape: return ModelSpec.of(model).parameters(config).reduce(0) { $0 + $1.count } == 2
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
