import LearnLessons
import LearnModels
import LearnNotebook
import Testing

/// Issue 15: `x` opens the live cell's next training step, stage by stage, with the numbers.
@Suite struct StepInsideTests {
    static func notebook(_ cell: String) throws -> Notebook {
        let text = """
            ---
            learn: 1
            id: inside
            title: Inside a step
            summary: One step, opened.
            minutes: 2
            ---

            ## Step

            ```model
            \(cell)
            ```
            """
        let lesson = try #require(LessonLoader.load(text: text, path: "01-inside.md").lesson)
        return Notebook(lessons: [lesson], look: .unicode)
    }

    static func frame(_ nb: Notebook) -> String { nb.frame(width: 120, height: 40).description }

    /// The issue's own example: Y = kX at k = 0.5, lr 0.01 — one step written out in numbers.
    @Test func kxStepIsWrittenOutInNumbers() throws {
        let nb = try Self.notebook("""
            id: k
            model: kx
            data: line
            rule: gradient
            k0: 0.5
            optimizer: {name: sgd, lr: 0.01}
            steps: 10
            panels: [param, loss]
            """)
        _ = nb.handle(.char("x"))
        #expect(nb.liveCell?.step == 1, "the step is taken for real")
        var text = Self.frame(nb)
        #expect(text.contains("step 1 · 1/5 the batch"))
        #expect(text.contains("Following example 1 of 10"))
        _ = nb.handle(.right)
        text = Self.frame(nb)
        #expect(text.contains("ŷ = 0.5 × 1 = 0.5"), "\(text)")
        _ = nb.handle(.down)
        _ = nb.handle(.down)
        text = Self.frame(nb)
        #expect(text.contains("ŷ = 0.5 × 3 = 1.5"), "follows example 3: \(text)")
        _ = nb.handle(.right)
        #expect(Self.frame(nb).contains("(ŷ − y)² = (1.5 − 3)² = 2.25"))
        #expect(Self.frame(nb).contains("L = 9.625"), "mean of (0.5x − x)² = 0.25 · 38.5")
        _ = nb.handle(.right)
        text = Self.frame(nb)
        #expect(text.contains("∂L/∂ŷ = 2(ŷ − y)/N = 2 × (1.5 − 3)/10 = -0.3"))
        #expect(text.contains("-0.3 × 3 = -0.9"))
        #expect(text.contains("∂L/∂k [1]: [-38.5]"), "mean of 2(0.5x − x)x = −38.5")
        _ = nb.handle(.right)
        #expect(Self.frame(nb).contains("k: 0.5 − 0.01 × -38.5 = 0.885"))
        _ = nb.handle(.escape)
        #expect(nb.state.overlay == nil)
    }

    @Test func perceptronAndMLPStagesFollowTheModel() throws {
        let perceptron = try Self.notebook("""
            id: p
            model: perceptron
            data: and
            optimizer: {name: sgd, lr: 0.5}
            steps: 10
            panels: [decision]
            """)
        _ = perceptron.handle(.char("x"))
        _ = perceptron.handle(.right)
        #expect(Self.frame(perceptron).contains("p = σ("))
        let mlp = try Self.notebook("""
            id: m
            model: mlp
            data: xor
            layers: [4]
            optimizer: adam
            steps: 10
            panels: [decision]
            """)
        _ = mlp.handle(.char("x"))
        for _ in 0..<9 { _ = mlp.handle(.right) }   // stops at the last page
        #expect(mlp.state.overlay == .step(page: 6, example: 0), "batch, layers.0, act.0, layers.1, loss, backward, update")
        let text = Self.frame(mlp)
        #expect(text.contains("7/7 update") && text.contains("Adam, lr"), "\(text)")
        _ = mlp.handle(.left)
        #expect(Self.frame(mlp).contains("∂L/∂layers.1.weight [2×4]"))
        _ = mlp.handle(.char("x"))
        #expect(mlp.liveCell?.step == 2, "x again takes the next step")
    }

    /// Adam's own numbers after its first step: m = 0.1·g, v = 0.001·g², and the
    /// bias-corrected m̂ = g, v̂ = g², so the step is lr · sign(g).
    @Test func adamShowsItsMomentsAndTheirCorrection() throws {
        let nb = try Self.notebook("""
            id: k
            model: kx
            data: line
            rule: gradient
            k0: 0.5
            optimizer: {name: adam, lr: 0.01}
            steps: 10
            panels: [param, loss]
            """)
        _ = nb.handle(.char("x"))
        for _ in 0..<4 { _ = nb.handle(.right) }
        let text = Self.frame(nb)
        #expect(text.contains("k: 0.5 → 0.51"), "\(text)")
        #expect(text.contains("m = -3.85"))
        #expect(text.contains("m̂ = -38.5"))
    }
}
