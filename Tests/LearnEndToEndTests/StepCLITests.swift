import Foundation
import Testing

/// `learn step`: the step view's pages on stdout (issue 15).
@Suite struct StepCLITests {
    /// The golden: lesson 01's gradient cell at its known start, k = 0, lr 0.005, on y = x
    /// for x = 1…10: ∂L/∂k = mean(2(0·x − x)·x) = −2 · 38.5 = −77, so k becomes 0.385.
    @Test func kxStepAsText() throws {
        let result = try Binary.run(["step", "01", "--cell", "kx-gradient", "--format", "text", "--lessons", Binary.lessons])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = """
            lesson 01 (kx) · cell kx-gradient · step 1 · example 1 of 10

            1/5 the batch
            ─────────────
              The step learns from a batch of 10 examples: inputs x, targets y.

                   #  x₁       y
                ▶   1  1        1
                    2  2        2
                    3  3        3
                    4  4        4
                    5  5        5
                    6  6        6
                    7  7        7
                    8  8        8
                   … 2 more

              Following example 1 of 10 through the step (--example N follows another).

            2/5 forward: ŷ = k · x
            ──────────────────────
              The model multiplies the input by its one weight:  ŷ = k · x

              k = 0   (its value before this step)
              example 1:  ŷ = 0 × 1 = 0

              the whole batch:  ŷ = [0, 0, 0, 0, 0, 0, 0, 0, … 2 more]

            3/5 loss
            ────────
              Mean squared error:  L = mean over the batch of (ŷ − y)²

              example 1:  (ŷ − y)² = (0 − 1)² = 1

              L = 38.5   (the mean over 10 examples)

            4/5 backward
            ────────────
              example 1:
                ∂L/∂ŷ = 2(ŷ − y)/N = 2 × (0 − 1)/10 = -0.2
                ∂ŷ/∂k = x = 1
                chain rule: ∂L/∂ŷ · ∂ŷ/∂k = -0.2 × 1 = -0.2   (this example's share)
              Every example adds its share:

              ∂L/∂k [1]: [-77]

            5/5 update
            ──────────
              SGD, lr 0.005
              new = old − lr · ∂L/∂w

              k: 0 − 0.005 × -77 = 0.385

            """
        #expect(result.stdout == golden)
    }

    @Test func jsonCarriesThePagesAndTheTrace() throws {
        let result = try Binary.run(["step", "01", "--cell", "kx-gradient", "--example", "3", "--format", "json",
                                     "--lessons", Binary.lessons])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "learn.step/1")
        #expect(object["example"] as? Int == 3)
        let stages = try #require(object["stages"] as? [[String: Any]])
        #expect(stages.map { $0["title"] as? String } == ["the batch", "forward: ŷ = k · x", "loss", "backward", "update"])
        let trace = try #require(object["trace"] as? [String: Any])
        #expect(trace["schema"] as? String == "learn.trace/2")
        let after = try #require((trace["after"] as? [String: Any])?["k"] as? [String: Any])
        #expect(after["data"] as? [Double] == [0.385])
        let update = try #require(stages.last?["lines"] as? [String])
        #expect(update.contains("k: 0 − 0.005 × -77 = 0.385"), "the page and the trace say the same: \(update)")
    }

    @Test func missingLessonCellOrExampleIsAClearError() throws {
        let cell = try Binary.run(["step", "01", "--cell", "nope", "--lessons", Binary.lessons])
        #expect(cell.status == 2 && cell.stderr.contains("has no cell 'nope'; its cells are: kx-rule, kx-gradient"), "\(cell.stderr)")
        let example = try Binary.run(["step", "01", "--cell", "kx-gradient", "--example", "11", "--lessons", Binary.lessons])
        #expect(example.status == 2 && example.stderr.contains("example 11 is outside 1…10"), "\(example.stderr)")
        let lesson = try Binary.run(["step", "99", "--lessons", Binary.lessons])
        #expect(lesson.status == 2 && lesson.stderr.contains("no lesson '99'"), "\(lesson.stderr)")
        let zero = try Binary.run(["step", "01", "--example", "0", "--lessons", Binary.lessons])
        #expect(zero.status == 64 && zero.stderr.contains("--example counts from 1"), "\(zero.stderr)")
    }

    /// Trace version 2 on a transformer and an LSTM: the activations the conventions name, in
    /// their shapes, and every parameter after the update.
    @Test func traceVersionTwoNamesTheActivations() throws {
        let transformer = try Binary.run(["trace", "12", "--schema", "2", "--lessons", Binary.lessons])
        #expect(transformer.status == 0, "\(transformer.stderr)")
        let t = try #require(try JSONSerialization.jsonObject(with: Data(transformer.stdout.utf8)) as? [String: Any])
        #expect(t["schema"] as? String == "learn.trace/2")
        let activations = try #require(t["activations"] as? [String: [String: Any]])
        #expect(Set(activations.keys) == ["tok_emb", "blocks.0.attn.weights", "blocks.0.attn", "blocks.0.ffn", "blocks.0",
                                          "blocks.1.attn.weights", "blocks.1.attn", "blocks.1.ffn", "blocks.1", "logits"])
        #expect(activations["blocks.1.attn.weights"]?["shape"] as? [Int] == [16, 4, 32, 32])
        let params = try #require(t["params"] as? [String: Any])
        let after = try #require(t["after"] as? [String: Any])
        #expect(Set(params.keys) == Set(after.keys))
        let lstm = try Binary.run(["trace", "09", "--schema", "2", "--lessons", Binary.lessons])
        let l = try #require(try JSONSerialization.jsonObject(with: Data(lstm.stdout.utf8)) as? [String: Any])
        let gates = try #require(l["activations"] as? [String: [String: Any]])
        #expect(gates["cell.f"]?["shape"] as? [Int] == [32, 62, 64])
        let bad = try Binary.run(["trace", "12", "--schema", "3", "--lessons", Binary.lessons])
        #expect(bad.status == 64 && bad.stderr.contains("--schema must be 1 or 2"))
    }
}
