import Foundation
import Testing

/// Issue 18 at the command line and in a terminal: a course with a Chinese translation,
/// chosen by `--lang`, `LEARN_LANG` or the locale; the glossary (`w`) and search (`/`).
enum ChineseCourse {
    /// The tiny lesson of ``LessonFolder/lesson(number:id:expect:)`` in Chinese.
    static func translation(source: String) -> String {
        """
        ---
        learn: 1
        id: tiny
        lang: zh
        source: \(source)
        title: 一个小课
        summary: 一个感知机学会「与」。
        ---

        ## 与门

        一个**感知机**（perceptron）学会**与**（AND）：两个输入都是 1 时输出 1，否则输出 0。
        它的**学习率**（learning rate）决定每一步走多远。

        ```model
        use: and-gate
        ```

        ## 一个问题

        学习率太大时训练会发散。

        ```quiz
        id: lines
        ask: 一个神经元画几条直线？
        choices:
          - 一条
          - 两条
        explain: 一个神经元，一条线。
        ```
        """
    }

    /// A folder: the tiny lesson, its translation, and a second lesson left in English.
    static func folder() throws -> LessonFolder {
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson(),
                                       "02-other.md": LessonFolder.lesson(number: "02", id: "other")])
        let sum = try Tmux.shell(["sha256sum", folder.path + "/01-tiny.md"])
        try FileManager.default.createDirectory(atPath: folder.path + "/zh", withIntermediateDirectories: true)
        try translation(source: String(sum.output.prefix(12))).write(toFile: folder.path + "/zh/01-tiny.md", atomically: true, encoding: .utf8)
        return folder
    }
}

@Suite struct ChineseCLITests {
    @Test func theLanguageComesFromTheFlagTheVariableOrTheLocale() throws {
        let folder = try ChineseCourse.folder()
        defer { folder.remove() }
        let english = try Binary.run(["list", "--lessons", folder.path], environment: ["LC_ALL": "", "LANG": "C.UTF-8", "LEARN_LANG": ""])
        #expect(english.status == 0 && english.stdout.contains("A tiny lesson") && english.stdout.contains("questions right"))
        for (arguments, environment) in [(["--lang", "zh", "list"], ["LEARN_LANG": ""]), (["list", "--lang", "zh"], [:]),
                                         (["list"], ["LEARN_LANG": "zh"]), (["list"], ["LC_ALL": "", "LANG": "zh_CN.UTF-8"]),
                                         (["list"], ["LC_ALL": "zh_TW.UTF-8"])] {
            let run = try Binary.run(arguments + ["--lessons", folder.path], environment: environment.merging(["LC_ALL": "", "LEARN_LANG": ""]) { a, _ in a })
            #expect(run.status == 0, "\(arguments) \(environment): \(run.stderr)")
            #expect(run.stdout.contains("一个小课") && run.stdout.contains("答对 0/1 题"), "\(arguments) \(environment): \(run.stdout)")
            // The lesson with no translation is shown in English, and says so.
            #expect(run.stdout.contains("A tiny lesson") && run.stdout.contains("（英文：尚未翻译）"))
        }
        let bad = try Binary.run(["--lang", "zh_CN!", "list", "--lessons", folder.path])
        #expect(bad.status == 64 && bad.stderr.contains("--lang"))
    }

    @Test func checkInChineseRunsTheSameExpectations() throws {
        let folder = try ChineseCourse.folder()
        defer { folder.remove() }
        let english = try Binary.run(["check", folder.path])
        let chinese = try Binary.run(["--lang", "zh", "check", folder.path])
        #expect(english.status == 0 && chinese.status == 0, "\(chinese.stdout)\(chinese.stderr)")
        #expect(english.stdout == chinese.stdout, "the same cells, the same expectations, the same numbers")
    }

    @Test func lintReportsABrokenTranslationAndCheckInChineseFails() throws {
        let folder = try ChineseCourse.folder()
        defer { folder.remove() }
        let path = folder.path + "/zh/01-tiny.md"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "use: and-gate", with: "use: and-gate\nsteps: 5")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let lint = try Binary.run(["lint", folder.path])
        #expect(lint.status == 2 && lint.stdout.contains("zh/01-tiny.md:17:1: error[translation-model-key]"), "\(lint.stdout)")
        #expect(try Binary.run(["--lang", "zh", "check", folder.path]).status == 2)
        // The course still opens in Chinese: that lesson falls back to English.
        let list = try Binary.run(["--lang", "zh", "list", "--lessons", folder.path])
        #expect(list.status == 0 && !list.stdout.contains("一个小课") && list.stdout.contains("（英文：译文有错误，见 learn lint）"))
    }

    @Test func renderOfATranslationPathShowsItInChinese() throws {
        let folder = try ChineseCourse.folder()
        defer { folder.remove() }
        let render = try Binary.run(["render", folder.path + "/zh/01-tiny.md", "--page", "2", "--steps", "0", "--size", "80x24"],
                                    environment: ["LC_ALL": "", "LANG": "", "LEARN_LANG": ""])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("问题：一个神经元画几条直线？") && render.stdout.contains("第 2/2 页"), "\(render.stdout)")
    }
}

