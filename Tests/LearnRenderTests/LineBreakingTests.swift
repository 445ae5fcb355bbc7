import Testing
@testable import LearnRender

/// Issue 18: Chinese line breaking (禁则) in the text pane.
@Suite struct LineBreakingTests {
    private func lines(_ markdown: String, width: Int) -> [String] {
        TextBlock(markdown: markdown, glyphs: .unicode).lines(width: width).map { $0.map(\.text).joined() }
    }

    @Test func closingMarksStayWithTheCharacterBeforeThem() {
        // Without the rule the second line would start with `，`.
        #expect(lines("一二三，四五", width: 6) == ["一二", "三，四", "五"])
        #expect(lines("甲乙丙丁。", width: 8) == ["甲乙丙", "丁。"])
        #expect(lines("学习率（learning rate）很重要", width: 12) == ["学习率", "（learning", "rate）很重要"])
    }

    @Test func openingMarksStayWithTheCharacterAfterThem() {
        #expect(lines("一二「三四」", width: 6) == ["一二", "「三", "四」"])
        #expect(lines("一二三「四", width: 8) == ["一二三", "「四"])
        // From 6 columns up; below that, a run of marks glued to its neighbours
        // (`《书名》……`, 12 columns) is wider than the line and must break inside.
        for width in 6...20 {
            for line in lines("他说：「逗号，句号。」（括号）《书名》……还有！问号？", width: width) where !line.isEmpty {
                #expect(!LineBreaking.closing.contains(line.first!), "width \(width): \(line)")
                #expect(!LineBreaking.opening.contains(line.last!), "width \(width): \(line)")
            }
        }
    }

    @Test func mixedSpacingIsKeptAsWritten() {
        #expect(lines("用 MLP 解异或", width: 40) == ["用 MLP 解异或"])
        #expect(lines("用MLP解异或", width: 40) == ["用MLP解异或"])
    }

    @Test func aLineBreakBetweenCJKCharactersIsNoSpace() {
        #expect(LineBreaking.join(["第一行", "第二行"]) == "第一行第二行")
        #expect(LineBreaking.join(["first", "second"]) == "first second")
        #expect(LineBreaking.join(["中文", "English"]) == "中文 English")
        #expect(lines("一句话分成\n两行写。", width: 40) == ["一句话分成两行写。"])
    }
}
