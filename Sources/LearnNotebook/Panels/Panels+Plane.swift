import Foundation
import LearnModels
import LearnRender

/// Panels about models over the plane and their weights: decision regions, weight and
/// gradient heatmaps, the network diagram, the loss landscape, a neuron's output.
extension Panels {
    /// The class regions of each run side by side (small multiples), so a compare run
    /// such as a model without a hidden layer shows the line it can draw. In the focused
    /// panel the cursor sits in the cell's own run and the readout gives (x₁, x₂) and
    /// the model's answer there.
    @discardableResult
    func decision(into grid: inout CellGrid, area: Rect, view: PanelView?) -> PanelReadout? {
        let regions = live.runs.indices.compactMap { i in live.inspection(run: i).region.map { (i, $0) } }
        guard !regions.isEmpty else {
            note(look.tr("no 2-D data to draw"), into: &grid, area: area)
            return nil
        }
        let boxes = regions.count > 1 ? area.columns(Array(repeating: .ratio(1), count: regions.count), spacing: 1) : [area]
        var readout: PanelReadout?
        for ((i, region), box) in zip(regions, boxes) {
            let accuracy = live.runs[i].trainer.metric("accuracy").map { " \(Format.fixed($0 * 100, 0))%" } ?? ""
            var field = field(region, title: regions.count > 1 ? label(live.runs[i]) + accuracy : "")
            let plot = field.plot(in: box)
            if i == 0, let view, !plot.isEmpty {
                let (row, column) = (min(max(view.row, 0), plot.height - 1), min(max(view.column, 0), plot.width - 1))
                field.cursor = (row, column)
                let at = field.sample(row: row, column: column, plot: plot)
                var answer = look.tr("outside the map")
                if let index = at.index, index < region.label.count {
                    answer = look.tr("class %@ (%@), p = %@", region.label[index], glyphs.pointMarkers[region.label[index] % glyphs.pointMarkers.count],
                                     Format.fixed(Double(region.confidence[index]), 2))
                }
                readout = PanelReadout(text: "x₁ = \(Format.fixed(at.x, 2)), x₂ = \(Format.fixed(at.y, 2)) · \(answer)",
                                       rows: plot.height, columns: plot.width)
            }
            field.render(into: &grid, area: box)
        }
        return readout
    }