@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux"))
struct ChineseInTmuxTests {
    private func open(_ folder: LessonFolder) throws -> Tmux {
        try Tmux(width: 120, height: 40, arguments: ["01"], environment: ["LEARN_LESSONS": folder.path, "LC_ALL": "", "LANG": "zh_CN.UTF-8"])
    }

    @Test func theLocaleOpensTheChineseCourseAndInterface() throws {
        let folder = try ChineseCourse.folder()
        defer { folder.remove() }
        let tmux = try open(folder)
        let first = tmux.wait(for: "第 1/2 页")
        #expect(first.ok, "first frame:\n\(first.screen)")
        #expect(first.screen.contains("learn · 01 一个小课") && first.screen.contains("感知机（perceptron）学会与（AND）"))
        try tmux.send("?")
        #expect(tmux.wait(for: "术语表：每个术语的中英对照").ok)
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }

    @Test func theGlossaryListsEachTermAndOpensItsPage() throws {
        let folder = try ChineseCourse.folder()
        defer { folder.remove() }
        let tmux = try open(folder)
        #expect(tmux.wait(for: "第 1/2 页").ok)
        try tmux.send("Right")
        #expect(tmux.wait(for: "第 2/2 页").ok)
        try tmux.send("w")
        // Sorted by the English: AND, learning rate, perceptron.
        // Waits for the rows, not only the title: a capture can land between the two.
        func termRows(_ screen: String) -> [Substring] { screen.split(separator: "\n").filter { $0.contains("01 · p1") } }
        let glossary = tmux.wait { $0.contains("术语表 · ↑↓ 选择") && termRows($0).count == 3 }
        #expect(glossary.ok, "glossary:\n\(glossary.screen)")
        let rows = termRows(glossary.screen)
        #expect(rows.count == 3 && rows[0].contains("与") && rows[0].contains("AND")
                && rows[1].contains("学习率") && rows[1].contains("learning rate") && rows[2].contains("感知机"), "\(glossary.screen)")
        try tmux.send("Down", "Enter")
        let opened = tmux.wait { $0.contains("第 1/2 页") && !$0.contains("术语表 ·") }
        #expect(opened.ok && opened.screen.contains("学习率") && opened.screen.contains("（learning rate）"), "Enter opens the term's page:\n\(opened.screen)")
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }

    @Test func searchFindsEveryPageAndNGoesToTheNextHit() throws {
        let folder = try ChineseCourse.folder()
        defer { folder.remove() }
        let tmux = try open(folder)
        #expect(tmux.wait(for: "第 1/2 页").ok)
        try tmux.send("/")
        #expect(tmux.wait(for: "输入一个词，搜索所有页面").ok)
        try tmux.send("学习率")
        let found = tmux.wait(for: "2 页匹配")
        #expect(found.ok && found.screen.contains("01 · p1") && found.screen.contains("01 · p2"), "search box:\n\(found.screen)")
        try tmux.send("Down", "Enter")
        let jumped = tmux.wait(for: "第 2/2 处 “学习率”")
        #expect(jumped.ok && jumped.screen.contains("第 2/2 页"), "Enter jumps to the hit chosen:\n\(jumped.screen)")
        try tmux.send("n")
        let next = tmux.wait(for: "第 1/2 处 “学习率”")
        #expect(next.ok && next.screen.contains("第 1/2 页"), "n goes round to the first hit:\n\(next.screen)")
        try tmux.send("Escape")
        #expect(tmux.wait(for: "搜索结束").ok)
        // With the search ended, n is the next page again.
        try tmux.send("n")
        #expect(tmux.wait(for: "第 2/2 页").ok)
        try tmux.send("/", "nothing-here")
        #expect(tmux.wait(for: "没有匹配的页面").ok)
        try tmux.send("Escape", "q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }
}
