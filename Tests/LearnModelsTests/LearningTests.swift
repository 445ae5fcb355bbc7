import Testing
import Foundation
@testable import LearnModels

/// Models reach their lesson's goal within a step budget (and the perceptron fails XOR).
/// The small ones run in every build; the sequence models run where they are fast
/// enough to train: optimised builds, or with `LEARN_HEAVY_TESTS=1` (see `HeavyTests`).
@Suite struct LearningTests {
    /// Trains in chunks until `goal` holds or `budget` steps are done; returns the steps used.
    static func train(_ t: Trainer, budget: Int, chunk: Int = 50, until goal: (Trainer) -> Bool) -> Int {
        while t.step < budget, t.divergence == nil {
            t.train(steps: chunk)
            t.validate()
            if goal(t) { return t.step }
        }
        return t.step
    }

    @Test(arguments: [1.0, 2.0])
    func kxClassicRuleFindsK(_ target: Double) throws {
        var c = RunConfig(model: .kx, data: .named(.line))
        c.rule = .classic
        c.optimizer.lr = 0.1
        c.dataOptions.target = target
        let t = try Trainer(c)
        t.train(steps: 30)
        #expect(abs(t.metric("k")! - target) < 1e-5)
        #expect(t.metric("val_loss")! < 1e-6)
        let k = t.scalarHistory["k"]!
        #expect(zip(k, k.dropFirst()).allSatisfy { abs($1 - $0) <= 1.0 + 1e-5 }, "one pass: at most 10 steps of 0.1")
    }

    @Test func kxGradientDescentFindsK() throws {
        var c = RunConfig(model: .kx, data: .named(.line))
        c.optimizer.lr = 0.01
        let t = try Trainer(c)
        let steps = Self.train(t, budget: 200, chunk: 10) { abs($0.metric("k")! - 1) < 1e-3 }
        #expect(abs(t.metric("k")! - 1) < 1e-3, "after \(steps) steps k = \(t.metric("k")!)")
    }

    @Test(arguments: [(DatasetName.and, LearningRule.classic), (.or, .classic), (.and, .gradient), (.or, .gradient)])
    func perceptronLearnsAndOr(_ gate: DatasetName, _ rule: LearningRule) throws {
        var c = RunConfig(model: .perceptron, data: .named(gate))
        c.rule = rule
        c.optimizer.lr = rule == .classic ? 0.1 : 1
        let t = try Trainer(c)
        _ = Self.train(t, budget: 400, chunk: 10) { $0.metric("accuracy") == 1 }
        #expect(t.metric("accuracy") == 1)
        // The classic rule stops moving once training is perfect, so its line may pass
        // close to a validation point.
        #expect(t.metric("val_accuracy")! >= 0.95)
    }

    @Test(arguments: [LearningRule.classic, .gradient])
    func perceptronCannotLearnXor(_ rule: LearningRule) throws {
        var c = RunConfig(model: .perceptron, data: .named(.xor))
        c.rule = rule
        c.optimizer.lr = rule == .classic ? 0.1 : 1
        c.dataOptions.noise = 0   // the four exact corners, 50 of each: one line gets at most three right
        c.dataOptions.validation = 0
        let t = try Trainer(c)
        var best = 0.0
        for _ in 0..<30 {
            t.train(steps: 10)
            guard case .points(let train, _) = t.data else { return }
            best = max(best, Objective.evaluate(t.network, .points(train)).accuracy!)
        }
        #expect(best <= 0.75)
        #expect(best >= 0.5, "it does learn something: three corners or two")
    }

    @Test(arguments: [DatasetName.xor, .threePoints])
    func mlpSolvesXorAndThreePoints(_ data: DatasetName) throws {
        var c = RunConfig(model: .mlp, data: .named(data))
        c.layers = [16]
        c.activation = .tanh
        c.optimizer = OptimizerSettings(name: .adam, lr: 0.03)
        c.dataOptions.points = 400
        let t = try Trainer(c)
        let steps = Self.train(t, budget: 1500) { ($0.metric("val_accuracy") ?? 0) >= 0.97 }
        #expect(t.metric("val_accuracy")! >= 0.97, "after \(steps) steps")
    }

    @Test func mlpFitsACurve() throws {
        var c = RunConfig(model: .mlp, data: .named(.sin))
        c.layers = [16]
        c.activation = .tanh
        c.optimizer = OptimizerSettings(name: .adam, lr: 0.02)
        c.dataOptions.noise = 0.05
        let t = try Trainer(c)
        let steps = Self.train(t, budget: 2000) { ($0.metric("val_loss") ?? 1) < 0.01 }
        #expect(t.metric("val_loss")! < 0.01, "after \(steps) steps")
    }
}
