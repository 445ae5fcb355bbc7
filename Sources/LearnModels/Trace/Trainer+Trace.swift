import LearnTensor

extension Trainer {
    /// The next training step as `learn.trace/1`, WITHOUT changing the trainer: the batch
    /// is drawn from a copy of the training stream, and every parameter's gradient is put
    /// back afterwards. For the classic rules the loss and gradients are those of the
    /// model's loss (MSE for kx, BCE-with-logits for the perceptron) on the training set.
    public func trace() -> Trace {
        var copy = sampler
        let batch = nextBatch(&copy)
        let saved = namedTensors.map(\.tensor.grad)
        let params = namedTensors.map { (name: $0.name, value: Trace.Values(shape: $0.tensor.shape, data: $0.tensor.data)) }
        for (_, t) in namedTensors { t.zeroGrad() }
        let loss = Objective.evaluate(network, batch).loss
        loss.backward()
        let grads = namedTensors.map { (name: $0.name, value: Trace.Values(shape: $0.tensor.shape, data: $0.tensor.grad)) }
        for (i, p) in namedTensors.enumerated() { p.tensor.grad = saved[i] }
        return Trace(model: config.model.rawValue, config: traceConfig, seed: config.seed, params: params,
                     batch: traceBatch(batch), loss: Double(loss.item), grads: grads)
    }

    private var traceConfig: [(key: String, value: Trace.ConfigValue)] {
        let task: Trace.ConfigValue = .string(data.isClassification ? "classify" : "regress")
        switch network {
        case .kx, .perceptron:
            return [("task", task)]
        case .mlp(let mlp):
            return [("sizes", .ints(mlp.sizes)), ("activation", .string(config.activation.rawValue)), ("task", task)]
        case .sequence(let model):
            let vocab = Trace.ConfigValue.int(data.vocabulary?.count ?? 0)
            if let transformer = model as? Transformer {
                return [("vocab", vocab), ("embed", .int(transformer.width)), ("heads", .int(config.heads)),
                        ("blocks", .int(transformer.blocks.count)), ("context", .int(data.time)),
                        ("norm", .string(config.norm.rawValue)), ("task", task)]
            }
            return [("vocab", vocab), ("embed", .int(config.embed)), ("hidden", .int(config.hidden)),
                    ("context", .int(data.time)), ("task", task)]
        }
    }

    private func traceBatch(_ batch: Batch) -> [(name: String, value: Trace.Values)] {
        switch batch {
        case .points(let set):
            let targets = set.isClassification ? set.labels.map(Float.init) : set.targets
            return [("inputs", Trace.Values(shape: [set.count, set.dimensions], data: set.inputs)),
                    ("targets", Trace.Values(shape: [set.count], data: targets))]
        case .tokens(let inputs, let targets, let scored, let b, let t):
            var list: [(name: String, value: Trace.Values)] = [
                ("inputs", Trace.Values(shape: [b, t], data: inputs.map(Float.init))),
                ("targets", Trace.Values(shape: [b, t], data: targets.map(Float.init))),
            ]
            if scored.contains(false) { list.append(("mask", Trace.Values(shape: [b, t], data: scored.map { $0 ? 1 : 0 }))) }
            return list
        }
    }
}
