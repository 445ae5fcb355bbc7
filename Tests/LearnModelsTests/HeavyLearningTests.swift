import Testing
import Foundation
import LearnTensor
@testable import LearnModels

/// Whether the sequence-model learning tests run: in optimised builds always; in debug
/// builds (where the unoptimised tensor code is ~100× slower) only with
/// `LEARN_HEAVY_TESTS=1`. Run them with `swift test -c release -Xswiftc -enable-testing`.
enum Heavy {
    static var enabled: Bool {
        #if DEBUG
        ProcessInfo.processInfo.environment["LEARN_HEAVY_TESTS"] == "1"
        #else
        true
        #endif
    }
}

@Suite(.enabled(if: Heavy.enabled, "sequence learning tests run in optimised builds or with LEARN_HEAVY_TESTS=1"))
struct HeavyLearningTests {
    /// The long-range `recall` task at length 20: the key must cross 20 distractors.
    static func recall(_ kind: ModelKind) -> RunConfig {
        var c = RunConfig(model: kind, data: .named(.recall))
        c.dataOptions.length = 20
        c.dataOptions.points = 4000
        c.embed = 8
        c.hidden = 32
        c.batch = 32
        c.clip = 1
        c.optimizer = OptimizerSettings(name: .adam, lr: 0.01)
        return c
    }

    static let recallBudget = 4000

    @Test(arguments: [ModelKind.lstm, .gru])
    func gatedCellsSolveLongRangeRecall(_ kind: ModelKind) throws {
        let t = try Trainer(Self.recall(kind))
        let steps = LearningTests.train(t, budget: Self.recallBudget, chunk: 250) { ($0.metric("val_accuracy") ?? 0) >= 0.95 }
        #expect(t.metric("val_accuracy")! >= 0.95, "\(kind) after \(steps) steps")
    }

    /// The plain RNN on lesson 08's cell: 60 distractors, 600 sequences with half held out
    /// (300 to train on), Adam, 800 steps, on every seed the lesson's knob reaches. It
    /// learns the training sequences by heart (their last distractors tell them apart) and
    /// stays near a guess on held-out ones: 0.19–0.28 on seeds 0–9 when measured. (At
    /// length 20 with 1,000 sequences it ranged 0.19–1.00; DECISIONS.md, the sturdier
    /// recall setting.)
    @Test(arguments: 0..<UInt64(10))
    func plainRNNFailsLongRangeRecall(seed: UInt64) throws {
        var c = RunConfig(model: .rnn, data: .named(.recall))
        c.dataOptions.length = 60
        c.dataOptions.points = 600
        c.dataOptions.validation = 0.5
        c.embed = 16
        c.hidden = 64
        c.batch = 32
        c.seed = seed
        c.optimizer = OptimizerSettings(name: .adam, lr: 0.01)
        let t = try Trainer(c)
        t.train(steps: 800)
        t.validate()
        // Four keys: guessing gets 25%.
        #expect(t.metric("val_accuracy")! < 0.4, "seed \(seed)")
    }

    @Test func transformerLearnsToReverse() throws {
        var c = RunConfig(model: .transformer, data: .named(.reverse))
        c.dataOptions.length = 6
        c.dataOptions.points = 4000
        c.embed = 32
        c.heads = 2
        c.blocks = 2
        c.clip = 1
        c.optimizer = OptimizerSettings(name: .adam, lr: 0.003)
        let t = try Trainer(c)
        let steps = LearningTests.train(t, budget: 1500, chunk: 100) { ($0.metric("val_accuracy") ?? 0) >= 0.95 }
        #expect(t.metric("val_accuracy")! >= 0.95, "after \(steps) steps")
        let view = t.inspect()
        #expect(view.sample == view.sampleTarget)
    }

    /// Stated goal: below 0.5 nats per character on `tiny.txt` (uniform guessing over its
    /// 22 characters is ln 22 ≈ 3.1).
    @Test func transformerLearnsText() throws {
        let text = try String(contentsOfFile: URLHelper.lessonsData + "tiny.txt", encoding: .utf8)
        var c = RunConfig(model: .transformer, data: .text(name: "tiny.txt", contents: text))
        c.embed = 32
        c.heads = 2
        c.blocks = 2
        c.context = 32
        c.batch = 16
        c.optimizer = OptimizerSettings(name: .adam, lr: 0.003)
        let t = try Trainer(c)
        let steps = LearningTests.train(t, budget: 1500, chunk: 100) { ($0.metric("val_loss") ?? 9) < 0.5 }
        #expect(t.metric("val_loss")! < 0.5, "after \(steps) steps")
    }

    /// The toy translation: every training pair right, and 我爱你 translated greedily.
    @Test func transformerLearnsToyTranslation() throws {
        var c = RunConfig(model: .transformer, data: .named(.translate))
        c.embed = 32
        c.heads = 2
        c.blocks = 2
        c.batch = 16
        c.optimizer = OptimizerSettings(name: .adam, lr: 0.003)
        let t = try Trainer(c)
        guard case .tokens(let train, _, _) = t.data else { throw ConfigError("translate is not tokens") }
        func trainingAccuracy(_ t: Trainer) -> Double {
            Tensor.withoutGrad { Objective.evaluate(t.network, Batch.tokens(train, Array(0..<train.count))).accuracy ?? 0 }
        }
        let steps = LearningTests.train(t, budget: 600) { trainingAccuracy($0) >= 0.99 }
        #expect(trainingAccuracy(t) >= 0.99, "after \(steps) steps")
        let view = t.inspect()
        #expect(view.sample == "我爱你→I love you." && view.sampleTarget == view.sample)
    }
}
