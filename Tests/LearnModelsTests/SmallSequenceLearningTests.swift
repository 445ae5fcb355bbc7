import Testing
@testable import LearnModels

/// Sequence models learning small tasks: small enough to run in every build (debug
/// included), so plain `swift test` still sees every sequence model learn something.
/// The lesson-sized goals are in `HeavyLearningTests`.
@Suite struct SmallSequenceLearningTests {
    @Test(arguments: [ModelKind.rnn, .lstm, .gru])
    func recurrentModelsLearnShortRecall(_ kind: ModelKind) throws {
        var c = RunConfig(model: kind, data: .named(.recall))
        c.dataOptions.length = 3
        c.dataOptions.points = 400
        c.embed = 8
        c.hidden = 16
        c.batch = 16
        c.optimizer = OptimizerSettings(name: .adam, lr: 0.03)
        let t = try Trainer(c)
        let steps = LearningTests.train(t, budget: 400, chunk: 20) { ($0.metric("val_accuracy") ?? 0) >= 0.95 }
        #expect(t.metric("val_accuracy")! >= 0.95, "\(kind) after \(steps) steps")
    }

    @Test func transformerLearnsShortReverse() throws {
        var c = RunConfig(model: .transformer, data: .named(.reverse))
        c.dataOptions.length = 3
        c.dataOptions.points = 1000
        c.embed = 16
        c.heads = 2
        c.blocks = 1
        c.batch = 16
        c.optimizer = OptimizerSettings(name: .adam, lr: 0.01)
        let t = try Trainer(c)
        let steps = LearningTests.train(t, budget: 600, chunk: 20) { ($0.metric("val_accuracy") ?? 0) >= 0.95 }
        #expect(t.metric("val_accuracy")! >= 0.95, "after \(steps) steps")
    }
}
