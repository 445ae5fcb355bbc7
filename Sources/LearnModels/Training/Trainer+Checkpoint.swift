import LearnTensor

/// A run's whole training state at one step, so the run can be put back there and go on
/// exactly as it did (the notebook's timeline: scrub back, replay, branch).
///
/// The next step depends on the parameters, the optimiser's memory, the training stream
/// and the knobs (`config`); the model's structure and the data never change during a run,
/// so they are not copied. Metrics are not part of it: a run's past metrics are its
/// `Record`, kept beside the checkpoints once.
extension Trainer {
    public struct Checkpoint: Sendable {
        public let step: Int
        let config: RunConfig
        let parameters: [[Float]]
        let optimizer: OptimizerState
        let sampler: BatchSampler
        let divergence: Divergence?
        /// The largest entries so far (the held heatmap scale), so a replay from here
        /// holds the scale the run had at this step.
        let peaks: [String: (value: Double, grad: Double)]

        /// Bytes of numbers it holds (parameters and optimiser buffers).
        public var bytes: Int {
            parameters.reduce(0) { $0 + $1.count * MemoryLayout<Float>.stride } + optimizer.bytes
        }
    }

    /// What a run measured from its first step on.
    public struct Record: Sendable {
        public let history: [StepMetrics]
        public let validation: [(step: Int, loss: Double, accuracy: Double?)]
        public let scalars: [String: [Double]]
    }

    public func checkpoint() -> Checkpoint {
        Checkpoint(step: step, config: config, parameters: namedTensors.map(\.tensor.data), optimizer: optimizer.state,
                   sampler: sampler, divergence: divergence, peaks: peaks)
    }

    public var record: Record { Record(history: history, validation: validationHistory, scalars: scalarHistory) }

    /// Puts the run back to `checkpoint`, taken earlier in this run. `record` is this run's
    /// past up to at least the checkpoint's step (its metrics are cut there). Gradients are
    /// zero afterwards, as before a first step.
    public func restore(_ checkpoint: Checkpoint, record: Record) {
        config = checkpoint.config
        for (i, (_, tensor)) in namedTensors.enumerated() {
            tensor.data = checkpoint.parameters[i]
            tensor.zeroGrad()
        }
        optimizer = Self.makeOptimizer(config, namedTensors.map(\.tensor))
        optimizer.state = checkpoint.optimizer
        sampler = checkpoint.sampler
        step = checkpoint.step
        divergence = checkpoint.divergence
        peaks = checkpoint.peaks
        history = record.history.filter { $0.step <= checkpoint.step }
        validationHistory = record.validation.filter { $0.step <= checkpoint.step }
        scalarHistory = record.scalars.mapValues { Array($0.prefix(checkpoint.step + 1)) }
    }
}
