import Testing
@testable import LearnRender

@Suite struct LayoutTests {
    @Test func ratiosAddUpExactly() {
        let parts = Rect(x: 3, y: 0, width: 100, height: 1).columns([.ratio(1), .ratio(1), .ratio(1)])
        #expect(parts.map(\.width) == [33, 33, 34])
        #expect(parts.map(\.x) == [3, 36, 69])
    }

    @Test func fixedPartsFirstThenRatios() {
        let parts = Rect(x: 0, y: 2, width: 10, height: 20).rows([.fixed(3), .ratio(2), .fixed(1), .ratio(1)], spacing: 1)
        #expect(parts.map(\.height) == [3, 8, 1, 5])
        #expect(parts.map(\.y) == [2, 6, 15, 17])
    }

    @Test func tooSmallToFitShrinksToZeroNotNegative() {
        let parts = Rect(x: 0, y: 0, width: 4, height: 1).columns([.fixed(3), .fixed(3), .ratio(1)], spacing: 2)
        #expect(parts.allSatisfy { $0.width >= 0 && $0.maxX <= 4 + 2 })
        #expect(parts.map(\.width) == [0, 0, 0])
        #expect(Layout.split(5, []).isEmpty)
    }

    @Test func insetNeverGoesNegative() {
        let r = Rect(x: 1, y: 1, width: 3, height: 2)
        #expect(r.inset(1) == Rect(x: 2, y: 2, width: 1, height: 0))
        #expect(r.inset(top: 5).isEmpty)
    }

    @Test func borderWithTitleAndPadding() {
        var grid = CellGrid(width: 12, height: 4, filledWith: Cell("x"))
        let border = Border(title: "loss", glyphs: .ascii)
        border.render(into: &grid, area: grid.bounds)
        grid.write("ok", x: border.inner(grid.bounds).inset(left: 1).x, y: 1)
        Golden.expect(grid, [
            "+ loss ----+",
            "|xokxxxxxxx|",
            "|xxxxxxxxxx|",
            "+----------+",
        ])
    }
}
