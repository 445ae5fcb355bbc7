import LearnNotebook
import LearnRender
import Testing

/// Issue 14: the panels show what the lesson text points at, at the sizes students use,
/// and a focused panel's cursor says what is under it.
@Suite struct PanelViewTests {
    /// The shipped lesson `number` at `page` (counting from 1), after `steps` steps.
    func open(_ number: Int, page: Int, steps: Int = 2, look: Look = .ascii) -> Notebook {
        let lessons = Fixtures.shipped()
        let nb = Notebook(lessons: lessons, look: look)
        nb.go(lesson: lessons.firstIndex { $0.number == number } ?? 0, page: page - 1)
        nb.train(steps: steps)
        return nb
    }

    func press(_ nb: Notebook, _ keys: [Key]) { for key in keys { _ = nb.handle(key) } }

    /// The status line after moving the cursor of the focused panel to its last row.
    func lastRowReadout(_ nb: Notebook, width: Int, height: Int) -> String {
        _ = nb.frame(width: width, height: height)
        press(nb, Array(repeating: .down, count: 40))
        return nb.frame(width: width, height: height).lines.last ?? ""
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func reverseShowsTheAnswerRows(size: (Int, Int)) {
        let nb = open(11, page: 4)
        press(nb, [.char("f")])
        let status = lastRowReadout(nb, width: size.0, height: size.1)
        #expect(status.contains("L1 H1 * query"), "\(status)")
        #expect(status.contains("(12) -> key"), "the last answer row is on screen: \(status)")
        let first = nb.frame(width: size.0, height: size.1).description
        #expect(first.contains("> attention"), "the focused panel is marked")
    }

    @Test func translationShowsTheEnglishRows() {
        let nb = open(11, page: 6)
        let frame = nb.frame(width: 120, height: 40).description
        #expect(frame.contains("L1 H1"))
        press(nb, [.char("f")])
        let status = lastRowReadout(nb, width: 120, height: 40)
        #expect(status.contains("query"), "\(status)")
        #expect(!status.contains("query \"_\""), "the window ends at the last real position, not padding: \(status)")
    }

    @Test func transformerPageFiveShowsItsLastPositions() {
        let nb = open(12, page: 5)
        press(nb, [.char("f")])
        let status = lastRowReadout(nb, width: 120, height: 40)
        #expect(status.contains("(32) -> key"), "\(status)")
        press(nb, [.char(">")])
        let next = nb.frame(width: 120, height: 40).lines.last ?? ""
        #expect(next.contains("L1 H2"), "> moves the cursor to the next map: \(next)")
    }

    @Test func forgetGateRanksItsMostOpenUnitsFirst() throws {
        let nb = open(9, page: 3, steps: 30)
        let frame = nb.frame(width: 120, height: 40).description
        #expect(frame.contains("f forget gate * top 6/64 by mean"), "\(frame)")
        press(nb, [.char("f")])
        _ = nb.frame(width: 120, height: 40)
        press(nb, Array(repeating: .right, count: 10))
        let status = nb.frame(width: 120, height: 40).lines.last ?? ""
        #expect(status.hasPrefix(" forget gate * unit 4 * t = 11 "), "\(status)")
        let readout = status.split(separator: "  ").first.map(String.init) ?? ""
        let value = try #require(Double(readout.split(separator: " ").last.map(String.init) ?? ""))
        #expect(value > 0.9, "the top unit's forget gate sits near 1: \(status)")
        press(nb, [.pageDown])
        #expect(nb.frame(width: 120, height: 40).description.contains("f forget gate * 7-12/64 by mean"))
    }

    @Test func allThreeOptimiserPathsAreOnTheLandscape() {
        let nb = open(3, page: 5, steps: 20, look: Look(glyphs: .unicode, tier: .none))
        let lines = nb.frame(width: 120, height: 40).lines
        let land = lines.filter { $0.contains("▓") || $0.contains("▒") || $0.contains("░") }
        #expect(land.contains { $0.contains("•") }, "sgd")
        #expect(land.contains { $0.contains("o") }, "momentum")
        #expect(land.contains { $0.contains("x") }, "adam")
        #expect(lines.contains { $0.contains("┄ momentum") && $0.contains("┈ adam") }, "runs differ without colour")
        #expect(lines.contains { $0.contains("loss over w →, b ↑") }, "in the lesson's names")
    }

    @Test func landscapeCursorReadsWeightsAndLoss() {
        let nb = open(3, page: 2, steps: 5)
        press(nb, [.char("f")])
        _ = nb.frame(width: 120, height: 40)
        press(nb, [.right, .down])
        let status = nb.frame(width: 120, height: 40).lines.last ?? ""
        #expect(status.hasPrefix(" w = ") && status.contains(", b = ") && status.contains(" * loss "), "\(status)")
    }

    @Test func noHiddenRunDrawsItsRegions() {
        let nb = open(2, page: 4)
        let frame = nb.frame(width: 120, height: 40).description
        #expect(frame.contains("no-hidden"), "the compare run's decision regions are drawn")
    }

    @Test func zoomFillsThePanelAreaAndEscReturns() {
        let nb = open(11, page: 4)
        press(nb, [.char("z")])
        let zoomed = nb.frame(width: 120, height: 40).description
        #expect(zoomed.contains("> attention") && !zoomed.contains("samples * temperature"))
        press(nb, [.escape])
        #expect(nb.frame(width: 120, height: 40).description.contains("samples"))
        press(nb, [.escape])
        #expect(nb.state.view.focused == nil)
        press(nb, [.right])
        #expect(nb.state.page == 4, "without focus the arrows turn pages again")
    }

    @Test func helpListsThePanelKeysAndGlyphs() {
        let nb = open(11, page: 4, steps: 0, look: .unicode)
        press(nb, [.char("?")])
        let help = nb.frame(width: 120, height: 40).description
        for line in ["focus the next panel", "zoom the focused panel", "move the cursor", "other head, gate or matrix",
                     "more rows / units", "heatmap: negative", "masked: a future position"] {
            #expect(help.contains(line), "\(line)")
        }
    }
}
