import LearnModels

/// A live cell (` ```model `): one training run the notebook draws while it learns, plus
/// the knobs a student may turn and the expectations `learn check` tests after `steps`.
public struct ModelCell: Sendable, Equatable {
    public var id: String
    /// Every setting of the run, defaults filled in; a text corpus is already read.
    public var config: RunConfig
    public var panels: [PanelName]
    public var knobs: [Knob]
    public var expects: [Expectation]
    /// Seeds the expectations are checked for; `[config.seed]` unless `seeds:` is given.
    public var seeds: [UInt64]
    /// Extra runs drawn side by side, each the cell's config with some keys overridden.
    public var compare: [Variant]
    /// A question asked before the cell trains (`predict:`); the run starts once answered.
    public var predict: Quiz?
    /// A goal the student reaches by turning the knobs (`exercise:`).
    public var exercise: Exercise?
    /// Steps per second the notebook opens the cell at (`pace:`, one of `Schema.paces`);
    /// nil: a pace that makes the run last a few seconds.
    public var pace: Int?
    /// The opening fence of the cell.
    public var location: SourceLocation
    /// Parameters named for display as the text names them (`names:`), e.g. `w`, `b`.
    public var names: [String: String] = [:]
    /// Where a panel's window opens (`window:`), so the rows the text talks about are on
    /// screen without a key.
    public var windows: [PanelName: PanelWindow] = [:]

    public init(id: String, config: RunConfig, panels: [PanelName], knobs: [Knob], expects: [Expectation],
                seeds: [UInt64], compare: [Variant], predict: Quiz? = nil, exercise: Exercise? = nil,
                pace: Int? = nil, location: SourceLocation) {
        self.id = id
        self.pace = pace
        self.predict = predict
        self.exercise = exercise
        self.config = config
        self.panels = panels
        self.knobs = knobs
        self.expects = expects
        self.seeds = seeds
        self.compare = compare
        self.location = location
    }

    /// The config of the run an expectation talks about: the cell's own, or a variant's.
    public func config(forVariant label: String?) -> RunConfig? {
        guard let label else { return config }
        return compare.first { $0.label == label }?.config
    }
}

/// The window a panel opens with: its map (a gate, `L1 H2`, a parameter) and first row
/// (a position, or a unit's rank), each nil for the panel's own default.
public struct PanelWindow: Sendable, Equatable {
    public var map: String?
    public var from: Int?

    public init(map: String? = nil, from: Int? = nil) {
        self.map = map
        self.from = from
    }

    /// The panels a window can be set for.
    public static let panels: [PanelName] = [.attention, .gates, .hidden, .positions, .weights, .grads]

    /// The maps of `panel` for this run, in the panel's order (`<` `>`).
    public static func maps(_ panel: PanelName, _ config: RunConfig) -> [String] {
        switch panel {
        case .gates: return config.model == .lstm ? ["i", "f", "g", "o", "c"] : config.model == .gru ? ["r", "z", "n"] : []
        case .attention: return (1...max(1, config.blocks)).flatMap { l in (1...max(1, config.heads)).map { "L\(l) H\($0)" } }
        case .weights, .grads: return ModelSpec.of(config.model).parameters(config).map(\.name)
        default: return []
        }
    }
}

/// One `compare:` entry: a labelled run beside the cell's own.
public struct Variant: Sendable, Equatable {
    public var label: String
    public var config: RunConfig
    public var location: SourceLocation

    public init(label: String, config: RunConfig, location: SourceLocation) {
        self.label = label
        self.config = config
        self.location = location
    }
}

/// What a cell can draw (`panels:`). Which panels fit which model and data is decided by
/// ``Compatibility``.
public enum PanelName: String, CaseIterable, Sendable, Codable {
    case loss, param, fit, decision, weights, grads, network, landscape, activations
    case hidden, gates, gradflow, attention, positions, embeddings, samples

    /// One line for the authoring guide.
    public var shows: String {
        switch self {
        case .loss: "training (and validation) loss over steps"
        case .param: "scalar parameters over steps (k in Y = kX)"
        case .fit: "1-D data and the model's line or curve"
        case .decision: "class regions of a 2-D classifier with the data points"
        case .weights: "each weight matrix as a heatmap"
        case .grads: "each parameter's gradient as a heatmap"
        case .network: "neurons and links with signed, scaled weights"
        case .landscape: "loss over the two weights with the optimiser's path"
        case .activations: "activation curves, or a neuron's output over the input plane"
        case .hidden: "hidden state per time step"
        case .gates: "LSTM i/f/g/o or GRU r/z/n gates per time step"
        case .gradflow: "gradient size at each time step"
        case .attention: "attention weights per layer and head"
        case .positions: "the positional-encoding matrix"
        case .embeddings: "token embeddings projected to 2-D"
        case .samples: "text generated by the model now"
        }
    }
}

/// A knob a student turns while the cell runs (`knobs:`).
public struct Knob: Sendable, Equatable {
    public var name: KnobName
    public var range: KnobRange
    public var location: SourceLocation

    public init(name: KnobName, range: KnobRange, location: SourceLocation) {
        self.name = name
        self.range = range
        self.location = location
    }
}

/// A knob's value: a number or one of its named choices.
public enum KnobValue: Hashable, Sendable {
    case number(Double)
    /// A seed: every `UInt64`, never through `Double` (which would round it above 2⁵³).
    case whole(UInt64)
    case choice(String)
}

/// The values a knob moves through.
public enum KnobRange: Sendable, Equatable {
    /// `[min, max]`; whole numbers only for ``KnobName/isWholeNumber`` knobs.
    case numeric(ClosedRange<Double>)
    /// `[a, b, …]`: the names the knob steps through.
    case choices([String])

    /// Whether the knob can be turned to `value`.
    public func contains(_ value: KnobValue) -> Bool {
        switch (self, value) {
        case (.numeric(let r), .number(let v)): r.contains(v)
        case (.numeric(let r), .whole(let v)): r.contains(Double(v))
        case (.choices(let names), .choice(let name)): names.contains(name)
        default: false
        }
    }
}

/// The knobs a lesson may offer.
public enum KnobName: String, CaseIterable, Sendable, Codable {
    case lr, momentum, clip, temperature, optimizer, activation, seed, hidden, noise

    /// Live knobs change the running training; the others start the run again.
    public var isLive: Bool {
        switch self {
        case .lr, .momentum, .clip, .temperature, .optimizer: true
        case .activation, .seed, .hidden, .noise: false
        }
    }

    /// Knobs that take names (`[sgd, adam]`) rather than a numeric range.
    public var takesChoices: Bool { self == .optimizer || self == .activation }

    public var isWholeNumber: Bool { self == .seed || self == .hidden }

    /// The names a choice knob accepts (from the LearnModels catalogue).
    public var allowedChoices: [String] {
        switch self {
        case .optimizer: OptimizerName.allCases.map(\.rawValue)
        case .activation: Activation.allCases.map(\.rawValue)
        default: []
        }
    }

    /// The widest numeric range a numeric knob may span (from `LearnModels.Limits`).
    public var limit: ClosedRange<Double>? {
        switch self {
        case .lr: Limits.learningRate
        case .momentum: Limits.momentum
        case .clip: Limits.clip
        case .temperature: Limits.temperature
        case .noise: Limits.noise
        case .hidden: Double(Limits.hidden.lowerBound)...Double(Limits.hidden.upperBound)
        case .seed: 0...Double(UInt32.max)
        case .optimizer, .activation: nil
        }
    }
}
