import Testing
@testable import LearnLessons

/// Issue 13, items 5 and 8: fences pair as CommonMark pairs them, and a block that looks
/// like a cell but is not one is named.
@Suite struct FenceTests {
    static func lint(_ body: String) -> LoadResult {
        LessonLoader.load(text: "---\nlearn: 1\nid: demo\ntitle: Demo\nsummary: A demo.\nminutes: 5\n---\n\n## Page\n\n" + body,
                          path: "01-demo.md")
    }

    static let cell = "id: c\nmodel: perceptron\ndata: and\nsteps: 5\n"

    @Test func aFourSpaceIndentedCellFenceIsNamed() {
        let r = Self.lint("- in a list:\n\n    ```model\n" + Self.cell.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n    ```\n")
        #expect(r.diagnostics.map(\.rule) == [.lookAlike])
        #expect(r.diagnostics.first?.location.line == 13 && r.diagnostics.first?.location.column == 5)
    }

    @Test func cellKeysWithoutAnOpeningFenceAreNamed() {
        let r = Self.lint(Self.cell + "\nMore prose.\n")
        #expect(r.diagnostics.map(\.rule) == [.lookAlike])
        #expect(r.diagnostics.first?.location.line == 11)
    }

    @Test func aCellInsideACodeBlockIsNamedButOrdinaryCodeIsNot() {
        #expect(Self.lint("```yaml\n" + Self.cell + "```\n").diagnostics.map(\.rule) == [.lookAlike])
        #expect(Self.lint("```python\nid = 3\nmodel = None\n```\n").diagnostics.isEmpty)
    }

    @Test func aFencedLineWithAnInfoStringDoesNotCloseAPlainFence() throws {
        let r = Self.lint("```\nplain\n```python\nstill code\n```\n\n```model\n" + Self.cell + "```\n")
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(DiagnosticFormatter.text))")
        let page = try #require(r.lesson?.pages.first)
        #expect(page.blocks.first == .prose("```\nplain\n```python\nstill code\n```"))
        #expect(page.modelCell?.id == "c")
    }

    @Test func aFourBacktickFenceShowsACellAsCode() throws {
        let r = Self.lint("````\n```model\n" + Self.cell + "```\n````\n")
        #expect(r.diagnostics.map(\.rule) == [.lookAlike])
        #expect(r.lesson?.pages.first?.modelCell == nil)
    }

    @Test func anUnclosedCellIsReportedAtItsFenceNotAsBadYAMLInTheNext() {
        let r = Self.lint("```model\n" + Self.cell + "\n## Next\n\n```model\n" + Self.cell.replacingOccurrences(of: "id: c", with: "id: d") + "```\n")
        #expect(r.diagnostics.map(\.rule) == [.unclosedFence])
        #expect(r.diagnostics.first?.location.line == 11)
        #expect(r.diagnostics.first?.message == "this ``` fence is never closed: the next cell opens on line 19")
    }
}
