import Foundation
@testable import LearnRender

/// Small widget renders used by the golden tests, each in both glyph sets.
struct WidgetCase: Sendable {
    let name: String
    let width: Int
    let height: Int
    let draw: @Sendable (GlyphSet, inout CellGrid, Rect) -> Void

    func render(_ glyphs: GlyphSet) -> CellGrid {
        rendered(width, height) { grid, area in draw(glyphs, &grid, area) }
    }
}

/// The sample case called `name`.
func widget(_ name: String) -> WidgetCase {
    guard let found = WidgetCases.all.first(where: { $0.name == name }) else {
        preconditionFailure("no widget case \(name)")
    }
    return found
}

enum WidgetCases {
    static let all: [WidgetCase] = [
        WidgetCase(name: "lineChart", width: 30, height: 9) { g, grid, area in
            LineChart(series: [.init(name: "loss", values: [4, 3, 2.5, .nan, 1.5, 1, 0.8, 0.5, 2.5, 0.3])],
                      glyphs: g).render(into: &grid, area: area)
        },
        WidgetCase(name: "lineChartLogDownsampled", width: 30, height: 8) { g, grid, area in
            var values = (0..<500).map { 10 * exp(-Double($0) / 100) }
            values[250] = 5
            LineChart(series: [.init(name: "", values: values)], glyphs: g, title: "loss", logY: true)
                .render(into: &grid, area: area)
        },
        WidgetCase(name: "lineChartFit", width: 26, height: 8) { g, grid, area in
            let xs: [Double] = [-1, -0.5, 0, 0.5, 1]
            LineChart(series: [.init(name: "data", values: [-1.9, -1.1, 0.1, 0.9, 2.1], xs: xs, stroke: .points),
                               .init(name: "k=2", values: [-2, 2], xs: [-1, 1])], glyphs: g)
                .render(into: &grid, area: area)
        },
        WidgetCase(name: "heatmapHalfBlockWithPath", width: 10, height: 4) { g, grid, area in
            let values: [Double] = (0..<36).map { i in
                let product: Int = (i % 6 - 3) * (i / 6 - 3)
                return Double(product)
            }
            Heatmap(values: values, rows: 6, columns: 6,
                    mode: .halfBlock, glyphs: g, showColorBar: false,
                    markers: [.init(row: 0, column: 0, glyph: "*"), .init(row: 5, column: 5, glyph: "@")])
                .render(into: &grid, area: area)
        },
        WidgetCase(name: "barsVerticalSigned", width: 8, height: 7) { g, grid, area in
            Bars(values: [1, -0.5, 0.25, -1], orientation: .vertical, glyphs: g, showValues: false)
                .render(into: &grid, area: area)
        },
        WidgetCase(name: "heatmapSigned", width: 22, height: 7) { g, grid, area in
            Heatmap(values: [1, -1, 0.5, -0.5, 0.1, -0.1, 0, 0.75, -0.75], rows: 3, columns: 3, glyphs: g,
                    title: "W", rowLabels: ["a", "b", "c"], columnLabels: ["x", "y", "z"])
                .render(into: &grid, area: area)
        },
        WidgetCase(name: "heatmapAttention", width: 20, height: 7) { g, grid, area in
            let w: [Double] = [1, 0, 0, 0.4, 0.6, 0, 0.2, 0.3, 0.5]
            Heatmap(values: w, rows: 3, columns: 3, scale: .sequential(range: 0...1), glyphs: g,
                    rowLabels: ["我", "爱", "你"], columnLabels: ["我", "爱", "你"],
                    mask: [false, true, true, false, false, true, false, false, false])
                .render(into: &grid, area: area)
        },
        WidgetCase(name: "heatmapPooled", width: 16, height: 6) { g, grid, area in
            Heatmap(values: (0..<400).map { Double($0 % 20) - 9.5 }, rows: 20, columns: 20, glyphs: g, title: "big")
                .render(into: &grid, area: area)
        },
        WidgetCase(name: "field", width: 20, height: 7) { g, grid, area in
            Field(classes: [0, 0, 1, 1, 0, 0, 1, 1], confidence: [0.95, 0.6, 0.6, 0.95, 0.9, 0.55, 0.55, 0.9],
                  gridRows: 2, gridColumns: 4, xRange: 0...1, yRange: 0...1,
                  points: [.init(x: 0.1, y: 0.9, label: 0), .init(x: 0.9, y: 0.1, label: 1)], glyphs: g)
                .render(into: &grid, area: area)
        },
        WidgetCase(name: "barsHorizontalSigned", width: 24, height: 4) { g, grid, area in
            Bars(values: [0.5, -1, 0.25, 1], labels: ["i", "f", "o", "g"], glyphs: g).render(into: &grid, area: area)
        },
        WidgetCase(name: "barsVerticalLog", width: 12, height: 6) { g, grid, area in
            Bars(values: [1, 0.1, 0.01, 0.001], labels: ["1", "2", "3", "4"], orientation: .vertical, glyphs: g,
                 logScale: true).render(into: &grid, area: area)
        },
        WidgetCase(name: "sparkline", width: 12, height: 1) { g, grid, area in
            Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, 8, .nan, 8, 0], glyphs: g).render(into: &grid, area: area)
        },
        WidgetCase(name: "scatter", width: 24, height: 6) { g, grid, area in
            Scatter(points: [.init(x: 0, y: 0, label: "cat"), .init(x: 1, y: 1, label: "我们"),
                             .init(x: 0.5, y: 0.2, label: "dog")], glyphs: g).render(into: &grid, area: area)
        },
        WidgetCase(name: "network", width: 20, height: 5) { g, grid, area in
            Network(layers: [2, 1], weights: [[0.9, -0.2]], glyphs: g).render(into: &grid, area: area)
        },
        WidgetCase(name: "border", width: 16, height: 3) { g, grid, area in
            Border(title: "weights 权重 long title", glyphs: g).render(into: &grid, area: area)
        },
        WidgetCase(name: "textBlock", width: 22, height: 17) { g, grid, area in
            TextBlock(markdown: """
            # Title
            Plain **bold** and *em* with `code` wraps here.
            - one
            - two words
            1. first
            > quoted
            ```
            let x = 1234567890123456789
            ```
            我爱你我爱你我爱你我爱你
            """, glyphs: g).render(into: &grid, area: area)
        },
    ]
}
