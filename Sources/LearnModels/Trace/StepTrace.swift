import LearnTensor

/// One real training step, recorded for the step-through view: the batch, the forward pass
/// of a point model stage by stage, the loss, every gradient before clipping, and every
/// parameter before and after the update. The step is the trainer's own next step (the
/// same batch, the same update), so what the student walks through is what training did.
public struct StepTrace: Sendable {
    /// One named tensor of the forward pass (`model-conventions.md`, trace version 2).
    public struct Stage: Sendable {
        public let name: String
        public let value: Trace.Values
    }

    /// The step's number, counting from 1.
    public let step: Int
    /// Parameters before the step, the batch, the loss and the gradients.
    public let trace: Trace
    /// `y_hat` (kx), `fc` (perceptron), `layers.{i}` and `act.{i}` (mlp); empty for sequence models.
    public let forward: [Stage]
    /// Every parameter after the update, in the order of `trace.params`.
    public let after: [Trace.Values]
    public let rule: LearningRule
    public let optimizer: OptimizerSettings
    public let clip: Double?
    public let activation: Activation
    /// Number of classes; 0 for regression.
    public let classes: Int
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
        let trace = trace()
        let forward = forwardStages(trace)
        let number = step + 1
        train(steps: 1)
        let after = namedTensors.map { Trace.Values(shape: $0.tensor.shape, data: $0.tensor.data) }
        return StepTrace(step: number, trace: trace, forward: forward, after: after, rule: config.rule,
                         optimizer: config.optimizer, clip: config.clip, activation: config.activation,
                         classes: data.pointClasses, finished: divergence == nil, state: optimizerState)
    }

    private var optimizerState: StepTrace.OptimizerState {
        if let adam = optimizer as? Adam { return .adam(m: adam.moments.m, v: adam.moments.v, t: adam.stepCount) }
        if let sgd = optimizer as? SGD, !sgd.velocities.isEmpty { return .momentum(sgd.velocities) }
        return .none
    }

    /// The forward pass of a point model on the traced batch, one stage per layer, walking
    /// the model's own layers (no gradient is kept).
    private func forwardStages(_ trace: Trace) -> [StepTrace.Stage] {
        guard let inputs = trace.batch.first(where: { $0.name == "inputs" })?.value else { return [] }
        let x = Tensor(inputs.data, shape: inputs.shape)
        func stage(_ name: String, _ t: Tensor) -> StepTrace.Stage {
            StepTrace.Stage(name: name, value: Trace.Values(shape: t.shape, data: t.data))
        }
        switch network {
        case .kx(let model): return [stage("y_hat", model(x))]
        case .perceptron(let model): return [stage("fc", model(x))]
        case .mlp(let model):
            var stages: [StepTrace.Stage] = []
            var a = x
            for (i, layer) in model.layers.enumerated() {
                a = layer(a)
                stages.append(stage("layers.\(i)", a))
                if i < model.layers.count - 1 {
                    a = MLP.apply(model.activation, a)
                    stages.append(stage("act.\(i)", a))
                }
            }
            return stages
        case .sequence: return []
        }
    }
}
