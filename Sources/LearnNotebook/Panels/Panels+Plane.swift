import Foundation
import LearnModels
import LearnRender

/// Panels about models over the plane and their weights: decision regions, weight and
/// gradient heatmaps, the network diagram, the loss landscape, a neuron's output.
extension Panels {
    func decision(into grid: inout CellGrid, area: Rect) {
        guard let region = inspection.region else { return note("no 2-D data to draw", into: &grid, area: area) }
        field(region, into: &grid, area: area)
    }

    private func field(_ region: Region, into grid: inout CellGrid, area: Rect, title: String = "") {
        let points = inspection.points2D.filter { !$0.validation }.map { Field.Point(x: $0.x, y: $0.y, label: $0.label) }
        Field(classes: region.label, confidence: region.confidence.map(Double.init), gridRows: region.rows,
              gridColumns: region.columns, xRange: region.xRange, yRange: region.yRange, points: points,
              glyphs: glyphs, title: title).render(into: &grid, area: area)
    }

    /// The weight matrices (then the biases, while there is room) as signed heatmaps,
    /// stacked. A tall, thin matrix is drawn transposed so it is not pooled away.
    func matrices(gradients: Bool, into grid: inout CellGrid, area: Rect) {
        let parameters = trainer.parameters.filter { !$0.value.isEmpty }
        let ordered = parameters.filter { $0.shape.count >= 2 } + parameters.filter { $0.shape.count < 2 }
        guard !ordered.isEmpty else { return }
        let shown = Array(ordered.prefix(max(1, area.height / 5)))
        let heights = shown.map { p -> Constraint in .ratio(min(max(p.shape.count >= 2 ? min(p.shape[0], p.shape[1]) : 1, 1), 8) + 3) }
        for (p, box) in zip(shown, area.rows(heights)) {
            var rows = p.shape.count >= 2 ? p.shape[0] : 1
            var columns = p.shape.count >= 2 ? p.shape.dropFirst().reduce(1, *) : p.value.count
            var values = (gradients ? p.grad : p.value).map(Double.init)
            var title = "\(p.name) [\(p.shape.map(String.init).joined(separator: "×"))]"
            if rows > 2 * columns {
                values = (0..<columns).flatMap { c in (0..<rows).map { r in values[r * columns + c] } }
                swap(&rows, &columns)
                title += " transposed"
            }
            Heatmap(values: values, rows: rows, columns: columns, scale: .diverging(limit: nil),
                    mode: .preferred(for: look.tier, glyphs: glyphs), glyphs: glyphs, title: title)
                .render(into: &grid, area: box)
        }
    }

    func network(into grid: inout CellGrid, area: Rect) {
        let sizes = inspection.layerSizes
        guard sizes.count >= 2 else { return note("not a feed-forward network", into: &grid, area: area) }
        let weights = trainer.parameters.filter { $0.name.hasSuffix("weight") }.map { $0.value.map(Double.init) }
        Network(layers: sizes, weights: weights, glyphs: glyphs).render(into: &grid, area: area)
    }

    func landscape(into grid: inout CellGrid, area: Rect) {
        guard let land = inspection.landscape else {
            return note("needs a model with exactly two weights", into: &grid, area: area)
        }
        let width = land.xRange.upperBound - land.xRange.lowerBound
        let height = land.yRange.upperBound - land.yRange.lowerBound
        let path = land.path.map { p in
            Heatmap.Marker(row: (land.yRange.upperBound - p.y) / height * Double(land.rows - 1),
                           column: (p.x - land.xRange.lowerBound) / width * Double(land.columns - 1),
                           glyph: glyphs.isUnicode ? "•" : "*")
        }
        var markers = path
        if let last = path.last { markers.append(.init(row: last.row, column: last.column, glyph: "@")) }
        Heatmap(values: land.loss.map { Double($0) }, rows: land.rows, columns: land.columns,
                scale: .sequential(range: nil), mode: .preferred(for: look.tier, glyphs: glyphs), glyphs: glyphs,
                title: "loss over \(land.xName) (→) and \(land.yName) (↑)", markers: markers)
            .render(into: &grid, area: area)
    }

    /// A neuron's output over the input plane, beside the three activation curves.
    func activations(into grid: inout CellGrid, area: Rect) {
        let halves = area.columns([.ratio(1), .ratio(1)], spacing: 1)
        if let region = inspection.region {
            field(region, into: &grid, area: halves[0], title: "output over (x₁, x₂)")
        }
        let xs = stride(from: -4.0, through: 4.0, by: 0.1).map { $0 }
        let curves: [LineChart.Series] = [
            .init(name: "relu", values: xs.map { max(0, $0) }, xs: xs, color: color(0)),
            .init(name: "tanh", values: xs.map { tanh($0) }, xs: xs, color: color(1), stroke: .dashed),
            .init(name: "sigmoid", values: xs.map { 1 / (1 + exp(-$0)) }, xs: xs, color: color(2), stroke: .points),
        ]
        LineChart(series: curves, glyphs: glyphs, yRange: -1.2...2.0)
            .render(into: &grid, area: inspection.region == nil ? area : halves[1])
    }
}
