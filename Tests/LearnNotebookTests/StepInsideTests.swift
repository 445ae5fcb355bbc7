import Foundation
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
        for _ in 0..<12 { _ = mlp.handle(.right) }   // stops at the last page
        #expect(mlp.state.overlay == .step(page: 9, example: 0),
                "batch, layers.0, act.0, layers.1, loss, ∂layers.1, ∂act.0, ∂layers.0, backward, update")
        let text = Self.frame(mlp)
        #expect(text.contains("10/10 update") && text.contains("Adam, lr"), "\(text)")
        _ = mlp.handle(.left)
        #expect(Self.frame(mlp).contains("∂L/∂layers.1.weight [2×4]"))
        _ = mlp.handle(.left)
        let relu = Self.frame(mlp)
        #expect(relu.contains("∂L/∂layers.0 = ∂L/∂act.0 ⊙ relu′(layers.0)"), "\(relu)")
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

    /// Leaving the view commits exactly the step it showed: the same parameters, bit for bit,
    /// as the same step taken with `s` — for SGD with momentum and clipping, and Adam.
    @Test(arguments: ["optimizer: {name: sgd, lr: 0.3, momentum: 0.9}\nclip: 0.5", "optimizer: {name: adam, lr: 0.01}"])
    func aStepThroughTheViewIsANormalStep(_ optimizer: String) throws {
        let cell = """
            id: m
            model: mlp
            data: xor
            layers: [5]
            \(optimizer)
            steps: 10
            panels: [decision]
            """
        let viewed = try Self.notebook(cell), stepped = try Self.notebook(cell)
        for _ in 0..<2 {
            _ = viewed.handle(.char("x"))
            for _ in 0..<7 { _ = viewed.handle(.right) }
            _ = viewed.handle(.escape)
            _ = stepped.handle(.char("s"))
        }
        let a = try #require(viewed.liveCell?.main), b = try #require(stepped.liveCell?.main)
        #expect(a.step == 2 && b.step == 2)
        #expect(a.parameters.map(\.value) == b.parameters.map(\.value), "bit-identical after two steps")
        #expect(a.history.map(\.loss) == b.history.map(\.loss))
    }

    static let transformer = """
        id: t
        model: transformer
        data: reverse
        length: 4
        embed: 8
        heads: 2
        blocks: 1
        optimizer: adam
        batch: 3
        steps: 10
        panels: [attention]
        """

    /// What the view prints is what `learn trace --schema 2` writes: the followed sequence's
    /// attention output has the min/mean/max of the trace's `blocks.0.attn`, and the
    /// parameters after the step are the trace's `after`.
    @Test func theViewsNumbersAreTheTraces() throws {
        let nb = try Self.notebook(Self.transformer)
        _ = nb.handle(.char("x"))
        var text = ""
        for _ in 0..<40 where !text.contains("forward: blocks.0.attn · ") {
            _ = nb.handle(.right)
            text = Self.frame(nb)
        }
        let config = try #require(nb.liveCell?.cell.config)
        let trace = try Trainer(config).tracedStep().json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(trace.utf8)) as? [String: Any])
        let attn = try #require((object["activations"] as? [String: Any])?["blocks.0.attn"] as? [String: Any])
        let shape = try #require(attn["shape"] as? [Int])
        let data = try #require(attn["data"] as? [Double]).map(Float.init)
        let first = Array(data[0..<(data.count / shape[0])])  // sequence 1
        let mean = first.reduce(0, +) / Float(first.count)
        let stats = "min \(Format.number(Double(first.min()!))), mean \(Format.number(Double(mean))), max \(Format.number(Double(first.max()!)))"
        #expect(text.contains("attn [3×8×8], sequence 1: " + stats), "\(stats) in \(text)")
        let after = try #require(object["after"] as? [String: Any])
        let params = nb.liveCell?.main.parameters ?? []
        #expect(params.count == after.count)
        for p in params {
            let values = try #require((after[p.name] as? [String: Any])?["data"] as? [Double]).map(Float.init)
            #expect(values == p.value, "\(p.name) after the step: the trace and the notebook agree")
        }
    }

    /// Every page of a Transformer's and an LSTM's step fits the box at 80×24 and 120×40
    /// (lines and columns), and PgDn walks the parts: forward, loss, backward, update.
    @Test func sequencePagesFitAndPgDnMovesByPart() throws {
        let lstm = """
            id: l
            model: lstm
            data: recall
            length: 6
            embed: 6
            hidden: 40
            optimizer: adam
            batch: 4
            steps: 10
            panels: [gates]
            """
        for cell in [Self.transformer, lstm] {
            let nb = try Self.notebook(cell)
            let trace = try Trainer(try #require(nb.liveCell?.cell.config)).tracedStep()
            // The box at 80×24 holds 20 lines of 74 columns; at 120×40, 36 of 114.
            for (width, height) in [(74, 20), (114, 36)] {
                let pages = StepPages(step: trace, example: 1, width: width, height: height).pages
                #expect(pages.count > 20)
                for page in pages {
                    let lines = page.lines
                    #expect(lines.count <= height, "\(page.title) at \(width) columns: \(lines.count) lines\n\(lines.joined(separator: "\n"))")
                    #expect(lines.allSatisfy { $0.count <= width }, "\(page.title): \(lines.filter { $0.count > width })")
                }
            }
            _ = nb.handle(.char("x"))
            _ = nb.handle(.pageDown)
            #expect(Self.frame(nb).contains(" 2/"), "PgDn: from the batch to the first forward stage")
            _ = nb.handle(.pageDown)
            #expect(Self.frame(nb).contains(" loss · "), "PgDn: from forward to the loss")
            _ = nb.handle(.pageDown)
            #expect(Self.frame(nb).contains("backward"), "PgDn: from the loss to the backward pass")
            _ = nb.handle(.pageUp)
            #expect(Self.frame(nb).contains(" loss · "), "PgUp: back to the loss")
        }
        let nb = try Self.notebook(lstm)
        _ = nb.handle(.char("x"))
        for _ in 0..<3 { _ = nb.handle(.right) }
        let text = Self.frame(nb)
        #expect(text.contains("forward: t = 2 of 8") && text.contains("f = σ(gates_f)") && text.contains("c_t = f ⊙ c_{t−1} + i ⊙ g"), "\(text)")
    }

    /// Every shipped live cell: its step opens, and every page fits the box at 80×24 and
    /// 120×40 (wrapped lines counted).
    @Test func everyShippedCellsStepFits() throws {
        var cells = 0
        for lesson in Fixtures.shipped() {
            for cell in lesson.modelCells {
                let step = try Trainer(cell.config).tracedStep()
                for (width, height) in [(74, 20), (114, 36)] {
                    for page in StepPages(step: step, example: 0, width: width, height: height).pages {
                        let lines = page.lines
                        #expect(lines.count <= height, "\(lesson.id)/\(cell.id) \(page.title) at \(width): \(lines.count) lines")
                        #expect(lines.allSatisfy { $0.count <= width }, "\(lesson.id)/\(cell.id) \(page.title) at \(width)")
                    }
                }
                cells += 1
            }
        }
        #expect(cells >= 25)
    }
}

