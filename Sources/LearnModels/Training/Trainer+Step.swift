import LearnTensor

extension Trainer {
    /// Runs up to `n` steps; stops early on divergence. Returns the steps actually done.
    @discardableResult
    public func train(steps n: Int) -> Int {
        var done = 0
        while done < n, divergence == nil {
            trainStep()
            done += 1
            if divergence == nil, step % validationInterval == 0 || step == config.steps { validate() }
        }
        return done
    }

    /// One step. For `rule: classic` (kx, perceptron) the step is one pass of the rule over
    /// the training set; the loss and gradient norm recorded are those of the model's loss
    /// (MSE, BCE) at the start of the pass, so every model's panels read the same way.
    private func trainStep() {
        let index = step + 1
        let classic = config.rule == .classic
        let batch = nextBatch(&sampler)
        optimizer.zeroGrad()
        let evaluation = Objective.evaluate(network, batch)
        let loss = evaluation.loss.item
        guard loss.isFinite else {
            divergence = Divergence(step: index, place: .loss, tensor: "loss", value: Divergence.name(of: loss))
            return
        }
        evaluation.loss.backward()
        let gradients = namedTensors.map { Kernels.magnitudes($0.tensor.grad) }
        let norm = gradients.reduce(0) { $0 + $1.sumOfSquares }.squareRoot()
        guard norm.isFinite else {
            divergence = firstNonFinite(step: index, place: .gradient) { $0.grad }
            return
        }
        let before = namedTensors.map(\.tensor.data)
        switch (network, classic, batch) {
        case (.kx(let model), true, .points(let train)):
            model.applyRule(train, step: Float(config.optimizer.lr))
        case (.perceptron(let model), true, .points(let train)):
            model.applyRule(train, order: sampler.epoch(train.count), step: Float(config.optimizer.lr))
        default:
            if let clip = config.clip { clipGradNorm(namedTensors.map(\.tensor), maxNorm: Float(clip)) }
            optimizer.step()
        }
        let values = namedTensors.map { Kernels.magnitudes($0.tensor.data) }
        if !values.allSatisfy(\.finite), let bad = firstNonFinite(step: index, place: .parameter, { $0.data }) {
            // Keep the last finite weights on screen; the run stops here.
            for (i, p) in namedTensors.enumerated() { p.tensor.data = before[i] }
            divergence = bad
            step = index
            return
        }
        step = index
        history.append(StepMetrics(step: index, loss: Double(loss), gradNorm: norm, accuracy: evaluation.accuracy))
        recordScalars(values: values, gradients: gradients)
    }

    /// The examples of the next step: the whole training set for `kx` (one full-batch
    /// step, or one pass of the rule) and the classic perceptron rule, else a minibatch.
    func nextBatch(_ sampler: inout BatchSampler) -> Batch {
        switch (network, config.rule, data) {
        case (.kx, _, .points(let train, _)), (.perceptron, .classic, .points(let train, _)):
            return .points(train)
        default:
            return sampler.next(data, size: config.batch)
        }
    }

    private func firstNonFinite(step: Int, place: Divergence.Place, _ values: (Tensor) -> [Float]) -> Divergence? {
        for (name, t) in namedTensors {
            if let bad = values(t).first(where: { !$0.isFinite }) {
                return Divergence(step: step, place: place, tensor: name, value: Divergence.name(of: bad))
            }
        }
        return nil
    }

    /// Validation every N steps, N chosen so evaluating the validation set (a forward pass,
    /// about a third of a training step per example) costs under ~10% of training.
    var validationInterval: Int {
        let perStep: Int
        switch (network, data) {
        case (.kx, .points(let train, _)): perStep = train.count
        case (.perceptron, .points(let train, _)) where config.rule == .classic: perStep = train.count
        default: perStep = config.batch
        }
        let held = validationCount
        return Swift.max(1, Int((Double(held) / Double(Swift.max(1, perStep)) * 10 / 3).rounded(.up)))
    }

    var validationCount: Int {
        switch data {
        case .points(_, let v): v.count
        case .tokens(_, let v, _): v.count
        case .text(_, let v): v.count
        }
    }

    /// Evaluates the whole validation set now (no graph) and records it.
    public func validate() {
        guard validationCount > 0, divergence == nil else { return }
        if validationHistory.last?.step == step { return }
        let (loss, accuracy) = validationMetrics()
        guard loss.isFinite else { return }
        validationHistory.append((step, loss, accuracy))
    }

    /// Loss and accuracy on the validation set, in chunks of at most 256 examples and 4,096
    /// token positions (a chunk's activations are what the validation pass holds at once:
    /// 256 sequences of lesson 08's 62 steps held ~80 MB).
    func validationMetrics() -> (loss: Double, accuracy: Double?) {
        Tensor.withoutGrad {
            switch data {
            case .points(_, let v):
                let e = Objective.evaluate(network, .points(v))
                return (Double(e.loss.item), e.accuracy)
            case .tokens(_, let v, _), .text(_, let v):
                var loss = 0.0, right = 0.0, total = 0.0
                let chunk = Swift.max(1, Swift.min(256, 4096 / Swift.max(1, v.time)))
                for start in stride(from: 0, to: v.count, by: chunk) {
                    let indices = Array(start..<Swift.min(v.count, start + chunk))
                    let scored = Double(indices.reduce(0) { $0 + v.scored[$1].filter { $0 }.count })
                    let e = Objective.evaluate(network, Batch.tokens(v, indices))
                    loss += Double(e.loss.item) * scored
                    right += (e.accuracy ?? 0) * scored
                    total += scored
                }
                return (loss / total, right / total)
            }
        }
    }
}
