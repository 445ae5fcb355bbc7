import Foundation
import Testing
@testable import LearnLessons

/// Issue 18: a translation carries words only, and lint holds it to its original.
@Suite struct TranslationTests {
    /// The diagnostics of the translation file, as `line:column rule`.
    private func problems(_ translation: String, original: String = Fixtures.perceptron) throws -> [String] {
        let folder = LessonLoader.loadFolder(try Fixtures.translatedCourse(translation, original: original))
        return folder.translations.flatMap(\.diagnostics).map { "\($0.location.line):\($0.location.column) \($0.rule.id)" }
    }

    private func replacing(_ old: String, _ new: String) -> String {
        precondition(Fixtures.perceptronZH.contains(old), "the fixture has no `\(old)`")
        return Fixtures.perceptronZH.replacingOccurrences(of: old, with: new)
    }

    @Test func aTranslatedLessonHasTheOriginalsRunsAndAnswersWithItsWords() throws {
        let folder = LessonLoader.loadFolder(try Fixtures.translatedCourse())
        #expect(folder.translations.flatMap(\.diagnostics).isEmpty)
        let original = try #require(folder.lessons.first { $0.id == "perceptron" })
        let zh = try #require(folder.lessons(language: "zh").first { $0.id == "perceptron" })
        #expect(zh.language == "zh" && zh.title == "感知机" && zh.minutes == original.minutes && zh.requires == original.requires)
        #expect(zh.pages.map(\.id) == original.pages.map(\.id))
        #expect(zh.modelCells == original.modelCells)
        guard case .quiz(let quiz)? = zh.pages[1].blocks.first else { Issue.record("no quiz"); return }
        #expect(quiz.ask == "为什么一个神经元学不会异或？" && quiz.answer == 1 && quiz.choices.count == 2)
        // The untranslated lesson stays English; no language is the originals.
        #expect(folder.lessons(language: "zh").first { $0.id == "neuron" } == folder.lessons.first { $0.id == "neuron" })
        #expect(folder.lessons(language: nil) == folder.lessons)
        #expect(Linter.run(paths: [try Fixtures.translatedCourse()], format: .text).exitCode == Linter.exitClean)
    }

