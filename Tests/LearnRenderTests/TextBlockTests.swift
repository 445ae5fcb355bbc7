import Testing
@testable import LearnRender

@Suite struct TextBlockTests {
    @Test func inlineMarkup() {
        let spans = Markdown.inline("a **b** *c* `d*e` _f_ 2*3 x_y_z **open")
        #expect(spans.map(\.text) == ["a ", "b", " ", "c", " ", "d*e", " ", "f", " 2*3 x_y_z **open"])
        #expect(spans[1].style.bold && spans[3].style.underline && spans[5].style == Markdown.code && spans[7].style.underline)
        #expect(!spans[8].style.bold && !spans[8].style.underline)
    }

    @Test func blocks() {
        let blocks = Markdown.parse("## Head\n\npara one\nline two\n\n- a\n  more\n  - nested\n3) c\n\n> q1\n> q2\n\n```swift\n  code\n```")
        #expect(blocks == [
            .heading(level: 2, spans: [.init(text: "Head", style: .plain)]),
            .paragraph([.init(text: "para one line two", style: .plain)]),
            .bullet(depth: 0, spans: [.init(text: "a more", style: .plain)]),
            .bullet(depth: 1, spans: [.init(text: "nested", style: .plain)]),
            .numbered(depth: 0, number: 3, spans: [.init(text: "c", style: .plain)]),
            .quote([.init(text: "q1 q2", style: .plain)]),
            .code(["  code"]),
        ])
    }

    @Test func wrapsByDisplayWidthAndBreaksLongWords() {
        let block = TextBlock(markdown: "ab cd supercalifragilistic 我爱你你好 e", glyphs: .unicode)
        let lines = block.lines(width: 6).map { $0.map(\.text).joined() }
        #expect(lines == ["ab cd", "superc", "alifra", "gilist", "ic 我", "爱你你", "好 e"])
        for width in 1...12 {
            #expect(block.lines(width: width).allSatisfy { $0.reduce(0) { $0 + DisplayWidth.of($1.text) } <= width })
        }
    }

    @Test func bulletsHangTheirContinuationLines() {
        let block = TextBlock(markdown: "- one two three\n10. four five", glyphs: .ascii)
        #expect(block.lines(width: 9).map { $0.map(\.text).joined() } == ["- one two", "  three", "10. four", "    five"])
    }

    @Test func scrollingAndLineCount() {
        let text = (1...10).map { "line\($0)" }.joined(separator: "\n\n")
        var block = TextBlock(markdown: text, glyphs: .ascii, scrollOffset: 4)
        #expect(block.lineCount(width: 8) == 19)
        var grid = rendered(6, 3) { block.render(into: &$0, area: $1) }
        #expect(grid.lines == ["line3x", "xxxxxx", "line4x"])
        block.scrollOffset = 100
        grid = rendered(6, 3) { block.render(into: &$0, area: $1) }
        #expect(grid.lines == ["line9x", "xxxxxx", "line10"], "the offset is clamped so the last page is full")
    }

    @Test func asciiModeTransliterates() {
        let block = TextBlock(markdown: "“Quotes” — and … 我", glyphs: .ascii)
        #expect(block.lines(width: 40).map { $0.map(\.text).joined() } == ["\"Quotes\" -- and ... ?"])
    }
}

@Suite struct WidgetBehaviourTests {
    @Test func lineChartGapsAtNaNAndKeepsSpikes() {
        var values = [Double](repeating: 1, count: 3000)
        values[1500] = 100
        let chart = LineChart(series: [.init(name: "", values: values)], glyphs: .ascii, showLegend: false)
        let grid = rendered(40, 10) { chart.render(into: &$0, area: $1) }
        let plotRows = grid.lines.prefix(8)
        #expect(plotRows.first!.contains("|") || plotRows.first!.contains("'"), "the spike reaches the top row")
        let gapped = LineChart(series: [.init(name: "", values: [1, 1, 1, .nan, .nan, .nan, 1, 1, 1])], glyphs: .ascii)
        let row = rendered(12, 1) { gapped.render(into: &$0, area: $1) }.lines[0]
        #expect(row.contains("x"), "NaNs leave untouched columns: \(row)")
    }

    @Test func heatmapSaysWhenPooled() {
        let small = rendered(30, 8) { Heatmap(values: [1, 2], rows: 1, columns: 2).render(into: &$0, area: $1) }
        #expect(!small.description.contains("pooled"))
        let big = rendered(30, 8) { Heatmap(values: Array(repeating: 1, count: 100 * 100), rows: 100, columns: 100).render(into: &$0, area: $1) }
        #expect(big.lines[0].contains("pooled 17×"))
    }

    @Test func preferredHeatmapMode() {
        #expect(Heatmap.Mode.preferred(for: .none, glyphs: .unicode) == .cells)
        #expect(Heatmap.Mode.preferred(for: .basic8, glyphs: .ascii) == .cells)
        #expect(Heatmap.Mode.preferred(for: .basic8, glyphs: .unicode) == .halfBlock)
    }

    @Test func halfBlockPacksTwoRowsPerLine() {
        let map = Heatmap(values: [1, -1, 0.5, 0], rows: 4, columns: 1, mode: .halfBlock, showColorBar: false)
        var grid = CellGrid(width: 1, height: 2)
        map.render(into: &grid, area: grid.bounds)
        #expect(grid.lines == ["▀", "▀"])
        #expect(grid[0, 0].style.foreground == Palette.positiveRamp.last && grid[0, 0].style.background == Palette.negativeRamp.last)
    }
}

/// Issue 13, item 5: the notebook's Markdown pairs fences as CommonMark does.
@Suite struct MarkdownFenceTests {
    @Test func aLineWithAnInfoStringDoesNotCloseAFence() {
        #expect(Markdown.parse("```\nplain\n```python\nstill code\n```\nafter") ==
                [.code(["plain", "```python", "still code"]), .paragraph([Markdown.Span(text: "after", style: Style())])])
    }

    @Test func aShorterRunDoesNotCloseALongerFence() {
        #expect(Markdown.parse("````\n```model\nid: c\n```\n````") == [.code(["```model", "id: c", "```"])])
    }
}
