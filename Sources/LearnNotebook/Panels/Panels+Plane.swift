import Foundation
import LearnModels
import LearnRender

/// Panels about models over the plane and their weights: decision regions, weight and
/// gradient heatmaps, the network diagram, the loss landscape, a neuron's output.
extension Panels {
    /// The class regions of each run side by side (small multiples), so a compare run
    /// such as a model without a hidden layer shows the line it can draw.
    func decision(into grid: inout CellGrid, area: Rect) {
        let regions = live.runs.indices.compactMap { i in live.inspection(run: i).region.map { (i, $0) } }
        guard !regions.isEmpty else { return note("no 2-D data to draw", into: &grid, area: area) }
        guard regions.count > 1 else { return field(regions[0].1, into: &grid, area: area) }
        let boxes = area.columns(Array(repeating: .ratio(1), count: regions.count), spacing: 1)
        for ((i, region), box) in zip(regions, boxes) {
            let accuracy = live.runs[i].trainer.metric("accuracy").map { " \(Format.fixed($0 * 100, 0))%" } ?? ""
            field(region, into: &grid, area: box, title: label(live.runs[i]) + accuracy)
        }
    }

    private func field(_ region: Region, into grid: inout CellGrid, area: Rect, title: String = "") {
        let points = inspection.points2D.filter { !$0.validation }.map { Field.Point(x: $0.x, y: $0.y, label: $0.label) }
        Field(classes: region.label, confidence: region.confidence.map(Double.init), gridRows: region.rows,
              gridColumns: region.columns, xRange: region.xRange, yRange: region.yRange, points: points,
              glyphs: glyphs, title: title).render(into: &grid, area: area)
    }

    /// The weight matrices (then the biases, while there is room) as signed heatmaps,
    /// stacked, on a scale held over the run (the largest |entry| so far, so a fading
    /// gradient fades on screen) unless the student asked for one per step (`m`). A tall, thin matrix is drawn transposed so it is not pooled away. In the
    /// focused panel the cursor sits in one matrix (`<` `>` choose it) and the readout
    /// gives the entry, its value and its gradient.
    @discardableResult
    func matrices(gradients: Bool, into grid: inout CellGrid, area: Rect, view: PanelView?) -> PanelReadout? {
        let parameters = trainer.parameters.filter { !$0.value.isEmpty }
        let ordered = parameters.filter { $0.shape.count >= 2 } + parameters.filter { $0.shape.count < 2 }
        guard !ordered.isEmpty else { return nil }
        let fitting = min(ordered.count, max(1, area.height / 5))
        let current = min(max(view?.map ?? 0, 0), ordered.count - 1)
        let shown = Array(ordered.dropFirst(min(current, ordered.count - fitting)).prefix(fitting))
        let heights = shown.map { p -> Constraint in .ratio(min(max(p.shape.count >= 2 ? min(p.shape[0], p.shape[1]) : 1, 1), 8) + 3) }
        var readout: PanelReadout?
        for (p, box) in zip(shown, area.rows(heights)) {
            var rows = p.shape.count >= 2 ? p.shape[0] : 1
            var columns = p.shape.count >= 2 ? p.shape.dropFirst().reduce(1, *) : p.value.count
            var values = (gradients ? p.grad : p.value).map(Double.init)
            let transposed = rows > 2 * columns
            var title = "\(p.name) [\(p.shape.map(String.init).joined(separator: "×"))]"
            if transposed {
                values = (0..<columns).flatMap { c in (0..<rows).map { r in values[r * columns + c] } }
                swap(&rows, &columns)
                title += " transposed"
            }
            let focused = view != nil && p.name == ordered[current].name
            let cursor = focused ? view.map { (row: min(max($0.row, 0), rows - 1), column: min(max($0.column, 0), columns - 1)) } : nil
            let peak = trainer.peaks[p.name].map { gradients ? $0.grad : $0.value }
            Heatmap(values: values, rows: rows, columns: columns, scale: .diverging(limit: heldScale ? peak : nil),
                    mode: .preferred(for: look.tier, glyphs: glyphs), glyphs: glyphs, title: title,
                    markers: cursor.map { [cursorMarker(row: $0.row, column: $0.column)] } ?? [])
                .render(into: &grid, area: box)
            guard let cursor else { continue }
            let (r, c) = transposed ? (cursor.column, cursor.row) : (cursor.row, cursor.column)
            let width = transposed ? rows : columns
            let index = p.shape.count >= 2 ? r * width + c : c
            let at = p.shape.count >= 2 ? "[\(r), \(c)]" : "[\(c)]"
            readout = PanelReadout(text: "\(p.name)\(at) = \(Format.number(Double(p.value[index]))) · grad \(Format.number(Double(p.grad[index])))",
                                   rows: rows, columns: columns, maps: ordered.count)
            readout?.map = current
        }
        return readout
    }

