import LearnRender
import Testing

/// Titles and legends lose whole words or entries, never part of a number (issue 14, item 4).
@Suite struct WordFitTests {
    @Test func aTitleDropsWholeWords() {
        #expect(WordFit.fit("loss 7.4e-4 (best 7.4e-4)", width: 40) == "loss 7.4e-4 (best 7.4e-4)")
        #expect(WordFit.fit("validation 1.09e-4 of 3", width: 17) == "validation …")
        #expect(WordFit.fit("decision regions · accuracy 75%", width: 28) == "decision regions …")
        #expect(WordFit.fit("validation 1.09e-4", width: 5) == "")
        #expect(WordFit.fit("a b c", width: 5, glyphs: .ascii) == "a b c")
        #expect(WordFit.fit("alpha beta gamma", width: 12, glyphs: .ascii) == "alpha ...")
    }

    @Test func entriesLeaveRoomForTheirCount() {
        #expect(WordFit.entries(["━ train 0.0456", "┄ validation 1.09e-4"], width: 34) == 1)
        #expect(WordFit.entries(["━ train 0.0456", "┄ validation 1.09e-4"], width: 36) == 2)
        #expect(WordFit.entries(["a", "b"], width: 10) == 2)
        // Without a count to make room for, an entry ending at the edge fits.
        #expect(WordFit.entries(["abcd", "efgh"], width: 10) == 2 && WordFit.entries(["abcd", "efghij"], width: 11) == 1)
        #expect(WordFit.entries(["abcd", "efghij"], width: 12, counted: false) == 2)
    }

    @Test func aLegendPrintsTheValidationLossWholeOrNotAtAll() {
        let chart = LineChart(series: [
            .init(name: "train", values: [0.5, 0.0456]),
            .init(name: "validation", values: [0.5, 1.09e-4], stroke: .dashed),
        ], glyphs: .unicode)
        for width in 20...45 {
            var grid = CellGrid(width: width, height: 8)
            chart.render(into: &grid, area: grid.bounds)
            let legend = grid.lines[0]
            #expect(!legend.contains("1.09") || legend.contains("1.09e-4"), "\(width): \(legend)")
            #expect(legend.contains("validation 1.09e-4") || legend.contains("+1"), "\(width): \(legend)")
        }
    }

    /// Lesson 09 p3 at 120×40: the 34-column loss panel read `━ train 2.35e-4  +1`, the
    /// validation loss the page compares against hidden. A tall chart's legend takes a
    /// second row instead; a short one still counts what it leaves out.
    @Test func aTallChartWrapsItsLegendRatherThanHideAnEntry() {
        let chart = LineChart(series: [
            .init(name: "train", values: [0.5, 2.35e-4]),
            .init(name: "validation", values: [0.5, 2.53e-4], stroke: .dashed),
        ], glyphs: .unicode)
        var tall = CellGrid(width: 34, height: 12)
        chart.render(into: &tall, area: tall.bounds)
        #expect(tall.lines[0].hasPrefix("━ train 2.35e-4") && !tall.lines[0].contains("+1"), "\(tall.lines[0])")
        #expect(tall.lines[1].hasPrefix("┄ validation 2.53e-4"), "\(tall.lines[1])")
        // Lesson 01 p2 at 80×24 with Tab: 24 columns, three series, 22 rows: up to three
        // legend rows, each but the last filled without room kept for a count.
        let three = LineChart(series: [
            .init(name: "k", values: [0, 1]),
            .init(name: "k coarse", values: [0, 1.2], stroke: .dashed),
            .init(name: "target", values: [1, 1], stroke: .dotted),
        ], glyphs: .unicode)
        var narrow = CellGrid(width: 24, height: 20)
        three.render(into: &narrow, area: narrow.bounds)
        #expect(narrow.lines[0].hasPrefix("━ k 1  ┄ k coarse 1.2") && narrow.lines[1].hasPrefix("┈ target 1"),
                "\(narrow.lines.prefix(3))")
        // Eleven columns (02's activation curves beside the neuron's map): one name a row.
        let curves = LineChart(series: [
            .init(name: "sigmoid", values: [0, 1], stroke: .points, showsLast: false),
            .init(name: "relu", values: [0, 4], showsLast: false),
            .init(name: "tanh", values: [-1, 1], stroke: .dashed, showsLast: false),
        ], glyphs: .unicode)
        var slim = CellGrid(width: 11, height: 20)
        curves.render(into: &slim, area: slim.bounds)
        #expect(slim.lines[0].hasPrefix("• sigmoid") && slim.lines[1].hasPrefix("━ relu")
                && slim.lines[2].hasPrefix("┄ tanh"), "\(slim.lines.prefix(3))")
        var short = CellGrid(width: 34, height: 8)
        chart.render(into: &short, area: short.bounds)
        #expect(short.lines[0].contains("+1") && !short.lines[1].contains("validation"), "\(short.lines)")
    }

    /// Lesson 08 at 120×40: 62 time steps pooled into 34 columns had no labels, so which
    /// end was the first step was left to a title that did not fit (`first step …`).
    @Test func pooledVerticalBarsNumberTheirEnds() {
        let values = (1...62).map { Double($0) }
        let bars = Bars(values: values, labels: values.map { _ in "x" }, orientation: .vertical, glyphs: .unicode,
                        logScale: true, showValues: false, title: "‖∂L/∂h_t‖")
        var grid = CellGrid(width: 34, height: 10)
        bars.render(into: &grid, area: grid.bounds)
        #expect(grid.lines[0].hasPrefix("‖∂L/∂h_t‖  log  pooled 62→34"), "\(grid.lines[0])")
        let bottom = grid.lines[9]
        #expect(bottom.hasPrefix("1 ") && bottom.hasSuffix(" 62") && !bottom.contains("x"), "\(bottom)")
    }

    @Test func aFittedCurveDoesNotPrintItsLastValue() {
        let chart = LineChart(series: [.init(name: "relu", values: [0, 4], showsLast: false)])
        var grid = CellGrid(width: 30, height: 6)
        chart.render(into: &grid, area: grid.bounds)
        #expect(grid.lines[0].hasPrefix("━ relu  "))
        #expect(!grid.lines[0].contains("4"))
    }

    @Test func aBorderTitleNeverEndsInACutNumber() {
        var grid = CellGrid(width: 24, height: 3)
        Border(title: "loss 4.06e-4 (best 3.73e-4)").render(into: &grid, area: grid.bounds)
        #expect(grid.lines[0] == "┌ loss 4.06e-4 (best … ┐")
    }

    @Test func aHeatmapKeepsItsTitleNumbersBeforeThePoolingNote() {
        let values = (0..<(24 * 48)).map { Double($0 % 7) }
        let map = Heatmap(values: values, rows: 24, columns: 48, scale: .sequential(range: nil), glyphs: .unicode,
                          title: "w → -0.3…1.7, b ↑ -0.44…1.6")
        var grid = CellGrid(width: 34, height: 16)
        map.render(into: &grid, area: grid.bounds)
        #expect(grid.lines[0].hasPrefix("w → -0.3…1.7, b ↑ -0.44…1.6"))
        #expect(!grid.lines[0].contains("pooled"))
    }
}
