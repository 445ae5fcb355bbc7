import LearnTensor

/// Trains one run: builds data and model from the config's seed, then steps
/// (forward, loss, backward, optional clipping, optimiser update), recording a few
/// numbers per step. Internals for the panels are computed only when asked (`inspect`).
///
/// Every random choice comes from three streams derived from `config.seed`: the data's,
/// the initial weights', and the training stream (batches, epoch order). Same config,
/// same numbers.
public final class Trainer {
    public internal(set) var config: RunConfig
    /// Steps done.
    public internal(set) var step = 0
    public internal(set) var divergence: Divergence?
    /// One row per step.
    public internal(set) var history: [StepMetrics] = []
    /// Loss (and accuracy) on the validation set, every `validationInterval` steps and at
    /// the run's last step (`config.steps`).
    public internal(set) var validationHistory: [(step: Int, loss: Double, accuracy: Double?)] = []
    /// History of every scalar (one-element) parameter: its value before step 1, then after
    /// every step (so `count == step + 1`). For the `param` panel (kx: "k").
    public internal(set) var scalarHistory: [String: [Double]] = [:]
    /// The largest |entry| of each parameter and of its gradient so far in this run (the
    /// values from before step 1, the gradients from step 1): a heatmap drawn on this
    /// scale holds it across steps, so a gradient that fades is seen fading.
    public internal(set) var peaks: [String: (value: Double, grad: Double)] = [:]

    let data: TrainingData
    private(set) var network: Network
    var optimizer: any Optimizer
    var sampler: BatchSampler
    /// Parameters in convention order (cached: the list never changes during a run).
    private(set) var namedTensors: [(name: String, tensor: Tensor)]

    public init(_ config: RunConfig) throws(ConfigError) {
        try Self.validate(config)
        try ModelSpec.of(config.model).validate(config)
        self.config = config
        data = try TrainingData.build(config)
        network = Network.build(config, data: data)
        namedTensors = network.model.parameters
        optimizer = Self.makeOptimizer(config, namedTensors.map(\.tensor))
        sampler = BatchSampler(seed: config.seed)
        recordScalars()
    }

    /// Back to the seed's initial state: same data, same initial weights, empty history.
    /// Knob settings (learning rate, optimiser, clip, temperature) are kept.
    public func reset() {
        // Building cannot fail here: knobs never touch what the model is built from.
        network = Network.build(config, data: data)
        namedTensors = network.model.parameters
        optimizer = Self.makeOptimizer(config, namedTensors.map(\.tensor))
        sampler = BatchSampler(seed: config.seed)
        step = 0
        divergence = nil
        history = []
        validationHistory = []
        scalarHistory = [:]
        peaks = [:]
        recordScalars()
    }

    // MARK: Knobs (no reset)

    public func setLearningRate(_ lr: Double) {
        config.optimizer.lr = lr
        optimizer.learningRate = Float(lr)
    }

    /// A fresh optimiser (no momentum or Adam moments), same parameters.
    public func setOptimizer(_ name: OptimizerName) {
        config.optimizer.name = name
        optimizer = Self.makeOptimizer(config, namedTensors.map(\.tensor))
    }

    /// A new SGD momentum; the optimiser starts afresh (velocity zero) with it.
    public func setMomentum(_ momentum: Double) {
        config.optimizer.momentum = momentum
        optimizer = Self.makeOptimizer(config, namedTensors.map(\.tensor))
    }

    public func setClip(_ clip: Double?) { config.clip = clip }

    public func setTemperature(_ t: Double) { config.temperature = t }

    // MARK: Reading

    public var parameters: [NamedParameter] {
        namedTensors.map { name, t in
            NamedParameter(name: name, shape: t.shape, value: t.data,
                           grad: t.grad.count == t.count ? t.grad : [Float](repeating: 0, count: t.count))
        }
    }

    /// `loss`, `val_loss`, `accuracy`, `val_accuracy`, `grad_norm` at the current step,
    /// `best_val_loss` the lowest validation loss up to it, or
    /// the value of a scalar parameter by name (`k`). nil when it does not apply (yet).
    public func metric(_ name: String) -> Double? {
        switch MetricName(rawValue: name) {
        case .loss: return history.last?.loss
        case .gradNorm: return history.last?.gradNorm
        case .accuracy: return history.last?.accuracy
        case .valLoss: return validationHistory.last?.loss
        case .valAccuracy: return validationHistory.last?.accuracy
        case .bestValLoss: return validationHistory.map(\.loss).min()
        case nil:
            guard let t = namedTensors.first(where: { $0.name == name })?.tensor, t.count == 1 else { return nil }
            return Double(t.data[0])
        }
    }

    /// Whether the run's data is classification (accuracy applies) or regression.
    public var isClassification: Bool { data.isClassification }

    // MARK: Helpers

    static func makeOptimizer(_ config: RunConfig, _ params: [Tensor]) -> any Optimizer {
        let o = config.optimizer
        switch o.name {
        case .sgd: return SGD(params, lr: Float(o.lr), momentum: Float(o.momentum), weightDecay: Float(o.weightDecay))
        case .adam: return Adam(params, lr: Float(o.lr), weightDecay: Float(o.weightDecay))
        }
    }

    /// Appends the scalar parameters' values to their histories and raises the peaks, from
    /// the step's ``Magnitudes`` of every parameter (and of its gradient, after a step).
    func recordScalars(values: [Magnitudes]? = nil, gradients: [Magnitudes]? = nil) {
        let values = values ?? namedTensors.map { Kernels.magnitudes($0.tensor.data) }
        for (i, (name, t)) in namedTensors.enumerated() {
            if t.count == 1 { scalarHistory[name, default: []].append(Double(t.data[0])) }
            let old = peaks[name] ?? (0, 0)
            peaks[name] = (Swift.max(old.value, Double(values[i].largest)),
                           Swift.max(old.grad, Double(gradients?[i].largest ?? 0)))
        }
    }

    static func validate(_ c: RunConfig) throws(ConfigError) {
        func check<T: Comparable>(_ value: T, _ range: ClosedRange<T>, _ name: String) throws(ConfigError) {
            guard range.contains(value) else { throw ConfigError("\(name) \(value) is outside \(range)") }
        }
        try check(c.batch, Limits.batch, "batch")
        try check(c.context, Limits.context, "context")
        try check(c.optimizer.lr, Limits.learningRate, "learning rate")
        try check(c.optimizer.momentum, Limits.momentum, "momentum")
        try check(c.optimizer.weightDecay, Limits.weightDecay, "weight decay")
        try check(c.temperature, Limits.temperature, "temperature")
        try check(c.dataOptions.noise, Limits.noise, "noise")
        try check(c.dataOptions.validation, Limits.validation, "validation")
        if case .named(let name) = c.data {
            if name.kind == .points || name.kind == .function || name.kind == .sequence {
                try check(c.dataOptions.points, Limits.points, "points")
            }
            if name.kind == .sequence { try check(c.dataOptions.length, Limits.sequenceLength, "length") }
        }
        if case .text(let name, let contents) = c.data, !Limits.textBytes.contains(contents.utf8.count) {
            throw ConfigError("text \(name) has \(contents.utf8.count) bytes; the limit is \(Limits.textBytes.upperBound)")
        }
        if let clip = c.clip { try check(clip, Limits.clip, "clip") }
    }
}
