import Foundation
import Testing
@testable import LearnLessons

/// One case per rule: a small broken lesson and the exact place the problem is reported.
struct RuleCase: CustomTestStringConvertible, Sendable {
    var rule: Rule
    /// Files of the lessons folder; the first file listed under `lint` is checked.
    var files: [String: [UInt8]]
    var lint = "01-demo.md"
    /// Check the folder (cross-file rules) instead of the one file.
    var folder = false
    var line: Int
    var column: Int

    var testDescription: String { "\(rule.id) at \(line):\(column)" }

    /// Front matter lines 1…7, `## Page` on line 9, the cell's first key on line 12.
    static func lesson(front: [String] = [], page: String = "", cell: [String]? = ["id: c", "model: mlp", "data: xor", "steps: 10"],
                       after: String = "") -> String {
        var text = "---\nlearn: 1\nid: demo\ntitle: Demo\nsummary: A demo.\nminutes: 5\n"
        text += front.map { $0 + "\n" }.joined()
        text += "---\n\n## Page\n\n"
        if let cell { text += "```model\n" + cell.map { $0 + "\n" }.joined() + "```\n" }
        return text + page + after
    }

    /// A Chinese translation of `lesson(after:)`: front matter lines 1…8, `## 页` on line
    /// 10, then `body` from line 12.
    static func translation(of original: String = lesson(), source: String? = nil, body: String = "```model\nuse: c\n```\n") -> String {
        "---\nlearn: 1\nid: demo\nlang: zh\nsource: \(source ?? Translation.stamp(of: Array(original.utf8)))\ntitle: 演示\nsummary: 演示。\n---\n\n## 页\n\n" + body
    }

    /// A case linting `zh/01-demo.md` beside its original.
    static func translated(_ rule: Rule, _ text: String, _ line: Int, _ column: Int, original: String = lesson(),
                           extra: [String: String] = [:]) -> RuleCase {
        make(rule, text, line, column, name: "zh/01-demo.md", extra: extra.merging(["01-demo.md": original]) { a, _ in a })
    }

    static func cell(_ extra: String...) -> String {
        lesson(cell: ["id: c", "model: mlp", "data: xor", "steps: 10"] + extra)
    }

    static func make(_ rule: Rule, _ text: String, _ line: Int, _ column: Int, name: String = "01-demo.md",
                     extra: [String: String] = [:], folder: Bool = false) -> RuleCase {
        var files = extra.mapValues { Array($0.utf8) }
        files[name] = Array(text.utf8)
        return RuleCase(rule: rule, files: files, lint: name, folder: folder, line: line, column: column)
    }
}

