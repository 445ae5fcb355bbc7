import Testing
import Foundation
@testable import LearnModels

@Suite struct TrainerTests {
    func xorConfig() -> RunConfig {
        var c = RunConfig(model: .mlp, data: .named(.xor))
        c.layers = [8]
        c.activation = .tanh
        c.optimizer = OptimizerSettings(name: .adam, lr: 0.05)
        return c
    }

    @Test func sameSeedSameHistory() throws {
        for model in [ModelKind.mlp, .gru, .transformer] {
            var c = model == .mlp ? xorConfig() : RunConfig(model: model, data: .named(.copy))
            c.dataOptions.length = 4
            c.embed = 8
            c.hidden = 8
            c.batch = 8
            let a = try Trainer(c), b = try Trainer(c)
            a.train(steps: 15)
            b.train(steps: 15)
            #expect(a.history == b.history, "\(model)")
            #expect(a.parameters.map(\.value) == b.parameters.map(\.value), "\(model)")
            c.seed = 1
            let other = try Trainer(c)
            other.train(steps: 15)
            #expect(other.history != a.history, "\(model): another seed, other numbers")
        }
    }

    @Test func resetReturnsToTheSeedsStart() throws {
        let t = try Trainer(xorConfig())
        let start = t.parameters.map(\.value)
        t.train(steps: 20)
        let first = t.history
        #expect(t.parameters.map(\.value) != start)
        t.reset()
        #expect(t.step == 0 && t.history.isEmpty && t.validationHistory.isEmpty)
        #expect(t.parameters.map(\.value) == start)
        t.train(steps: 20)
        #expect(t.history == first)
    }

    @Test func hugeLearningRateDivergesAndIsNamed() throws {
        var c = RunConfig(model: .kx, data: .named(.line))
        c.optimizer.lr = 5
        let t = try Trainer(c)
        let done = t.train(steps: 200)
        let d = try #require(t.divergence)
        #expect(done == d.step && done < 200)
        #expect(d.place == .loss && d.tensor == "loss")
        #expect(d.description == "loss became inf at step \(d.step)")
        #expect(t.history.count == d.step - 1)
        #expect(t.history.allSatisfy { $0.loss.isFinite && $0.gradNorm.isFinite })
        #expect(t.parameters.allSatisfy { $0.value.allSatisfy { $0.isFinite } })
        #expect(t.train(steps: 10) == 0, "a diverged run stays stopped")
    }

    @Test func divergingParameterIsNamedAndKeptFinite() throws {
        var c = RunConfig(model: .mlp, data: .named(.sin))
        c.layers = [4]
        c.optimizer.lr = 100
        c.dataOptions.noise = 0
        let t = try Trainer(c)
        t.train(steps: 500)
        let d = try #require(t.divergence)
        #expect(d.tensor == "loss" || d.tensor.hasPrefix("layers."))
        #expect(t.parameters.allSatisfy { $0.value.allSatisfy { $0.isFinite } })
    }

    @Test func knobsChangeWithoutReset() throws {
        let t = try Trainer(xorConfig())
        t.train(steps: 5)
        t.setLearningRate(0.01)
        t.setOptimizer(.sgd)
        t.setClip(0.5)
        t.setTemperature(0.7)
        #expect(t.step == 5)
        #expect(t.config.optimizer.lr == 0.01 && t.config.optimizer.name == .sgd && t.config.clip == 0.5 && t.config.temperature == 0.7)
        t.train(steps: 5)
        #expect(t.step == 10 && t.history.count == 10)
    }

    @Test func metricsByName() throws {
        var c = RunConfig(model: .kx, data: .named(.line))
        c.rule = .gradient
        c.optimizer.lr = 0.005
        let t = try Trainer(c)
        #expect(t.metric("loss") == nil)
        t.train(steps: 3)
        #expect(t.metric("loss") == t.history.last?.loss)
        #expect(t.metric("grad_norm") == t.history.last?.gradNorm)
        #expect(t.metric("accuracy") == nil, "regression has no accuracy")
        #expect(t.metric("val_loss") != nil)
        #expect(t.metric("k") == t.scalarHistory["k"]?.last)
        #expect(t.scalarHistory["k"]?.count == 4)
        #expect(t.metric("nonsense") == nil)
        #expect(t.metric("best_val_loss") == t.validationHistory.map(\.loss).min())
    }