    @Test func theStampIsSHA256OfTheTextWithLFEndings() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array(String(repeating: "a", count: 1000).utf8)
        #expect(SHA256.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(Translation.stamp(of: Array("a\r\nb\r\n".utf8)) == Translation.stamp(of: Array("a\nb\n".utf8)))
        #expect(Translation.stamp(of: Array("abc".utf8)) == "ba7816bf8f01")
    }

    @Test func aMissingPageIsAnErrorNamingIt() throws {
        let cut = String(Fixtures.perceptronZH[..<Fixtures.perceptronZH.range(of: "## 一条直线不够用")!.lowerBound])
        #expect(try problems(cut) == ["10:4 translation-missing"])
        let folder = LessonLoader.loadFolder(try Fixtures.translatedCourse(cut))
        let message = try #require(folder.translations.first?.diagnostics.first?.message)
        #expect(message.contains("page 2") && message.contains("Where one line is not enough"))
        // It falls back to the original.
        #expect(folder.lessons(language: "zh").first { $0.id == "perceptron" }?.language == nil)
    }

    @Test func anExtraPageIsAnError() throws {
        #expect(try problems(Fixtures.perceptronZH + "## 多出来的一页\n\n文字。\n") == ["32:4 translation-extra"])
    }

    @Test func missingQuizHintAndCellAreErrorsAtTheirPage() throws {
        let noCell = replacing("```model\nuse: and-gate\n```\n", "")
        #expect(try problems(noCell) == ["10:4 translation-missing"])
        let noHint = replacing("```hint\n损失停在 0.69 附近，说明模型在瞎猜。\n```\n", "")
        #expect(try problems(noHint) == ["18:4 translation-missing"])
        let extraHint = replacing("```hint\n", "```hint\n多一个。\n```\n\n```hint\n")
        #expect(try problems(extraHint) == ["18:4 translation-extra"])
        let quizStart = Fixtures.perceptronZH.range(of: "```quiz")!.lowerBound
        let quizEnd = Fixtures.perceptronZH.range(of: "```\n", range: Fixtures.perceptronZH.range(of: "explain:")!.upperBound..<Fixtures.perceptronZH.endIndex)!.upperBound
        var noQuiz = Fixtures.perceptronZH
        noQuiz.removeSubrange(quizStart..<quizEnd)
        #expect(try problems(noQuiz) == ["18:4 translation-missing"])
    }

    @Test func aCellThatNamesNothingOrSitsOnAnotherPageIsAnError() throws {
        #expect(try problems(replacing("use: and-gate", "use: and-gat")) == ["10:4 translation-missing", "14:4 dangling-ref"])
        let folder = LessonLoader.loadFolder(try Fixtures.translatedCourse(replacing("use: and-gate", "use: and-gat")))
        #expect(folder.translations[0].diagnostics.last?.help == "did you mean `and-gate`?")
        // The cell moved to the second page.
        let moved = replacing("```model\nuse: and-gate\n```\n", "").replacingOccurrences(of: "```hint\n", with: "```model\nuse: and-gate\n```\n\n```hint\n")
        #expect(try problems(moved) == ["10:4 translation-missing", "26:4 translation-order"])
    }

    @Test func aModelKeyInATranslationIsAnError() throws {
        #expect(try problems(replacing("use: and-gate", "use: and-gate\nsteps: 10\nexpect: [loss < 1]")) == ["16:1 translation-model-key", "17:1 translation-model-key"])
        // A cell that differs from the original cannot be written at all: every run key is refused.
        #expect(try problems(replacing("use: and-gate", "use: and-gate\nmodel: mlp")) == ["16:1 translation-model-key"])
        #expect(try problems(replacing("use: and-gate", "id: and-gate")) == ["14:4 missing-key", "15:1 unknown-key"])
        #expect(try problems(replacing("title: 感知机", "title: 感知机\nminutes: 10")) == ["7:1 unknown-key"])
    }

    @Test func aChangedOriginalMakesTheTranslationStale() throws {
        let changed = Fixtures.perceptron.replacingOccurrences(of: "Prose with", with: "Prose, changed, with")
        #expect(try problems(Fixtures.perceptronZH, original: changed) == ["5:9 stale-translation"])
        let folder = LessonLoader.loadFolder(try Fixtures.translatedCourse(Fixtures.perceptronZH, original: changed))
        let stale = try #require(folder.translations.first?.diagnostics.first)
        let now = Translation.stamp(of: Array(changed.utf8))
        #expect(stale.severity == .warning && stale.message.contains(now) && stale.help?.contains("git log -p") == true)
        #expect(stale.help?.contains("source: \(now)") == true)
        // A stale translation is still shown (a warning, not an error).
        #expect(folder.lessons(language: "zh").first { $0.id == "perceptron" }?.language == "zh")
    }

    @Test func quizAnswersAndChoicesMustMatchTheOriginal() throws {
        #expect(try problems(replacing("explain: 一个", "answer: 2\nexplain: 一个")) == ["26:9 quiz-answer"])
        #expect(try problems(replacing("explain: 一个", "answer: 1\nexplain: 一个")) == [])
        #expect(try problems(replacing("  - 学习率太小\n", "")) == ["20:4 translation-missing"])
        #expect(try problems(replacing("  - 学习率太小\n", "  - 学习率太小\n  - 多余\n")) == ["20:4 translation-extra"])
    }

    @Test func quizzesOnAnotherPageOrNamingNothingAreErrors() throws {
        #expect(try problems(replacing("id: why-xor", "id: why-or")) == ["18:4 translation-missing", "20:4 dangling-ref"])
    }

    @Test func aTranslationWithoutAnOriginalIsAnError() throws {
        let dir = try Fixtures.folder(["01-neuron.md": Fixtures.neuron, "zh/04-perceptron.md": Fixtures.perceptronZH])
        let folder = LessonLoader.loadFolder(dir)
        #expect(folder.translations.flatMap(\.diagnostics).map(\.rule) == [.noOriginal])
        #expect(Linter.run(paths: [dir], format: .text).exitCode == Linter.exitInvalid)
    }

    @Test func aTranslationFileLintsAloneAndItsFolderLintsAsTranslations() throws {
        let dir = try Fixtures.translatedCourse(replacing("use: and-gate", "use: and-gat"))
        let file = (dir as NSString).appendingPathComponent("zh/04-perceptron.md")
        #expect(LessonLoader.load(file: file).diagnostics.map(\.rule) == [.translationMissing, .danglingRef])
        #expect(LessonLoader.loadFolder((dir as NSString).appendingPathComponent("zh")).translations.count == 1)
        let text = Linter.run(paths: [file], format: .text).output
        #expect(text.contains("zh/04-perceptron.md:14:4: error[dangling-ref]"))
    }

    @Test func frontMatterMustNameTheLanguageAndTheSource() throws {
        #expect(try problems(replacing("lang: zh", "lang: ja")) == ["4:7 bad-value"])
        #expect(try problems(replacing("source: \(Fixtures.perceptronStamp)", "source: 123")) == ["5:9 bad-value"])
        #expect(try problems(replacing("id: perceptron", "id: perceptr")) == ["3:5 id-mismatch"])
    }

    @Test func languageFoldersAreNamedByCodesAndOtherFoldersAreNot() throws {
        #expect(["zh", "pt-BR", "zh-Hant", "ast"].allSatisfy(LessonLoader.isLanguageCode))
        #expect(!["data", "Zh", "z", "zh_CN", "", "zh-"].contains(where: LessonLoader.isLanguageCode))
        let dir = try Fixtures.folder(["01-neuron.md": Fixtures.neuron, "data/01-x.md": "x"])
        #expect(LessonLoader.languageFolders(in: dir).isEmpty)
    }
}

/// The glossary comes from the term pairs the translations mark.
@Suite struct GlossaryTests {
    @Test func boldTermThenFullWidthBracketsIsAPair() {
        let pairs = Glossary.pairs(in: "先做**前向传播**（forward pass），再做**反向传播**（backward pass）。**加粗**不是术语；**A**（B 中文）")
        #expect(pairs.map(\.term) == ["前向传播", "反向传播", "A"])
        #expect(pairs.map(\.english) == ["forward pass", "backward pass", "B 中文"])
        #expect(Glossary.pairs(in: "**术语**(ascii brackets)、**空**（）、**跨\n行**（x）").isEmpty)
    }

    @Test func eachTermOnceAtItsFirstUseSortedByTheEnglish() throws {
        let folder = LessonLoader.loadFolder(try Fixtures.translatedCourse(Fixtures.perceptronZH.replacingOccurrences(
            of: "损失停在", with: "**损失**（loss）停在")))
        let lessons = folder.lessons(language: "zh")
        let entries = Glossary.entries(in: lessons)
        #expect(entries.map(\.english) == ["loss", "perceptron"])
        let perceptron = try #require(lessons.firstIndex { $0.id == "perceptron" })
        #expect(entries.map(\.lesson) == [perceptron, perceptron] && entries.map(\.page) == [1, 0])
        #expect(Glossary.entries(in: folder.lessons).isEmpty, "the English course marks no pairs")
    }
}