    func network(into grid: inout CellGrid, area: Rect) {
        let sizes = inspection.layerSizes
        guard sizes.count >= 2 else { return note("not a feed-forward network", into: &grid, area: area) }
        let weights = trainer.parameters.filter { $0.name.hasSuffix("weight") }.map { $0.value.map(Double.init) }
        Network(layers: sizes, weights: weights, glyphs: glyphs).render(into: &grid, area: area)
    }

    /// The loss over the two weights, its axis ranges in the title, and the path of every
    /// run (the cell's own `•`, compare runs `o` `x` `+`), each ending at `@`.
    @discardableResult
    func landscape(into grid: inout CellGrid, area: Rect, view: PanelView?) -> PanelReadout? {
        guard let land = inspection.landscape else {
            note("needs a model with exactly two weights", into: &grid, area: area)
            return nil
        }
        let width = land.xRange.upperBound - land.xRange.lowerBound
        let height = land.yRange.upperBound - land.yRange.lowerBound
        let row = { (y: Double) in (land.yRange.upperBound - y) / height * Double(land.rows - 1) }
        let column = { (x: Double) in (x - land.xRange.lowerBound) / width * Double(land.columns - 1) }
        var markers: [Heatmap.Marker] = []
        var ends: [Heatmap.Marker] = []
        for i in live.runs.indices.reversed() {
            let path = i == 0 ? land.path : live.inspection(run: i).landscape?.path ?? []
            let glyph = Self.pathGlyphs(unicode: glyphs.isUnicode)[i % 4]
            markers += path.map { Heatmap.Marker(row: row($0.y), column: column($0.x), glyph: glyph) }
            if let last = path.last { ends.append(.init(row: row(last.y), column: column(last.x), glyph: "@")) }
        }
        let x = shortName(land.xName), y = shortName(land.yName)
        let cursor = view.map { (row: min(max($0.row, 0), land.rows - 1), column: min(max($0.column, 0), land.columns - 1)) }
        if let cursor { ends.append(cursorMarker(row: cursor.row, column: cursor.column)) }
        let range = { (r: ClosedRange<Double>) in
            NumberText.format(r.lowerBound, significant: 2) + "…" + NumberText.format(r.upperBound, significant: 2)
        }
        let axes = "\(x) → \(range(land.xRange)), \(y) ↑ \(range(land.yRange))"
        let title = ["loss over " + axes, axes].first { DisplayWidth.of($0) <= area.width } ?? axes
        Heatmap(values: land.loss.map { Double($0) }, rows: land.rows, columns: land.columns,
                scale: .sequential(range: nil), mode: .preferred(for: look.tier, glyphs: glyphs), glyphs: glyphs,
                title: title, markers: markers + ends)
            .render(into: &grid, area: area)
        guard let cursor else { return nil }
        let xv = land.xRange.lowerBound + Double(cursor.column) / Double(max(1, land.columns - 1)) * width
        let yv = land.yRange.upperBound - Double(cursor.row) / Double(max(1, land.rows - 1)) * height
        let loss = Double(land.loss[cursor.row * land.columns + cursor.column])
        return PanelReadout(text: "\(x) = \(Format.number(xv)), \(y) = \(Format.number(yv)) · loss \(Format.number(loss))",
                            rows: land.rows, columns: land.columns)
    }

    /// Path glyphs of the runs on the landscape, the cell's own first.
    static func pathGlyphs(unicode: Bool) -> [Character] { unicode ? ["•", "o", "x", "+"] : ["*", "o", "x", "+"] }

    /// `w` for a parameter called `…weight` (one entry), `b` for `…bias`: the names the
    /// lessons use; any other name as it is.
    func shortName(_ name: String) -> String {
        let base = name.split(separator: "[").first.map(String.init) ?? name
        if base.hasSuffix("weight") { return "w" }
        if base.hasSuffix("bias") { return "b" }
        return name
    }

    /// A neuron's output over the input plane, beside the three activation curves.
    func activations(into grid: inout CellGrid, area: Rect) {
        let halves = area.columns([.ratio(1), .ratio(1)], spacing: 1)
        if let region = inspection.region {
            field(region, into: &grid, area: halves[0], title: "output over (x₁, x₂)")
        }
        let xs = stride(from: -4.0, through: 4.0, by: 0.1).map { $0 }
        var curves: [LineChart.Series] = [
            .init(name: "relu", values: xs.map { max(0, $0) }, xs: xs, color: color(0), showsLast: false),
            .init(name: "tanh", values: xs.map { tanh($0) }, xs: xs, color: color(1), stroke: .dashed, showsLast: false),
            .init(name: "sigmoid", values: xs.map { 1 / (1 + exp(-$0)) }, xs: xs, color: color(2), stroke: .points, showsLast: false),
        ]
        // The model's own activation first, so a legend too narrow for all three names it.
        let own = trainer.config.model == .mlp ? trainer.config.activation.rawValue : Activation.sigmoid.rawValue
        curves.sort { a, b in a.name == own && b.name != own }
        LineChart(series: curves, glyphs: glyphs, yRange: -1.2...2.0)
            .render(into: &grid, area: inspection.region == nil ? area : halves[1])
    }
}
