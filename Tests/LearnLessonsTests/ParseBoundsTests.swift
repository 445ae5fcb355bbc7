import Foundation
@testable import LearnLessons
import Testing

/// Inputs that once made parsing quadratic, or a read block or take memory the size of the
/// file. The tests assert what the parse finds; the suite's time limit only turns a
/// regression into a failure instead of a hung run (each case took hours before).
@Suite(.timeLimit(.minutes(1)))
struct ParseBoundsTests {
    /// Issue 20 #1: blank lines after a heading were trimmed one `removeFirst` at a time.
    @Test func twoMegabytesOfBlankLinesAfterAHeading() throws {
        let text = RuleCase.lesson(page: "Intro.\n\n", cell: nil) + "## Blank\n" + String(repeating: "\n", count: 2_000_000) + "text\n"
        let result = LessonLoader.load(text: text, path: "01-demo.md")
        let lesson = try #require(result.lesson, "\(result.diagnostics.map(DiagnosticFormatter.text))")
        #expect(lesson.pages.last?.blocks == [.prose("text")])
    }

    /// Issue 20 #2: every heading searched all earlier pages for its id.
    @Test func twoHundredThousandPagesAndOneRepeatedID() {
        var text = RuleCase.lesson(page: "Intro.\n\n", cell: nil)
        let firstP7 = text.split(separator: "\n", omittingEmptySubsequences: false).count + 4 * 7
        for i in 0..<200_000 { text += "## P\(i)\n\nt\n\n" }
        text += "## P7\n\nt\n"
        let diagnostics = LessonLoader.load(text: text, path: "01-demo.md").diagnostics
        #expect(diagnostics.map(\.rule) == [.duplicateID])
        #expect(diagnostics.first?.message.contains("first at line \(firstP7)") == true, "\(diagnostics)")
    }

    /// Issue 20 #4: a folder read each file whole before the size check, and a FIFO named
    /// like a lesson blocked the read for ever.
    @Test func aFolderChecksSizeAndKindBeforeReading() throws {
        let dir = try Fixtures.folder(["01-demo.md": RuleCase.cell()])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/02-pipe.md", 0o644) == 0)
        let huge = dir + "/03-huge.md"
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, off_t(LessonLoader.maxFileBytes) * 400) == 0, "sparse: takes no disk")
        let folder = LessonLoader.loadFolder(dir)
        #expect(folder.lessons.map(\.id) == ["demo"])
        let rules = Dictionary(uniqueKeysWithValues: folder.files.map { (($0.path as NSString).lastPathComponent, $0.diagnostics.map(\.rule)) })
        #expect(rules["02-pipe.md"] == [.missingFile])
        #expect(rules["03-huge.md"] == [.tooLarge])
        #expect(LessonLoader.load(file: dir + "/02-pipe.md").diagnostics.first?.message.contains("not a regular file") == true)
    }
}

/// Issue 20 #15: YAML messages and limits.
@Suite struct YAMLMessageTests {
    /// Brackets inside a plain scalar are text, not nesting: the bracket count before
    /// parsing refused this valid cell as too deep.
    @Test func bracketsInAPlainScalarAreText() throws {
        let quiz = "```quiz\nid: q\nask: is x" + String(repeating: "[", count: 40) + " a list?\nchoices:\n  - yes\n  - no\nanswer: 2\n```\n"
        let result = LessonLoader.load(text: RuleCase.lesson(page: quiz), path: "01-demo.md")
        #expect(!result.hasErrors && result.lesson != nil, "\(result.diagnostics.map(DiagnosticFormatter.text))")
    }

    /// Real nesting is still refused, by libYAML's own limit, at the place it happens.
    @Test func deepNestingIsRefusedByLibYAMLsLimit() throws {
        let text = RuleCase.cell("layers: " + String(repeating: "[", count: 1500) + String(repeating: "]", count: 1500))
        let d = LessonLoader.load(text: text, path: "01-demo.md").diagnostics
        #expect(d.map(\.rule) == [.tooDeep])
        #expect(d.first?.location.line == 16)
    }

    /// A reader error (a control character YAML does not allow) pointed at the block's first line.
    @Test func aReaderErrorPointsAtTheCharacter() throws {
        let text = RuleCase.cell("panels: [loss]", "title: a\u{07}b")
        let d = try #require(LessonLoader.load(text: text, path: "01-demo.md").diagnostics.first)
        #expect(d.rule == .badYAML)
        #expect(d.location.line == 17 && d.location.column == 9, "\(DiagnosticFormatter.text(d))")
        #expect(d.message.contains("U+0007"), "\(d.message)")
    }
}
