import Foundation
import LearnLessons
@testable import LearnNotebook
@testable import LearnRender
import Testing

/// Issue 18: Chinese pages break lines the way Chinese is typeset. What `learn render`
/// draws for every Chinese page (the fixture's and the shipped translations'), at 80×24
/// and 120×40, has no line of text starting with a closing mark or ending with an
/// opening one.
@Suite struct ChineseTypographyTests {
    static let closing = Set("，。；：！？、）」』】》〉…")
    static let opening = Set("（「『【《〈")

    /// The shipped course in Chinese: the lessons that have a translation.
    static func shippedChinese() -> [Lesson] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons").path
        return LessonLoader.loadFolder(folder).lessons(language: "zh").filter { $0.language == "zh" }
    }

    /// The lines of prose in the text pane as drawn in the frame, each without its margin
    /// and its block marker (quote bar, list bullet, number). Code blocks are shown as
    /// written, broken at the edge, so they are not prose.
    private func textLines(_ notebook: Notebook, width: Int, height: Int) -> [String] {
        let grid = notebook.frame(width: width, height: height)
        let prose = (notebook.wrappedText?.lines ?? []).filter { line in
            !line.contains { $0.text != " " } || line.contains { $0.text != " " && $0.style != Markdown.code }
        }
        let lines = prose.map { $0.map(\.text).joined() }
        // The text pane is drawn from these lines: the first screenful is in the frame.
        if let first = lines.first(where: { !$0.allSatisfy(\.isWhitespace) }) {
            #expect(grid.lines.contains { $0.contains(first) }, "the wrapped text is what the frame shows")
        }
        return lines.map { line in
            var s = Substring(line).drop { $0 == " " || $0 == "▌" || $0 == "|" || $0 == "•" || $0 == "-" }
            if let dot = s.firstIndex(of: "."), s[..<dot].allSatisfy(\.isNumber), !s[..<dot].isEmpty { s = s[s.index(after: dot)...] }
            return String(s.drop { $0 == " " })
        }
    }

    private func checkEveryPage(_ lessons: [Lesson], sizes: [(Int, Int)]) -> Int {
        let notebook = Notebook(lessons: lessons, look: Look(glyphs: .unicode, tier: .none, language: "zh"))
        var checked = 0
        for (l, lesson) in lessons.enumerated() where lesson.language == "zh" {
            for p in lesson.pages.indices {
                notebook.go(lesson: l, page: p)
                for (width, height) in sizes {
                    for line in textLines(notebook, width: width, height: height) where !line.isEmpty {
                        let place = "\(lesson.id) page \(p + 1) at \(width)×\(height)"
                        #expect(!Self.closing.contains(line.first!), "\(place): a line starts with a closing mark: \(line)")
                        #expect(!Self.opening.contains(line.last!), "\(place): a line ends with an opening mark: \(line)")
                        checked += 1
                    }
                }
            }
        }
        return checked
    }

    @Test func theFixturePageBreaksNoRuleAtAnyWidth() throws {
        let lessons = try Fixtures.chinese()
        #expect(lessons[0].language == "zh" && lessons[1].language == nil)
        let sizes = stride(from: Notebook.minimumWidth, through: 130, by: 7).map { ($0, 40) } + [(80, 24), (120, 40)]
        #expect(checkEveryPage(lessons, sizes: sizes) > 100)
    }

    @Test func everyShippedChinesePageBreaksNoRule() {
        let lessons = Self.shippedChinese()
        if lessons.isEmpty { return }  // no translations in this checkout: the fixture test covers the rule
        #expect(checkEveryPage(lessons, sizes: [(80, 24), (120, 40)]) > 0)
    }

    @Test func theInterfaceSpeaksChineseAndFallsBackToEnglish() throws {
        let notebook = Notebook(lessons: try Fixtures.chinese(), look: Look(glyphs: .unicode, tier: .none, language: "zh"))
        let frame = notebook.frame(width: 120, height: 40).description
        #expect(frame.contains("第 1/3 页") && frame.contains("规则") && frame.contains("空格 运行"))
        notebook.go(lesson: 0, page: 2)
        #expect(notebook.frame(width: 120, height: 40).description.contains("问题：哪个 k 能拟合"))
        #expect(notebook.frame(width: 120, height: 40).description.contains("按 1–2 作答。"))
        _ = notebook.handle(.char("1"))
        #expect(notebook.frame(width: 120, height: 40).description.contains("答对了！"))
        #expect(Strings.text("a string nobody translated", language: "zh") == "a string nobody translated")
        #expect(Strings.text("step %@/%@", language: "zh", ["3", "10"]) == "第 3/10 步")
        #expect(Strings.text("step %@/%@", language: nil, ["3", "10"]) == "step 3/10")
    }

    /// The words inside panels speak Chinese too: titles after the panel's name, legends,
    /// headers and the accuracy line; the panel names stay as the lessons write them.
    @Test func thePanelsSpeakChinese() throws {
        let lessons = Self.shippedChinese()
        let index = try #require(lessons.firstIndex { $0.id.contains("vanishing") })
        let notebook = Notebook(lessons: lessons, look: Look(glyphs: .unicode, tier: .none, language: "zh"))
        notebook.go(lesson: index, page: 1)
        notebook.train(steps: 20)
        let frame = notebook.frame(width: 120, height: 40).description
        for chinese in ["samples · 贪心解码的答案", "留出集 1–", "正确：", "(最佳 ", "━ 训练", "验证", "符号答对：本批", "每个时间步的梯度大小"] {
            #expect(frame.contains(chinese), "\(chinese)")
        }
        for english in ["greedy answers", "held-out", " right, ", "right:", "best", "validation", "of the batch", "time step"] {
            #expect(!frame.contains(english), "\(english)")
        }
    }

    /// Every string the sources look up has its Chinese, with as many `%@` as the English.
    @Test func everyLookedUpStringIsTranslated() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var keys: Set<String> = []
        for folder in ["Sources/LearnNotebook", "Sources/learn"] {
            let base = root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            for file in files {
                let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
                for match in text.matches(of: /(?:tr|say)\(\s*"((?:[^"\\]|\\.)*)"/) { keys.insert(String(match.1)) }
                for match in text.matches(of: /tr\([^"\n]*\?\s*"((?:[^"\\]|\\.)*)"\s*:\s*"((?:[^"\\]|\\.)*)"/) {
                    keys.insert(String(match.1)); keys.insert(String(match.2))
                }
            }
        }
        // The key help's lines are looked up from its table.
        keys.formUnion(Notebook.keyHelp.map(\.does).filter { !$0.isEmpty })
        #expect(keys.count > 60)
        let zh = try #require(Strings.tables["zh"])
        for key in keys.sorted() {
            let unescaped = key.replacingOccurrences(of: "\\\"", with: "\"")
            guard let chinese = zh[unescaped] else { Issue.record("no Chinese for \"\(unescaped)\""); continue }
            #expect(chinese.components(separatedBy: "%@").count == unescaped.components(separatedBy: "%@").count, "\(unescaped)")
        }
    }
}