let ruleCases: [RuleCase] = {
    typealias C = RuleCase
    let quiz = { (answer: String) in "```quiz\nid: q\nask: Why?\nchoices: [a, b]\nanswer: \(answer)\n```\n" }
    var cases: [RuleCase] = [
        C.make(.emptyFile, "  \n\n", 1, 1),
        C.make(.notALesson, "hello\nworld\n", 1, 1),
        C.make(.fileName, C.lesson(), 1, 1, name: "demo.md"),
        C.make(.frontMatter, "## Page\n\ntext\n", 1, 1),
        C.make(.badVersion, C.lesson().replacingOccurrences(of: "learn: 1", with: "learn: 2"), 2, 8),
        C.make(.idMismatch, C.lesson().replacingOccurrences(of: "id: demo", with: "id: other"), 3, 5),
        C.make(.proseBeforePage, C.lesson().replacingOccurrences(of: "---\n\n## Page", with: "---\nIntro.\n## Page"), 8, 1),
        C.make(.noPages, "---\nlearn: 1\nid: demo\ntitle: Demo\nsummary: A demo.\nminutes: 5\n---\n\n", 9, 1),
        C.make(.emptyPage, C.lesson(cell: nil, after: "## Next\n\nText.\n"), 9, 4),
        C.make(.unclosedFence, C.lesson(cell: nil, after: "```model\nid: c\n"), 11, 1),
        C.make(.unknownBlock, C.lesson(cell: nil, after: "```modle\nid: c\n```\n"), 11, 4),
        C.make(.emptyBlock, C.lesson(cell: nil, after: "```hint\n\n```\n"), 11, 4),
        C.make(.lookAlike, C.lesson(cell: nil, after: "id: c\nmodel: mlp\n"), 11, 1),
        C.make(.oneModelPerPage, C.lesson(after: "```model\nid: d\nmodel: mlp\ndata: xor\nsteps: 10\n```\n"), 17, 4),
        C.make(.badYAML, C.lesson(cell: ["id: c", "model: [mlp", "data: xor", "steps: 10"]), 14, 5),
        C.make(.tooDeep, C.cell("layers: " + String(repeating: "[", count: 1200)), 16, 10),
        C.make(.tooLarge, C.cell("# " + String(repeating: "x", count: 70_000)), 12, 1),
        C.make(.duplicateKey, C.cell("steps: 20"), 15, 1),
        C.make(.unknownKey, C.cell("step: 10"), 16, 1),
        C.make(.missingKey, C.lesson(cell: ["id: c", "model: mlp", "data: xor"]), 11, 4),
        C.make(.badType, C.lesson(cell: ["id: c", "model: mlp", "data: xor", "steps: many"]), 15, 8),
        C.make(.badValue, C.lesson(cell: ["id: Bad_ID", "model: mlp", "data: xor", "steps: 10"]), 12, 5),
        C.make(.outOfRange, C.lesson(cell: ["id: c", "model: mlp", "data: xor", "steps: 0"]), 15, 8),
        C.make(.unknownModel, C.lesson(cell: ["id: c", "model: mpl", "data: xor", "steps: 10"]), 13, 8),
        C.make(.unknownDataset, C.lesson(cell: ["id: c", "model: mlp", "data: xro", "steps: 10"]), 14, 7),
        C.make(.unknownPanel, C.cell("panels: [loss, decisoin]"), 16, 16),
        C.make(.unknownMetric, C.cell("expect:", "  - los < 1"), 17, 5),
        C.make(.unknownOptimizer, C.cell("optimizer: adma"), 16, 12),
        C.make(.unknownActivation, C.cell("activation: relu6"), 16, 13),
        C.make(.unknownKnob, C.cell("knobs: {lrate: [0.1, 1]}"), 16, 9),
        C.make(.badExpect, C.cell("expect:", "  - loss = 1"), 17, 10),
        C.make(.unusedKey, C.cell("heads: 2"), 16, 1),
        C.make(.impossibleExpect, C.cell("expect:", "  - accuracy > 1"), 17, 5),
        C.make(.vacuousExpect, C.cell("expect:", "  - accuracy >= -3"), 17, 5),
        C.make(.incompatible, C.lesson(cell: ["id: c", "model: transformer", "data: copy", "steps: 10", "embed: 10", "heads: 4"]), 17, 8),
        C.make(.dataMismatch, C.lesson(cell: ["id: c", "model: perceptron", "data: copy", "steps: 10"]), 14, 7),
        C.make(.dataMismatch, C.lesson(cell: ["id: c", "model: perceptron", "data: blobs", "steps: 10"]), 14, 7),
        C.make(.incompatible, C.lesson(cell: ["id: c", "model: lstm", "data: data/short.txt", "steps: 10", "context: 16"]), 16, 10,
               extra: ["data/short.txt": "twinkle twinkle little star\n"]),
        C.make(.tooCostly, C.lesson(cell: ["id: c", "model: transformer", "data: copy", "steps: 10", "embed: 256", "heads: 16",
                                           "blocks: 6", "batch: 512", "length: 64"]), 15, 8),
        C.make(.slowRun, C.lesson(cell: ["id: c", "model: transformer", "data: copy", "steps: 10", "embed: 256", "blocks: 3",
                                         "batch: 256", "length: 32"]), 15, 8),
        C.make(.unusedKey, C.lesson(cell: ["id: c", "model: lstm", "data: copy", "steps: 10", "context: 4", "length: 11"]), 16, 1),
        C.make(.badValue, C.cell("pace: 30"), 16, 7),
        C.make(.outOfRange, C.cell("pace: 0"), 16, 7),
        C.make(.slowRun, C.lesson(cell: ["id: c", "model: mlp", "data: xor", "steps: 5000", "pace: 5"]), 16, 7),
        C.make(.unknownKey, C.cell("compare: [{label: a, pace: 5}]"), 16, 22),
        C.make(.panelMismatch, C.cell("panels: [loss, gates]"), 16, 16),
        C.make(.metricMismatch, C.lesson(cell: ["id: c", "model: mlp", "data: sin", "steps: 10", "expect: [accuracy > 0.5]"]), 16, 10),
        C.make(.knobMismatch, C.cell("knobs: {temperature: [0.1, 2]}"), 16, 9),
        C.make(.knobDefault, C.cell("knobs: {lr: [0.5, 1]}"), 16, 13),
        C.make(.badRange, C.cell("knobs: {lr: [1, 0.5]}"), 16, 13),
        C.make(.suspiciousChoice, C.lesson(cell: nil, after: "```quiz\nid: q\nask: Why?\nchoices: [a, a]\nanswer: 1\n```\n"), 14, 14),
        C.make(.quizAnswer, C.lesson(cell: nil, after: quiz("3")), 15, 9),
        C.make(.duplicateID, C.lesson(cell: nil, after: quiz("1") + quiz("2")), 18, 5),
        C.make(.danglingRef, C.cell("expect:", "  - loss[adam] < 1"), 17, 10),
        C.make(.requiresCycle, C.lesson(front: ["requires: [demo]"]), 7, 12),
        C.make(.duplicateNumber, C.lesson(), 1, 1,
               extra: ["01-aaa.md": C.lesson().replacingOccurrences(of: "id: demo", with: "id: aaa")], folder: true),
        C.make(.pathEscape, C.lesson(cell: ["id: c", "model: lstm", "data: ../secret.txt", "steps: 10"]), 14, 7),
        C.make(.missingFile, C.lesson(cell: ["id: c", "model: lstm", "data: data/none.txt", "steps: 10"]), 14, 7),
        C.make(.badDataFile, C.lesson(cell: ["id: c", "model: lstm", "data: data/bad.txt", "steps: 10"]), 14, 7,
               extra: ["data/bad.txt": "ok\u{0}"]),
    ]
    let twoPages = C.lesson(after: "\n## Next\n\nText.\n")
    cases += [
        C.make(.noOriginal, C.translation(), 1, 1, name: "zh/01-demo.md",
               extra: ["02-x.md": C.lesson().replacingOccurrences(of: "id: demo", with: "id: x")]),
        C.translated(.translationMissing, C.translation(body: "Text.\n"), 10, 4),
        C.translated(.translationExtra, C.translation(body: "```model\nuse: c\n```\n\n## 多\n\n字。\n"), 16, 4),
        C.translated(.translationOrder, C.translation(of: twoPages, body: "文字。\n\n## 下一页\n\n```model\nuse: c\n```\n"), 16, 4,
                     original: twoPages),
        C.translated(.translationModelKey, C.translation(body: "```model\nuse: c\nsteps: 10\n```\n"), 14, 1),
        C.translated(.staleTranslation, C.translation(source: "000000000000"), 5, 9),
    ]
    cases.append(RuleCase(rule: .binaryFile, files: ["01-demo.md": Array("---\nab".utf8) + [0, 1]], line: 2, column: 3))
    cases.append(RuleCase(rule: .badEncoding, files: ["01-demo.md": Array("---\nlearn: 1\nid: dé".utf8) + [0xFF, 0x41]], line: 3, column: 7))
    return cases
}()

