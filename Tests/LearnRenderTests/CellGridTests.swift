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

@Suite struct CellGridEditingTests {
    @Test func overwritingTheRightHalfBlanksTheLeftHalf() {
        var grid = CellGrid(width: 4, height: 1, filledWith: Cell("x"))
        grid.write("我", x: 0, y: 0)
        grid.set(1, 0, "b")
        #expect(grid.description == " bxx")
    }

    @Test func wideOverWideShiftedByOneLeavesNoOrphan() {
        var grid = CellGrid(width: 6, height: 1, filledWith: Cell("x"))
        grid.write("我爱", x: 1, y: 0)
        grid.write("你", x: 2, y: 0)
        #expect(grid.description == "x 你 x")
        #expect(grid[3, 0].isContinuation)
    }

    @Test func wideCharacterCutByTheClipBecomesASpace() {
        var grid = CellGrid(width: 6, height: 1, filledWith: Cell("x"))
        let advanced = grid.write("a我", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 2, height: 1))
        #expect(grid.description == "a xxxx")
        #expect(advanced == 3)
    }

    @Test func fillWithAWideCellLaysPairs() {
        var grid = CellGrid(width: 5, height: 2, filledWith: Cell("x"))
        grid.fill(Rect(x: 0, y: 0, width: 5, height: 1), with: Cell("我"))
        #expect(grid.lines == ["我我 ", "xxxxx"])
    }

    @Test func blitClipsAndKeepsWideCharactersWhole() {
        var small = CellGrid(width: 3, height: 1)
        small.write("a我", x: 0, y: 0)
        var grid = CellGrid(width: 4, height: 1, filledWith: Cell("x"))
        grid.blit(small, x: 2, y: 0)
        #expect(grid.description == "xxa ")
        grid.blit(small, x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 1, height: 1))
        #expect(grid.description == "axa ")
    }

    @Test func restyleKeepsTextAndClips() {
        var grid = CellGrid(width: 3, height: 1, filledWith: Cell("x"))
        grid.restyle(Rect(x: 1, y: -1, width: 9, height: 9)) { $0.bold = true }
        #expect(grid.cells.map(\.style.bold) == [false, true, true])
        #expect(grid.description == "xxx")
    }

    @Test func gridsCompareByValue() {
        var a = CellGrid(width: 2, height: 1), b = CellGrid(width: 2, height: 1)
        #expect(a == b)
        a.set(0, 0, "q", style: Style(bold: true))
        b.set(0, 0, "q")
        #expect(a != b)
    }

    @Test func degenerateGridsAcceptEveryWrite() {
        var grid = CellGrid(width: 0, height: -3)
        grid.write("abc", x: 0, y: 0)
        grid.fill(Rect(x: -5, y: -5, width: 50, height: 50), with: Cell("z"))
        #expect(grid.cells.isEmpty && grid.description.isEmpty)
    }

    @Test func displayWidthFastPathsAgreeWithTheTable() {
        #expect(DisplayWidth.of("⣿" as Character) == 1)
        #expect(DisplayWidth.of("█" as Character) == 1)
        #expect(DisplayWidth.of("◾" as Character) == 2)
        #expect(DisplayWidth.of("\t" as Character) == 0)
        #expect(DisplayWidth.of("ｆ" as Character) == 2)
        #expect(DisplayWidth.of("🙂" as Character) == 2)
    }
}
