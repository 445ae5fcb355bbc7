import LearnTensor

/// One real training step, recorded for the step-through view and `learn trace --schema 2`:
/// the batch, the forward pass stage by stage, the loss, every gradient before clipping, and
/// every parameter before and after the update. The step is the trainer's own next step (the
/// same batch, the same update), so what the student walks through is what training did.
public struct StepTrace: Sendable {
    /// One named tensor of the forward pass (`model-conventions.md`, trace version 2, where
    /// the conventions name it), with `∂L/∂tensor` where the backward pass was recorded.
    public struct Stage: Sendable {
        public let name: String
        /// The time step of a recurrent cell's per-step value `[B, H]`; nil for a whole tensor.
        public let time: Int?
        public let value: Trace.Values
        /// `∂L/∂value` of this step; nil where no gradient reached it.
        public let gradient: Trace.Values?
    }

    /// The step's number, counting from 1.
    public let step: Int
    /// Parameters before the step, the batch, the loss and the gradients.
    public let trace: Trace
    /// `y_hat` (kx), `fc` (perceptron), `layers.{i}` and `act.{i}` (mlp); every stage of a
    /// sequence model's readable form (``ForwardRecord``), in the order computed.
    public let forward: [Stage]
    /// Every parameter after the update, in the order of `trace.params`.
    public let after: [Trace.Values]
    public let rule: LearningRule
    public let optimizer: OptimizerSettings
    public let clip: Double?
    public let activation: Activation
    /// Number of classes; 0 for regression.
    public let classes: Int
    /// Sequence models: the text of each token (`symbols[id]`); empty for point models.
    public let symbols: [String]
    /// False when the step diverged: `after` is then the parameters it stopped at.
    public let finished: Bool
    /// The optimiser's state after the step, per parameter in the order of `trace.params`.
    public let state: OptimizerState

    public enum OptimizerState: Sendable {
        case none
        /// SGD with momentum: each parameter's velocity.
        case momentum([[Float]])
        /// Adam: first and second moments, and the step count t (for the bias correction).
        case adam(m: [[Float]], v: [[Float]], t: Int)
    }
}

extension Trainer {
    /// Takes the next training step and records it (see ``StepTrace``).
    public func tracedStep() -> StepTrace {
        var copy = sampler
        let batch = nextBatch(&copy)  // the batch trace() and the step itself draw
        let trace = trace()
        let forward = forwardStages(batch)
        let number = step + 1
        train(steps: 1)
        let after = namedTensors.map { Trace.Values(shape: $0.tensor.shape, data: $0.tensor.data) }
        return StepTrace(step: number, trace: trace, forward: forward, after: after, rule: config.rule,
                         optimizer: config.optimizer, clip: config.clip, activation: config.activation,
                         classes: data.pointClasses, symbols: data.vocabulary?.symbols.map { String($0) } ?? [],
                         finished: divergence == nil, state: optimizerState)
    }

    private var optimizerState: StepTrace.OptimizerState {
        if let adam = optimizer as? Adam { return .adam(m: adam.moments.m, v: adam.moments.v, t: adam.stepCount) }
        if let sgd = optimizer as? SGD, !sgd.velocities.isEmpty { return .momentum(sgd.velocities) }
        return .none
    }

    /// The forward pass on the traced batch, one stage per layer (point models) or per stage
    /// of the model's readable form (sequence models), each with its gradient from a backward
    /// pass through the same stages. The parameters' own gradients are put back afterwards:
    /// looking changes nothing.
    private func forwardStages(_ batch: Batch) -> [StepTrace.Stage] {
        let saved = namedTensors.map(\.tensor.grad)
        defer { for (i, p) in namedTensors.enumerated() { p.tensor.grad = saved[i] } }
        let stages: [ForwardRecord.Entry]
        switch (network, batch) {
        case (.sequence(let model), .tokens(let inputs, _, _, let b, let t)):
            let record = ForwardRecord()
            let logits = model.readableForward(inputs, batch: b, time: t, record: record)
            Objective.lossOf(SequenceForward(logits: logits), batch).backward()
            stages = record.entries
        case (_, .points(let set)):
            let walked = pointStages(Tensor(set.inputs, shape: [set.count, set.dimensions]))
            if let output = walked.last?.tensor { Objective.scored(output, set, network).loss.backward() }
            stages = walked.map { ForwardRecord.Entry(name: $0.name, time: nil, tensor: $0.tensor) }
        default:
            preconditionFailure("a batch the network does not read")
        }
        return stages.map { entry in
            let t = entry.tensor
            return StepTrace.Stage(name: entry.name, time: entry.time, value: Trace.Values(shape: t.shape, data: t.data),
                                   gradient: t.grad.count == t.count ? Trace.Values(shape: t.shape, data: t.grad) : nil)
        }
    }

    /// A point model's layers one by one, walking the model's own layers.
    private func pointStages(_ x: Tensor) -> [(name: String, tensor: Tensor)] {
        switch network {
        case .kx(let model): return [("y_hat", model(x))]
        case .perceptron(let model): return [("fc", model(x))]
        case .mlp(let model):
            var stages: [(name: String, tensor: Tensor)] = []
            var a = x
            for (i, layer) in model.layers.enumerated() {
                a = layer(a)
                stages.append(("layers.\(i)", a))
                if i < model.layers.count - 1 {
                    a = MLP.apply(model.activation, a)
                    stages.append(("act.\(i)", a))
                }
            }
            return stages
        case .sequence: return []
        }
    }
}
