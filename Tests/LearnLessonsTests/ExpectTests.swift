import Testing
@testable import LearnLessons

/// Issue 13, item 7: expect lines that cannot hold or always hold, and lines that compare
/// two runs of a cell.
@Suite struct ExpectTests {
    static func lint(_ lines: [String], compare: String = "") -> LoadResult {
        let cell = "id: c\nmodel: mlp\ndata: xor\nsteps: 10\n" + compare + "expect:\n" + lines.map { "  - \($0)\n" }.joined()
        return LessonLoader.load(text: "---\nlearn: 1\nid: demo\ntitle: Demo\nsummary: A demo.\nminutes: 5\n---\n\n## Page\n\n```model\n" + cell + "```\n",
                                 path: "01-demo.md")
    }

    @Test(arguments: ["accuracy > 1", "loss < 0", "diverged == 2", "val_accuracy < 0", "grad_norm <= -1", "diverged == 0.5"])
    func impossible(_ line: String) {
        #expect(Self.lint([line]).diagnostics.map(\.rule) == [.impossibleExpect], "\(line)")
    }

    @Test(arguments: ["accuracy >= -3", "accuracy <= 1", "loss >= 0", "diverged <= 1"])
    func alwaysTrue(_ line: String) {
        let r = Self.lint([line])
        #expect(r.diagnostics.map(\.rule) == [.vacuousExpect], "\(line)")
        #expect(r.lesson != nil)
    }

    @Test(arguments: ["accuracy == 1", "loss < 0.1", "diverged == 1", "diverged == 0", "accuracy > 0.99", "loss > 0"])
    func meaningful(_ line: String) {
        #expect(Self.lint([line]).diagnostics.isEmpty, "\(line)")
    }

    @Test func twoBarsThatExcludeEachOtherAreAnError() throws {
        let r = Self.lint(["loss < 0.1", "loss > 0.5"])
        #expect(r.diagnostics.map(\.rule) == [.impossibleExpect])
        #expect(r.diagnostics.first?.message == "`loss > 0.5` and `loss < 0.1` (line 17) cannot both hold")
        #expect(Self.lint(["loss < 0.5", "loss > 0.1"]).diagnostics.isEmpty)
    }

    @Test func anExpectationComparesTwoRuns() throws {
        let compare = "compare:\n  - {label: tiny, layers: [2]}\n"
        let r = Self.lint(["loss[tiny] > loss", "accuracy >= accuracy[tiny]"], compare: compare)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(DiagnosticFormatter.text))")
        let e = try #require(r.lesson?.modelCells.first?.expects)
        #expect(e[0].variant == "tiny" && e[0].other?.metric == .metric(.loss) && e[0].other?.variant == nil)
        #expect(e[1].variant == nil && e[1].other?.variant == "tiny")
        #expect(Self.lint(["loss[big] > loss"], compare: compare).diagnostics.map(\.rule) == [.danglingRef])
        #expect(Self.lint(["loss > loss"]).diagnostics.map(\.rule) == [.impossibleExpect])
        #expect(Self.lint(["loss > los[tiny]"], compare: compare).diagnostics.map(\.rule) == [.unknownMetric])
    }
}
