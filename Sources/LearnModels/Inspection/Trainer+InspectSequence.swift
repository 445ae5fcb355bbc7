import LearnTensor

extension Trainer {
    /// The example a sequence model is inspected on: the first validation sequence (the
    /// first training pair for `translate`, whose validation pairs are unseen sentences;
    /// the first validation window of a text).
    var inspectedExample: (input: [Int], target: [Int], scored: [Bool]) {
        if case .text(let corpus, let validation) = data, validation.count == 0 {
            return TextCorpus.window(corpus.train, start: 0, context: validation.time)
        }
        return answeredExamples.set.map { ($0.inputs[0], $0.targets[0], $0.scored[0]) }
            ?? ([], [], [])
    }

    /// The set a task's shown answers come from, in order from its first example, and
    /// whether it is held out: the validation set (training pairs for `translate`).
    var answeredExamples: (set: TokenSet?, heldOut: Bool) {
        switch data {
        case .tokens(let train, let validation, _):
            let heldOut = config.data != .named(.translate) && validation.count > 0
            return (heldOut ? validation : train, heldOut)
        case .text(_, let validation):
            return (validation.count > 0 ? validation : nil, true)
        case .points:
            preconditionFailure("points have no token example")
        }
    }

    func inspectSequence(_ model: any SequenceModel, _ options: InspectionOptions, into out: inout Inspection) {
        guard let vocabulary = data.vocabulary else { return }
        let example = inspectedExample
        let t = example.input.count
        out.tokens = example.input.map { vocabulary.labels[$0] }

        let recurrent = config.model.isRecurrent
        let backward = recurrent && options.gradientFlow
        let savedGrads = backward ? namedTensors.map(\.tensor.grad) : []
        let forward = backward ? model.forward(example.input, batch: 1, time: t)
                               : Tensor.withoutGrad { model.forward(example.input, batch: 1, time: t) }
        if let layer = forward.recurrent {
            out.hidden = (0..<t).map { layer.hiddenState($0) }
            out.gates = layer.gates.map { (name: $0.name, values: $0.steps) }
        }
        if !forward.attention.isEmpty {
            out.attention = forward.attention.map { weights in                 // [1, h, T, T]
                let heads = weights.shape[1]
                return (0..<heads).map { head in
                    (0..<t).map { row in Array(weights.data[((head * t + row) * t)..<((head * t + row + 1) * t)]) }
                }
            }
        }
        if let transformer = model as? Transformer {
            let c = transformer.width
            out.positions = (0..<t).map { Array(transformer.positions[($0 * c)..<(($0 + 1) * c)]) }
        }
        let table = model.embeddingTable
        let e = table.shape[1]
        out.embeddings = (vocabulary.labels, (0..<vocabulary.count).map { Array(table.data[($0 * e)..<(($0 + 1) * e)]) })

        if backward {
            let batch = Batch.tokens(inputs: example.input, targets: example.target, scored: example.scored, batch: 1, time: t)
            let loss = Objective.lossOf(forward, batch)
            if loss.item.isFinite, let layer = forward.recurrent {
                loss.backward()
                out.gradFlow = (0..<t).map { step in                           // ‖total ∂L/∂h_t‖
                    let grad = layer.hiddenGradient(step) ?? []
                    return (grad.reduce(0.0) { $0 + Double($1) * Double($1) }).squareRoot()
                }
            }
            for (i, p) in namedTensors.enumerated() { p.tensor.grad = savedGrads[i] }
        }
        if options.sample { describeSample(model, example, vocabulary, options, into: &out) }
    }

    private func describeSample(_ model: any SequenceModel, _ example: (input: [Int], target: [Int], scored: [Bool]),
                                _ vocabulary: Vocabulary, _ options: InspectionOptions, into out: inout Inspection) {
        let window = Swift.max(example.input.count, config.context)
        if case .text = data {
            var rng = RandomSource(seed: config.seed ^ Generation.stream ^ UInt64(step))
            let prompt = Array(example.input.prefix(8))
            let text = Generation.sample(model, prompt: prompt, count: options.sampleLength, window: window,
                                         temperature: Float(config.temperature), rng: &rng)
            out.sample = vocabulary.decode(prompt + text)
            return
        }
        let (set, heldOut) = answeredExamples
        guard let set else { return }
        out.answersHeldOut = heldOut
        out.answers = (0..<Swift.min(set.count, options.answers)).compactMap { i in
            answer(model, (set.inputs[i], set.targets[i], set.scored[i]), vocabulary, window: window)
        }
        out.sample = out.answers.first?.answer
        out.sampleTarget = out.answers.first?.target
    }

    /// The model's greedy answer to one task example, and the right one, each written
    /// `prompt→answer`; nil when nothing in it is scored.
    private func answer(_ model: any SequenceModel, _ example: (input: [Int], target: [Int], scored: [Bool]),
                        _ vocabulary: Vocabulary, window: Int) -> SampleAnswer? {
        guard let first = example.scored.firstIndex(of: true) else { return nil }
        let answer = (0..<example.scored.count).filter { example.scored[$0] }.map { example.target[$0] }
        var prompt = Array(example.input[0...first])
        var stop = Set<Int>()
        var length = answer.count
        if config.data == .named(.translate) {
            stop = Set(".?!_".compactMap { vocabulary.id($0) })
            length = example.input.count - first
        }
        let produced = Generation.greedy(model, prompt: prompt, count: length, window: window, stop: stop)
        if let last = prompt.last, vocabulary.symbols[last] == "=" { prompt.removeLast() }
        let shownPrompt = vocabulary.decode(prompt)
        return SampleAnswer(answer: shownPrompt + "→" + vocabulary.decode(produced.filter { vocabulary.symbols[$0] != "_" }),
                            target: shownPrompt + "→" + vocabulary.decode(answer))
    }
}
