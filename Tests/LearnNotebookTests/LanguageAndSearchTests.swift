import LearnLessons
import LearnRender
@testable import LearnNotebook
import Testing

@Suite struct LanguageAndSearchTests {
    @Test func theFlagThenLearnLangThenTheLocaleInPOSIXOrder() {
        #expect(Language.resolve(option: "zh", environment: ["LEARN_LANG": "fr"]) == "zh")
        #expect(Language.resolve(option: "en", environment: ["LEARN_LANG": "zh"]) == nil)
        #expect(Language.resolve(option: nil, environment: ["LEARN_LANG": "zh", "LANG": "fr_FR.UTF-8"]) == "zh")
        #expect(Language.resolve(option: nil, environment: ["LC_ALL": "zh_TW.UTF-8", "LC_MESSAGES": "en_US", "LANG": "fr_FR"]) == "zh")
        #expect(Language.resolve(option: nil, environment: ["LC_MESSAGES": "zh_CN.GB18030", "LANG": "en_US.UTF-8"]) == "zh")
        #expect(Language.resolve(option: nil, environment: ["LC_ALL": "", "LANG": "zh_CN.UTF-8"]) == "zh")
        #expect(Language.resolve(option: nil, environment: ["LANG": "C.UTF-8"]) == nil)
        #expect(Language.resolve(option: nil, environment: ["LANG": "POSIX"]) == nil)
        #expect(Language.resolve(option: nil, environment: [:]) == nil)
        #expect(Language.code("zh-Hans") == "zh" && Language.code("zh_CN@pinyin") == "zh" && Language.code("en_GB") == nil)
    }

    @Test func searchFindsEveryPageHoldingTheTextInTheLanguageShown() throws {
        let lessons = try Fixtures.chinese()
        let hits = PageSearch.hits(for: "学习率", in: lessons)
        #expect(hits.map { "\($0.lesson)/\($0.page)" } == ["0/0", "0/1"])
        #expect(hits[0].snippet.contains("学习率") && !hits[0].snippet.contains("**") && !hits[0].snippet.contains("\n"))
        // Case does not matter; the English lesson is searched in English.
        #expect(PageSearch.hits(for: "and", in: lessons).map(\.lesson) == [1])
        #expect(PageSearch.hits(for: "  ", in: lessons).isEmpty)
        // Quiz text is searched too.
        #expect(PageSearch.hits(for: "拟合", in: lessons).map(\.page) == [2])
    }

    @Test func nStepsThroughTheHitsAndEscEndsTheSearch() throws {
        let notebook = Notebook(lessons: try Fixtures.chinese(), look: Look(glyphs: .unicode, tier: .none, language: "zh"))
        _ = notebook.handle(.char("/"))
        for c in "学习率" { _ = notebook.handle(.char(c)) }
        #expect(notebook.state.overlay == .search(query: "学习率", selected: 0))
        _ = notebook.handle(.enter)
        #expect(notebook.state.overlay == nil && notebook.state.search?.hits.count == 2 && notebook.state.page == 0)
        _ = notebook.handle(.char("n"))
        #expect(notebook.state.page == 1 && notebook.state.message?.contains("第 2/2 处") == true)
        // The hit is shown in reverse video on the page.
        let grid = notebook.frame(width: 120, height: 40)
        let row = try #require(grid.lines.firstIndex { $0.contains("学习率太大") })
        let column = try #require(grid.lines[row].firstRange(of: "学习率")).lowerBound
        let x = DisplayWidth.of(String(grid.lines[row][..<column]))
        #expect(grid[x, row].style.reverse && !grid[x + 6, row].style.reverse)
        _ = notebook.handle(.escape)
        #expect(notebook.state.search == nil)
        _ = notebook.handle(.char("n"))
        #expect(notebook.state.page == 2, "n is the next page again")
    }
}
