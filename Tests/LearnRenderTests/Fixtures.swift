import Foundation
@testable import LearnRender

/// Deterministic sample data for the render tests (a fixed linear congruential generator).
struct SampleRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        var z = state
        z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return z ^ (z >> 29)
    }
}

enum Samples {
    /// A loss curve: exp decay with a spike at step 120 and noise.
    static func loss(_ n: Int) -> [Double] {
        (0..<n).map { i in
            let t = Double(i)
            return 1.2 * exp(-t / Double(max(1, n) / 4)) + 0.05 + (i == n / 2 ? 0.8 : 0) + 0.02 * sin(t * 1.7)
        }
    }

    static func weights(rows: Int, columns: Int) -> [Double] {
        (0..<rows * columns).map { i in sin(Double(i) * 0.7) * Double(i % 5) / 4 }
    }

    static let markdown = """
    ## Backpropagation

    The error flows **backwards**, layer by layer: each weight gets *its share* of the blame, \
    computed with `dL/dw`.

    - the chain rule
    - one pass back
      per step
    1. forward
    2. backward

    > A gradient says which way is uphill.

    ```
    w = w - lr * grad
    ```
    """

    /// A six-panel 200 × 60 frame, as the notebook lays it out.
    static func frame(glyphs: GlyphSet, steps: Int = 2000) -> CellGrid {
        var grid = CellGrid(width: 200, height: 60)
        let outer = grid.bounds
        Border(title: "learn · 05 The multilayer perceptron", glyphs: glyphs).render(into: &grid, area: outer)
        let columns = outer.inset(1).columns([.ratio(2), .ratio(3)], spacing: 1)
        TextBlock(markdown: markdown, glyphs: glyphs).render(into: &grid, area: columns[0].inset(1))
        let panels = columns[1].rows([.ratio(1), .ratio(1), .ratio(1)])
        let top = panels[0].columns([.ratio(1), .ratio(1)], spacing: 1)
        let middle = panels[1].columns([.ratio(1), .ratio(1)], spacing: 1)
        let bottom = panels[2].columns([.ratio(1), .ratio(1)], spacing: 1)
        let loss = Samples.loss(steps)
        LineChart(series: [.init(name: "train", values: loss),
                           .init(name: "val", values: loss.map { $0 * 1.1 }, stroke: .dashed)],
                  glyphs: glyphs, title: "loss", logY: true).render(into: &grid, area: top[0])
        let n = 24
        var classes: [Int] = [], confidence: [Double] = []
        for r in 0..<n {
            for c in 0..<n {
                let x = Double(c) / Double(n - 1) * 2 - 1, y = 1 - Double(r) / Double(n - 1) * 2
                let p = 1 / (1 + exp(-6 * x * y))
                classes.append(p >= 0.5 ? 1 : 0)
                confidence.append(max(p, 1 - p))
            }
        }
        let points = (0..<40).map { i -> Field.Point in
            let x = sin(Double(i) * 1.3), y = cos(Double(i) * 2.1)
            return Field.Point(x: x, y: y, label: x * y >= 0 ? 1 : 0)
        }
        Field(classes: classes, confidence: confidence, gridRows: n, gridColumns: n, xRange: -1...1, yRange: -1...1,
              points: points, glyphs: glyphs, title: "decision regions").render(into: &grid, area: top[1])
        Heatmap(values: weights(rows: 8, columns: 16), rows: 8, columns: 16,
                mode: .preferred(for: .indexed256, glyphs: glyphs), glyphs: glyphs, title: "weights L1")
            .render(into: &grid, area: middle[0])
        Network(layers: [2, 4, 1], weights: [weights(rows: 4, columns: 2), weights(rows: 1, columns: 4)],
                layerNames: ["in", "hidden", "out"], glyphs: glyphs, title: "network").render(into: &grid, area: middle[1])
        Bars(values: (0..<12).map { pow(10, -Double($0) / 3) }, labels: (1...12).map { "t\($0)" }, orientation: .vertical,
             glyphs: glyphs, logScale: true, title: "gradflow").render(into: &grid, area: bottom[0])
        let tokens = ["the", "cat", "sat", "on", "我", "爱", "你"]
        Scatter(points: tokens.enumerated().map { Scatter.Point(x: cos(Double($0.offset)), y: sin(Double($0.offset) * 1.7), label: $0.element) },
                glyphs: glyphs, title: "embeddings").render(into: &grid, area: bottom[1])
        return grid
    }
}