    /// `best_val_loss` is the lowest validation loss so far: a run pushed past its best (a
    /// learning rate far too high after a good start) keeps its best, and `val_loss` is above.
    @Test func bestValidationLossIsTheLowestSoFar() throws {
        var c = RunConfig(model: .kx, data: .named(.line))
        c.rule = .gradient
        c.optimizer.lr = 0.005
        let t = try Trainer(c)
        t.train(steps: 5)
        t.validate()
        let best = try #require(t.metric("best_val_loss"))
        t.setLearningRate(3)  // past the stable limit: the loss climbs again
        t.train(steps: 2)
        t.validate()
        #expect(t.metric("best_val_loss")! <= best)
        #expect(t.metric("val_loss")! > t.metric("best_val_loss")!)
    }

    @Test func validationIsRecordedPeriodicallyAndAtTheEnd() throws {
        var c = xorConfig()
        c.steps = 37
        let t = try Trainer(c)
        t.train(steps: 37)
        let steps = t.validationHistory.map(\.step)
        #expect(steps.last == 37)
        #expect(steps.count >= 3 && steps.count < 37)
        #expect(t.validationHistory.allSatisfy { $0.accuracy != nil })
    }

    @Test func badConfigsAreErrorsNotCrashes() {
        #expect(throws: ConfigError.self) { try Trainer(RunConfig(model: .perceptron, data: .named(.blobs))) }
        #expect(throws: ConfigError.self) { try Trainer(RunConfig(model: .kx, data: .named(.xor))) }
        #expect(throws: ConfigError.self) { try Trainer(RunConfig(model: .lstm, data: .named(.sin))) }
        #expect(throws: ConfigError.self) { try Trainer(RunConfig(model: .mlp, data: .text(name: "x", contents: "hello"))) }
        var c = RunConfig(model: .transformer, data: .named(.copy))
        c.embed = 10
        c.heads = 3
        #expect(throws: ConfigError.self) { try Trainer(c) }
        c = RunConfig(model: .gru, data: .text(name: "empty", contents: ""))
        #expect(throws: ConfigError.self) { try Trainer(c) }
    }

    @Test func traceHasTheSchemaAndLeavesTheTrainerAlone() throws {
        var c = RunConfig(model: .lstm, data: .named(.reverse))
        c.dataOptions.length = 3
        c.embed = 4
        c.hidden = 6
        c.batch = 4
        let t = try Trainer(c)
        t.train(steps: 2)
        let before = t.parameters.map(\.grad)
        let trace = t.trace()
        #expect(t.parameters.map(\.grad) == before)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(trace)) as! [String: Any]
        #expect(Set(json.keys) == ["schema", "model", "config", "seed", "params", "batch", "loss", "grads"])
        #expect(json["schema"] as? String == "learn.trace/1")
        #expect(json["model"] as? String == "lstm")
        let config = json["config"] as! [String: Any]
        #expect(config["task"] as? String == "classify" && config["hidden"] as? Int == 6 && config["vocab"] as? Int == 9)
        let params = json["params"] as! [String: [String: Any]]
        #expect(Set(params.keys) == Set(t.parameters.map(\.name)))
        #expect(params["cell.weight_ih"]?["shape"] as? [Int] == [24, 4])
        let batch = json["batch"] as! [String: [String: Any]]
        #expect(batch["inputs"]?["shape"] as? [Int] == [4, 6])
        #expect(batch["mask"] != nil)
        // The traced step is the step training takes next.
        let loss = trace.loss
        let traceGrads = trace.grads.map(\.value.data)
        t.train(steps: 1)
        #expect(abs(t.history.last!.loss - loss) < 1e-6)
        #expect(zip(traceGrads, t.parameters.map(\.grad)).allSatisfy { $0 == $1 })
    }

    @Test func traceKeysComeInSchemaOrder() throws {
        let t = try Trainer(RunConfig(model: .kx, data: .named(.line)))
        let trace = t.trace()
        let text = trace.json()
        // The ordered writer and the Encodable conformance say the same thing.
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! NSDictionary
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(trace)) as! NSDictionary
        #expect(parsed == encoded)
        let order = ["\"schema\"", "\"model\"", "\"config\"", "\"seed\"", "\"params\"", "\"batch\"", "\"loss\"", "\"grads\""]
            .map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }
}