@Suite struct RuleTests {
    @Test func everyRuleHasACase() {
        let covered = Set(ruleCases.map(\.rule))
        let missing = Rule.allCases.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "rules without a test case: \(missing.map(\.id))")
    }

    @Test(arguments: ruleCases)
    func ruleIsReportedAtItsPlace(_ c: RuleCase) throws {
        let dir = try Fixtures.folder([:])
        for (name, bytes) in c.files {
            let path = (dir as NSString).appendingPathComponent(name)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        let path = (dir as NSString).appendingPathComponent(c.lint)
        let diagnostics = c.folder
            ? LessonLoader.loadFolder(dir).files.first { $0.path == path }?.diagnostics ?? []
            : LessonLoader.load(file: path).diagnostics
        let found = diagnostics.filter { $0.rule == c.rule }
        let places = found.map { "\($0.location.line):\($0.location.column)" }
        #expect(places.contains("\(c.line):\(c.column)"),
                "\(c.rule.id): expected at \(c.line):\(c.column), got \(diagnostics.map { "\($0.rule.id)@\($0.location.line):\($0.location.column) \($0.message)" })")
        #expect(found.allSatisfy { $0.severity == c.rule.severity })
        #expect(diagnostics == diagnostics.sorted { $0.location < $1.location })
        if c.rule.severity == .error, !c.folder { #expect(LessonLoader.load(file: path).lesson == nil) }
    }

    @Test func suggestionsNameTheClosestWord() throws {
        let dir = try Fixtures.folder(["01-demo.md": RuleCase.cell("step: 10", "optimizer: {name: adma, lr: 0.1}")])
        let d = LessonLoader.load(file: dir + "/01-demo.md").diagnostics
        #expect(d.first { $0.rule == .unknownKey }?.help == "did you mean `steps`?")
        #expect(d.first { $0.rule == .unknownOptimizer }?.help == "did you mean `adam`?")
        #expect(d.first { $0.rule == .duplicateKey } == nil)
    }

    /// `pace:` is one of the notebook's paces; the message lists them and the help names
    /// the two nearest.
    @Test func aPaceOffTheListNamesTheNearestPaces() throws {
        let dir = try Fixtures.folder(["01-demo.md": RuleCase.cell("pace: 30")])
        let d = try #require(LessonLoader.load(file: dir + "/01-demo.md").diagnostics.first { $0.rule == .badValue })
        #expect(d.message == "`pace` is 30, not one of the notebook's paces (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10000)")
        #expect(d.help == "use 25 or 50")
        let fine = try Fixtures.folder(["01-demo.md": RuleCase.cell("pace: 25")])
        let lesson = try #require(LessonLoader.load(file: fine + "/01-demo.md").lesson)
        #expect(lesson.modelCells.first?.pace == 25)
    }

    @Test func allProblemsOfAFileAreReportedAtOnce() throws {
        let text = RuleCase.lesson(cell: ["id: c", "model: mpl", "data: xro", "steps: -1", "panels: [los]"])
        let dir = try Fixtures.folder(["01-demo.md": text])
        let rules = LessonLoader.load(file: dir + "/01-demo.md").diagnostics.map(\.rule)
        #expect(rules == [.unknownModel, .unknownDataset, .outOfRange, .unknownPanel])
    }
}
