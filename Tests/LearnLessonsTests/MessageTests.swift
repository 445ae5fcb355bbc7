import Testing
@testable import LearnLessons

/// Issue 13, item 8: each message names the real cause, at its place.
@Suite struct MessageTests {
    static let front = "---\nlearn: 1\nid: demo\ntitle: Demo\nsummary: A demo.\nminutes: 5\n---\n\n"

    static func first(_ text: String) -> Diagnostic? {
        LessonLoader.load(text: text, path: "01-demo.md").diagnostics.first
    }

    static func cell(_ lines: String...) -> String {
        front + "## Page\n\n```model\nid: c\nmodel: perceptron\ndata: and\nsteps: 5\n" + lines.map { $0 + "\n" }.joined() + "```\n"
    }

    @Test func aTabInYAMLIndentationSaysTabs() {
        let d = Self.first(Self.cell("\tbatch: 4"))
        #expect(d?.rule == .badYAML && d?.message == "a tab in the indentation: YAML indents with spaces only")
        #expect(d?.location.line == 16)
    }

    @Test func aLevelOneHeadingSaysUseTwoHashes() {
        let d = Self.first(Self.front + "# Title\n\n## Page\n\ntext\n")
        #expect(d?.rule == .proseBeforePage && d?.help == "write `## Title` to make this a page")
    }

    @Test func quotedNumbersAreRefusedEverywhereWithRemoveTheQuotes() {
        for (line, help) in [("optimizer: {name: sgd, lr: \"0.1\"}", "remove the quotes: `lr: 0.1`"),
                             ("batch: \"4\"", "remove the quotes: `batch: 4`"), ("seed: '7'", "remove the quotes: `seed: 7`")] {
            let d = Self.first(Self.cell(line))
            #expect(d?.rule == .badType && d?.help == help, "\(line)")
        }
    }

    @Test func aBlankLineBeforeTheFrontMatterIsNamedAndNothingElse() {
        let all = LessonLoader.load(text: "\n" + Self.front + "## Page\n\ntext\n", path: "01-demo.md").diagnostics
        #expect(all.map(\.rule) == [.frontMatter])
        #expect(all.first?.message == "the front matter must start on line 1; a blank line is above it")
    }

    @Test func aFileOnAPointModelSaysPointDataCannotComeFromAFileYet() throws {
        let dir = try Fixtures.folder(["01-demo.md": Self.cell().replacingOccurrences(of: "data: and", with: "data: points.csv"),
                                       "points.csv": "1,2,0\n"])
        let d = LessonLoader.load(file: dir + "/01-demo.md").diagnostics.first
        #expect(d?.rule == .dataMismatch && d?.message.contains("point data cannot come from a file yet") == true)
    }

    @Test func anAccentedIdSuggestsItsPlainLetters() {
        let d = Self.first(Self.cell().replacingOccurrences(of: "id: c\n", with: "id: célula\n"))
        #expect(d?.help == "try `celula`")
    }

    @Test func listItemsFoldedTogetherAreNamed() {
        let d = Self.first(Self.cell().replacingOccurrences(of: "perceptron", with: "mlp") + "")
        #expect(d == nil)
        let folded = Self.first(Self.cell("layers:", "  - 4", "   - 5").replacingOccurrences(of: "perceptron", with: "mlp"))
        #expect(folded?.rule == .badType && folded?.message == "`layers` must be a whole number, found `4 - 5`: lines folded into one")
    }

    @Test func foldedAndDuplicateQuizChoicesAreWarnings() {
        let quiz = Self.front + "## Page\n\n```quiz\nid: q\nask: Why?\nchoices:\n  - A\n    - B\n  - C\n  - C\nanswer: 1\n```\n"
        let r = LessonLoader.load(text: quiz, path: "01-demo.md")
        #expect(r.diagnostics.map(\.rule) == [.suspiciousChoice, .suspiciousChoice])
        #expect(r.diagnostics.map(\.location.line) == [15, 18])
        #expect(r.lesson != nil)
        let fine = Self.front + "## Page\n\n```quiz\nid: q\nask: Why?\nchoices:\n  - Yes - it does\n  - No\nanswer: 1\n```\n"
        #expect(LessonLoader.load(text: fine, path: "01-demo.md").diagnostics.isEmpty)
    }
}
