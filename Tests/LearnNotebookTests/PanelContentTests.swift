import LearnLessons
import LearnModels
import LearnNotebook
import LearnRender
import Testing

/// Issue 14, second part: what the panels print — a task's answers counted honestly,
/// heatmaps on a held scale, the landscape's axes, cursors in the decision regions and
/// the embeddings, the cell's `window:` — and readouts equal to `learn trace`'s numbers.
@Suite struct PanelContentTests {
    func open(_ number: Int, page: Int, steps: Int = 2, look: Look = .unicode) -> Notebook {
        let lessons = Fixtures.shipped()
        let nb = Notebook(lessons: lessons, look: look)
        nb.go(lesson: lessons.firstIndex { $0.number == number } ?? 0, page: page - 1)
        nb.train(steps: steps)
        return nb
    }

    func press(_ nb: Notebook, _ keys: [Key]) { for key in keys { _ = nb.handle(key) } }

    func status(_ nb: Notebook, after keys: [Key] = []) -> String {
        _ = nb.frame(width: 120, height: 40)
        press(nb, keys)
        return nb.frame(width: 120, height: 40).lines.last ?? ""
    }

    @Test func recallShowsSeveralHeldOutAnswersCountedAndItsAccuracy() throws {
        let nb = open(8, page: 2, steps: 3)
        let lines = nb.frame(width: 120, height: 40).lines
        let header = try #require(lines.first { $0.contains("held-out 1–") }, "\(lines.joined(separator: "\n"))")
        let counts = try #require(header.firstMatch(of: /held-out 1–(\d+): (\d+) right, (\d+) wrong/))
        let (shown, right, wrong) = (Int(counts.1)!, Int(counts.2)!, Int(counts.3)!)
        #expect(shown >= 5 && right + wrong == shown, "several examples: \(header)")
        #expect(lines.filter { $0.contains("│✓ ") }.count == right)
        #expect(lines.filter { $0.contains("│✗ ") }.count == wrong)
        // A wrong answer shows the right one: on its line, or on the next one where the
        // sequence is long (lesson 08's has 60 distractors).
        #expect(lines.indices.contains { i in
            lines[i].contains("│✗ ") && (lines[i].contains("right: ") || (i + 1 < lines.count && lines[i + 1].contains("right: ")))
        }, "a wrong answer shows the right one")
        #expect(lines.contains { $0.contains("symbols right: ") && $0.contains("% of the batch") }, "accuracy")
    }

    /// At 80×24 with Tab the samples panel is 25 columns wide: its header read
    /// `held-out 1–8: 8 right, …` and its accuracy line, too long for it, was left out, so
    /// the held-out share the page talks about was nowhere. Both now take a shorter form.
    @Test func aNarrowSamplesPanelStillCountsItsAnswersAndShowsTheHeldOutShare() throws {
        let nb = open(8, page: 2, steps: 40)  // past the first validation
        _ = nb.frame(width: 80, height: 24)
        press(nb, [.tab])
        let lines = nb.frame(width: 80, height: 24).lines
        let header = try #require(lines.first { $0.contains("held-out 1–") }, "\(lines.joined(separator: "\n"))")
        let counts = try #require(header.firstMatch(of: /held-out 1–(\d+): (\d+)\/(\d+) right/), "\(header)")
        #expect(counts.1 == counts.3 && Int(counts.2)! == lines.filter { $0.contains("│✓ ") }.count)
        let accuracy = try #require(lines.first { $0.contains("% held out") }, "\(lines.joined(separator: "\n"))")
        let shares = try #require(accuracy.firstMatch(of: /(\d+)% batch, (\d+)% held out/), "\(accuracy)")
        let measured = try #require(nb.liveCell?.main.metric("val_accuracy"))
        #expect(Int(shares.2) == Int((measured * 100).rounded()))
    }

    /// At 80×24 with Tab the gates panel is 24 columns wide: its title read
    /// `f forget gate · top …`, how many units it shows cut away. Without room for the
    /// ranking it keeps the count.
    @Test func aNarrowGatesPanelKeepsItsUnitCount() throws {
        let nb = open(9, page: 3, steps: 2)
        _ = nb.frame(width: 80, height: 24)
        press(nb, [.tab])
        let frame = nb.frame(width: 80, height: 24).description
        #expect(frame.contains(/f forget gate · top \d+\/64│/), "\(frame)")
    }

    @Test func gradientMapsHoldTheirScaleAndMSwitchesIt() throws {
        let nb = open(5, page: 4, steps: 40)
        let held = nb.frame(width: 120, height: 40).description
        #expect(held.contains("gradients · held scale (m)") && held.contains("weights · held scale (m)"))
        // layers.0.weight is two rows high, too short for a key: layers.1.weight's is the first.
        let peak = try #require(nb.liveCell?.main.peaks["layers.1.weight"]?.grad)
        #expect(held.contains("-\(NumberText.format(peak, significant: 2)) ⣿⣶⣤⣀ 0 ░▒▓█ \(NumberText.format(peak, significant: 2))"),
                "the gradient map's key is the largest gradient so far")
        press(nb, [.char("m")])
        let perStep = nb.frame(width: 120, height: 40).description
        #expect(perStep.contains("gradients · scale per step (m)"))
        press(nb, [.right, .left])
        #expect(nb.frame(width: 120, height: 40).description.contains("scale per step (m)"), "kept when the page turns")
    }

    @Test(arguments: [Look.unicode, Look(glyphs: .unicode, tier: .none)])
    func landscapeHasAxisValuesAndShowsWithoutColour(look: Look) throws {
        let nb = open(3, page: 2, steps: 30, look: look)
        let lines = nb.frame(width: 120, height: 40).lines
        #expect(lines.contains { $0.contains("loss over w →, b ↑ · ") && $0.contains("shading") })
        let map = lines.filter { $0.contains("▓") || $0.contains("▒") }
        #expect(map.count >= 12, "the map is drawn with glyphs, not colour alone: \(lines.joined(separator: "\n"))")
        #expect(!lines.contains { $0.contains("▀") })
        #expect(lines.contains { $0.contains(" w →") }, "x axis")
        #expect(lines.contains { $0.firstMatch(of: /│\s*-?[0-9.]+ [░▒▓█•@ ]/) != nil }, "y values on the axis")
    }

    @Test func landscapeCursorReadsTheLossThere() throws {
        let nb = open(3, page: 2, steps: 0)
        press(nb, [.char("f")])
        let text = status(nb, after: [.right, .down])
        let m = try #require(text.firstMatch(of: /w = (-?[0-9.e-]+), b = (-?[0-9.e-]+) · loss ([0-9.e-]+)/), "\(text)")
        let (w, b, loss) = (Double(m.1)!, Double(m.2)!, Double(m.3)!)
        // Y = w·X + b on (1, 1) … (10, 10): the mean squared error at (w, b).
        let errors: [Double] = (1...10).map { (x: Int) -> Double in
            let e = w * Double(x) + b - Double(x)
            return e * e
        }
        let mse = errors.reduce(0, +) / 10
        #expect(abs(mse - loss) <= 0.01 * max(loss, 1e-3), "loss \(loss) is the loss at (\(w), \(b)): \(mse)")
    }

    @Test func decisionCursorReadsThePlaneAndTheAnswer() throws {
        let nb = open(5, page: 4, steps: 5)
        press(nb, [.char("f")])
        let text = status(nb, after: [.right, .right, .down])
        #expect(text.firstMatch(of: /x₁ = -?[0-9.]+, x₂ = -?[0-9.]+ · class \d \(.\), p = [0-9.]+/) != nil, "\(text)")
    }

    @Test func embeddingsCursorWalksTheTokens() throws {
        let nb = open(7, page: 4, steps: 2)
        press(nb, [.char("f"), .char("f"), .char("f")])
        let first = status(nb)
        let second = status(nb, after: [.right])
        #expect(first.contains("token \"") && first.contains("PC1 "), "\(first)")
        #expect(second != first, "→ moves to the next token")
    }

    @Test func readoutEqualsLearnTrace() throws {
        let nb = open(5, page: 4, steps: 0)
        let cell = try #require(nb.liveCell?.cell)
        let trace = try Trainer(cell.config).trace()
        let value = try #require(trace.params.first { $0.name == "layers.0.weight" }?.value.data)
        let grad = try #require(trace.grads.first { $0.name == "layers.0.weight" }?.value.data)
        // The 16×2 matrix is drawn transposed: row 1, column 3 is entry [3, 1].
        press(nb, [.char("f"), .char("f")])
        let before = status(nb, after: [.down, .right, .right, .right])
        #expect(before.contains("layers.0.weight[3, 1] = \(Format.number(Double(value[7]))) · grad 0"), "\(before)")
        nb.train(steps: 1)
        let after = status(nb)
        #expect(after.contains("· grad \(Format.number(Double(grad[7])))"), "the first step's gradient: \(after)")
    }

    @Test func windowKeyOpensTheNamedMapAndRows() throws {
        let lessons = try Fixtures.load(["01-gates.md": """
            ---
            learn: 1
            id: gates
            title: Gates
            summary: Gates.
            minutes: 2
            ---

            ## Gates

            Look at the input gate's third unit.

            ```model
            id: g
            model: lstm
            data: recall
            length: 5
            points: 64
            hidden: 16
            embed: 8
            steps: 10
            panels: [gates]
            window: {gates: {map: i, from: 3}}
            ```
            """])
        let nb = Notebook(lessons: lessons, look: .unicode)
        nb.go(lesson: 0, page: 0)
        nb.train(steps: 1)
        let frame = nb.frame(width: 120, height: 40).description
        #expect(frame.contains("i input gate · 3–"), "\(frame)")
        press(nb, [.char("f")])
        #expect(status(nb).hasPrefix(" input gate · unit "), "the cursor opens in the named map")
    }
}
