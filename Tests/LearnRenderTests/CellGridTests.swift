import Testing
@testable import LearnRender

@Suite struct CellGridTests {
    @Test func writeClipsAtTheEdge() {
        var grid = CellGrid(width: 5, height: 1, filledWith: Cell("x"))
        let advanced = grid.write("abcdefg", x: 2, y: 0)
        #expect(grid.description == "xxabc")
        #expect(advanced == 7)
    }

    @Test func wideGraphemeTakesTwoColumnsAndIsNeverSplit() {
        var grid = CellGrid(width: 5, height: 1, filledWith: Cell("x"))
        grid.write("我爱你", x: 0, y: 0)
        #expect(grid.description == "我爱 ")
        grid.write("a", x: 1, y: 0)
        #expect(grid.description == " a爱 ")
    }

    @Test func displayWidthOfMixedText() {
        #expect(DisplayWidth.of("I love 你") == 9)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }
}
