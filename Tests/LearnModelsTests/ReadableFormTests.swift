import Testing
import LearnTensor
@testable import LearnModels

/// Each sequence model has two forms of one computation: the readable form the step-through
/// view walks (the cells one time step at a time, attention stage by stage) and the fused
/// kernels training runs. They must agree on the logits, the loss and every parameter's
/// gradient. Float32, different summation orders: entries may differ by at most
/// `absolute + relative × (the tensor's largest magnitude)`.
enum ReadableTolerance {
    static let absolute: Float = 1e-5
    static let relative: Float = 1e-4
}

@Suite struct ReadableFormTests {
    /// Forward and backward of both forms on the trainer's next batch; returns the largest
    /// disagreement found, for the message.
    static func compare(_ config: RunConfig, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let trainer = try Trainer(config)
        var sampler = trainer.sampler
        let batch = trainer.nextBatch(&sampler)
        guard case .sequence(let model) = trainer.network, case .tokens(let inputs, _, _, let b, let t) = batch else {
            Issue.record("not a sequence model", sourceLocation: sourceLocation)
            return
        }
        let params = trainer.namedTensors
        func run(_ logits: () -> Tensor) -> (logits: [Float], loss: Float, grads: [[Float]]) {
            for (_, p) in params { p.zeroGrad() }
            let out = logits()
            let loss = Objective.lossOf(SequenceForward(logits: out), batch)
            loss.backward()
            return (out.data, loss.item, params.map(\.tensor.grad))
        }
        let fused = run { model.forward(inputs, batch: b, time: t).logits }
        let record = ForwardRecord()
        let readable = run { model.readableForward(inputs, batch: b, time: t, record: record) }
        func agree(_ a: [Float], _ b: [Float], _ what: String) {
            let scale = a.map(abs).max() ?? 0
            let bound = ReadableTolerance.absolute + ReadableTolerance.relative * scale
            let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
            #expect(a.count == b.count && worst <= bound, "\(what): differs by \(worst), bound \(bound)",
                    sourceLocation: sourceLocation)
        }
        agree(fused.logits, readable.logits, "logits")
        agree([fused.loss], [readable.loss], "loss")
        for (i, (name, _)) in params.enumerated() { agree(fused.grads[i], readable.grads[i], "∂L/∂\(name)") }
        #expect(record.entries.contains { $0.name == "logits" }, sourceLocation: sourceLocation)
        #expect(params.allSatisfy { $0.tensor.grad.contains { $0 != 0 } }, "every parameter gets a gradient",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: [ModelKind.rnn, .lstm, .gru])
    func recurrentCellStepByStepEqualsTheFusedLayer(_ kind: ModelKind) throws {
        var c = RunConfig(model: kind, data: .named(.reverse))
        c.dataOptions.length = 5
        c.embed = 7
        c.hidden = 9
        c.batch = 3
        if kind == .lstm { c.forgetBias = 1 }
        try Self.compare(c)
    }

    @Test(arguments: [Norm.pre, .post])
    func attentionStageByStageEqualsTheFusedKernel(_ norm: Norm) throws {
        var c = RunConfig(model: .transformer, data: .text(name: "t", contents: String(repeating: "abcab cabba acbca bacab ", count: 3)))
        c.embed = 12
        c.heads = 3
        c.blocks = 2
        c.context = 7
        c.norm = norm
        c.batch = 3
        try Self.compare(c)
    }

    /// The readable forms record what `learn trace --schema 2` names, in the shapes it states.
    @Test func recordedStagesCarryTheConventionNames() throws {
        var c = RunConfig(model: .lstm, data: .named(.reverse))
        c.dataOptions.length = 3
        c.embed = 4
        c.hidden = 5
        c.batch = 2
        let lstm = try Trainer(c)
        var sampler = lstm.sampler
        guard case .sequence(let model) = lstm.network, case .tokens(let inputs, _, _, let b, let t) = lstm.nextBatch(&sampler) else {
            Issue.record("not a sequence model")
            return
        }
        let record = ForwardRecord()
        _ = model.readableForward(inputs, batch: b, time: t, record: record)
        let names = Set(record.entries.map(\.name))
        #expect(names.isSuperset(of: ["embed", "cell", "cell.c", "cell.i", "cell.f", "cell.g", "cell.o", "logits"]))
        #expect(record.entries.filter { $0.name == "cell.f" }.map(\.time) == (0..<t).map { $0 })
        #expect(record.entries.first { $0.name == "cell.f" }?.tensor.shape == [b, 5])
    }
}