    private func field(_ region: Region, title: String = "") -> Field {
        let points = inspection.points2D.filter { !$0.validation }.map { Field.Point(x: $0.x, y: $0.y, label: $0.label) }
        return Field(classes: region.label, confidence: region.confidence.map(Double.init), gridRows: region.rows,
                     gridColumns: region.columns, xRange: region.xRange, yRange: region.yRange, points: points,
                     glyphs: glyphs, title: title)
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
        let opening = live.cell.windows[gradients ? .grads : .weights]?.map
        let current = min(max(view?.map ?? ordered.firstIndex { $0.name == opening } ?? 0, 0), ordered.count - 1)
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
                title += look.tr(" transposed")
            }
            let focused = view != nil && p.name == ordered[current].name
            let cursor = focused ? view.map { (row: min(max($0.row, 0), rows - 1), column: min(max($0.column, 0), columns - 1)) } : nil
            let peak = trainer.peaks[p.name].map { gradients ? $0.grad : $0.value }
            let raw = gradients ? p.grad : p.value
            let stride = max(1, p.shape.dropFirst().reduce(1, *))
            let numbers: [String] = raw.count > 16 ? [] : raw.indices.map { (i: Int) -> String in
                let at = p.shape.count >= 2 ? "[\(i / stride), \(i % stride)]" : "[\(i)]"
                return at + " " + Format.number(Double(raw[i]))
            }
            // Title, rows, a blank row and the key (the key needs three rows under the title).
            let mapHeight = max(rows + 2, 4)
            Heatmap(values: values, rows: rows, columns: columns, scale: .diverging(limit: heldScale ? peak : nil),
                    mode: .preferred(for: look.tier, glyphs: glyphs), glyphs: glyphs, title: title,
                    markers: cursor.map { [cursorMarker(row: $0.row, column: $0.column)] } ?? [])
                .render(into: &grid, area: numbers.isEmpty ? box : box.inset(bottom: max(0, box.height - mapHeight)))
            // A small parameter's entries are printed too, under its map, as many whole
            // entries as fit.
            for (y, line) in zip(min(box.y + mapHeight, box.maxY)..<box.maxY, Self.wrap(numbers, width: box.width)) {
                grid.write(line, x: box.x, y: y, clip: box)
            }
            guard let cursor else { continue }
            let (r, c) = transposed ? (cursor.column, cursor.row) : (cursor.row, cursor.column)
            let width = transposed ? rows : columns
            let index = p.shape.count >= 2 ? r * width + c : c
            let at = p.shape.count >= 2 ? "[\(r), \(c)]" : "[\(c)]"
            readout = PanelReadout(text: look.tr("%@%@ = %@ · grad %@", p.name, at, Format.number(Double(p.value[index])), Format.number(Double(p.grad[index]))),
                                   rows: rows, columns: columns, maps: ordered.count)
            readout?.map = current
        }
        return readout
    }

    /// `entries` in lines of `width`, whole entries only, three spaces apart.
    static func wrap(_ entries: [String], width: Int) -> [String] {
        var lines: [String] = []
        for entry in entries {
            if let last = lines.last, DisplayWidth.of(last) + 3 + DisplayWidth.of(entry) <= width {
                lines[lines.count - 1] = last + "   " + entry
            } else {
                lines.append(entry)
            }
        }
        return lines
    }

    func network(into grid: inout CellGrid, area: Rect) {
        let sizes = inspection.layerSizes
        guard sizes.count >= 2 else { return note(look.tr("not a feed-forward network"), into: &grid, area: area) }
        let weights = trainer.parameters.filter { $0.name.hasSuffix("weight") }.map { $0.value.map(Double.init) }
        Network(layers: sizes, weights: weights, glyphs: glyphs).render(into: &grid, area: area)
    }

    /// The loss over the two weights, filling the panel: each cell shows the loss at the
    /// nearest point the inspection evaluated (a real loss, not an interpolation), the
    /// values of both weights on the axes, and the path of every run (the cell's own `•`,
    /// compare runs `o` `x` `+`), each ending at `@`. Shaded with the density ramp in
    /// cells (so a terminal without colour still shows it), by powers of ten when the
    /// losses span more than three decades (after a divergence) — the title says which.
    @discardableResult
    func landscape(into grid: inout CellGrid, area: Rect, view: PanelView?) -> PanelReadout? {
        guard let land = inspection.landscape else {
            note(look.tr("needs a model with exactly two weights"), into: &grid, area: area)
            return nil
        }
        let x = displayName(land.xName), y = displayName(land.yName)
        let tick = { (v: Double) in NumberText.format(v, significant: 2) }
        let yTicks = [land.yRange.upperBound, (land.yRange.lowerBound + land.yRange.upperBound) / 2, land.yRange.lowerBound].map(tick)
        let labelWidth = max(DisplayWidth.of(y), yTicks.map(DisplayWidth.of).max() ?? 1)
        // Title, key under the map, and the x axis's values take a row each.
        let plot = Rect(x: area.x + labelWidth + 1, y: area.y + 1, width: area.width - labelWidth - 1, height: area.height - 3)
        guard plot.width >= 4, plot.height >= 2 else { return nil }
        let rows = plot.height, columns = plot.width
        // The inspection's grid point nearest to each cell's centre.
        let gridRow = { (r: Int) in Int((Double(r) + 0.5) / Double(rows) * Double(land.rows - 1) + 0.5) }
        let gridColumn = { (c: Int) in Int((Double(c) + 0.5) / Double(columns) * Double(land.columns - 1) + 0.5) }
        let values = (0..<rows).flatMap { r in (0..<columns).map { c in Double(land.loss[gridRow(r) * land.columns + gridColumn(c)]) } }
        let finite = values.filter { $0.isFinite && $0 > 0 }
        let logarithmic = (finite.max() ?? 1) > 1000 * max(finite.min() ?? 1, .leastNormalMagnitude)
        let width = land.xRange.upperBound - land.xRange.lowerBound
        let height = land.yRange.upperBound - land.yRange.lowerBound
        let row = { (v: Double) in (land.yRange.upperBound - v) / height * Double(rows) }
        let column = { (v: Double) in (v - land.xRange.lowerBound) / width * Double(columns) }
        var markers: [Heatmap.Marker] = []
        var ends: [Heatmap.Marker] = []
        for i in live.runs.indices.reversed() {
            let path = i == 0 ? land.path : live.inspection(run: i).landscape?.path ?? []
            let glyph = Self.pathGlyphs(unicode: glyphs.isUnicode)[i % 4]
            markers += path.map { Heatmap.Marker(row: row($0.y), column: column($0.x), glyph: glyph) }
            if let last = path.last { ends.append(.init(row: row(last.y), column: column(last.x), glyph: "@")) }
        }
        let cursor = view.map { (row: min(max($0.row, 0), rows - 1), column: min(max($0.column, 0), columns - 1)) }
        if let cursor { ends.append(cursorMarker(row: cursor.row, column: cursor.column)) }
        let title = logarithmic ? look.tr("loss over %@ →, %@ ↑ · log shading", x, y) : look.tr("loss over %@ →, %@ ↑ · linear shading", x, y)
        grid.write(WordFit.fit(look.text(title), width: area.width, glyphs: glyphs), x: area.x, y: area.y,
                   style: Style(bold: true), clip: area)
        Heatmap(values: values, rows: rows, columns: columns, scale: logarithmic ? .logarithmic : .sequential(range: nil),
                mode: .cells, glyphs: glyphs, markers: markers + ends)
            .render(into: &grid, area: Rect(x: plot.x, y: plot.y, width: plot.width, height: plot.height + 2))
        // The axes: y's values down the left (top, middle, bottom), x's under the map.
        let axis = Style(foreground: Palette.axis)
        for (tickText, r) in zip(yTicks, [0, rows / 2, rows - 1]) {
            grid.write(tickText, x: area.x + labelWidth - DisplayWidth.of(tickText), y: plot.y + r, style: axis, clip: area)
        }
        if rows >= 5 { grid.write(y, x: area.x + labelWidth - DisplayWidth.of(y), y: plot.y + rows / 4, style: axis, clip: area) }
        let xRow = plot.maxY
        let left = tick(land.xRange.lowerBound), mid = tick((land.xRange.lowerBound + land.xRange.upperBound) / 2)
        let right = tick(land.xRange.upperBound)
        grid.write(left, x: plot.x, y: xRow, style: axis, clip: area)
        grid.write(mid, x: plot.x + columns / 2 - DisplayWidth.of(mid) / 2, y: xRow, style: axis, clip: area)
        grid.write(right, x: plot.maxX - DisplayWidth.of(right), y: xRow, style: axis, clip: area)
        let xLabel = look.text(x + " →")
        grid.write(xLabel, x: plot.x + columns * 3 / 4 - DisplayWidth.of(xLabel) / 2, y: xRow, style: axis, clip: area)
        guard let cursor else { return nil }
        let (gr, gc) = (gridRow(cursor.row), gridColumn(cursor.column))
        let xv = land.xRange.lowerBound + Double(gc) / Double(max(1, land.columns - 1)) * width
        let yv = land.yRange.upperBound - Double(gr) / Double(max(1, land.rows - 1)) * height
        let loss = Double(land.loss[gr * land.columns + gc])
        return PanelReadout(text: look.tr("%@ = %@, %@ = %@ · loss %@", x, Format.number(xv), y, Format.number(yv), Format.number(loss)),
                            rows: rows, columns: columns)
    }

    /// Path glyphs of the runs on the landscape, the cell's own first.
    static func pathGlyphs(unicode: Bool) -> [Character] { unicode ? ["•", "o", "x", "+"] : ["*", "o", "x", "+"] }

    /// A parameter's name as the lesson writes it: its `names:` entry, else `w` for a
    /// parameter called `…weight` (one entry) and `b` for `…bias`, else the name itself.
    func displayName(_ name: String) -> String {
        if let given = live.cell.names[name] { return given }
        let base = name.split(separator: "[").first.map(String.init) ?? name
        if base.hasSuffix("weight") { return "w" }
        if base.hasSuffix("bias") { return "b" }
        return name
    }

    /// A neuron's output over the input plane, beside the three activation curves.
    func activations(into grid: inout CellGrid, area: Rect) {
        let halves = area.columns([.ratio(1), .ratio(1)], spacing: 1)
        if let region = inspection.region {
            field(region, title: look.tr("output(x₁,x₂)")).render(into: &grid, area: halves[0])
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
