import LearnModels
import LearnRender

/// Panels about sequence models: hidden state and gates over time, gradient size per
/// time step, attention, positional encoding, embeddings and samples.
extension Panels {
    /// Token labels for the columns of a time-step heatmap.
    private var tokens: [String] { inspection.tokens }

    /// A `[T][H]` matrix drawn with units as rows and time steps as columns.
    private func overTime(_ matrix: [[Float]], title: String, scale: Heatmap.Scale,
                          into grid: inout CellGrid, area: Rect) {
        let (values, steps, units) = matrix.flattened
        var transposed = [Double](repeating: 0, count: values.count)
        for t in 0..<steps { for u in 0..<units { transposed[u * steps + t] = values[t * units + u] } }
        Heatmap(values: transposed, rows: units, columns: steps, scale: scale,
                mode: .cells, glyphs: glyphs, title: title, columnLabels: tokens, showColorBar: true)
            .render(into: &grid, area: area)
    }

    func hidden(into grid: inout CellGrid, area: Rect) {
        guard let hidden = inspection.hidden, !hidden.isEmpty else { return note("no hidden state", into: &grid, area: area) }
        overTime(hidden, title: "h_t: units ↓, time →", scale: .diverging(limit: 1), into: &grid, area: area)
    }

    func gates(into grid: inout CellGrid, area: Rect) {
        let gates = inspection.gates
        guard !gates.isEmpty else { return note("no gates in this model", into: &grid, area: area) }
        let boxes = area.rows(Array(repeating: .ratio(1), count: gates.count))
        for (gate, box) in zip(gates, boxes) {
            let signed = gate.name == "g" || gate.name == "n" || gate.name == "c"
            overTime(gate.values, title: gate.name, scale: signed ? .diverging(limit: nil) : .sequential(range: 0...1),
                     into: &grid, area: box)
        }
    }

    func gradflow(into grid: inout CellGrid, area: Rect) {
        guard let flow = inspection.gradFlow, !flow.isEmpty else { return note("no gradient yet", into: &grid, area: area) }
        let labels = flow.indices.map { t in t < tokens.count ? tokens[t] : "\(t)" }
        Bars(values: flow, labels: labels, orientation: .vertical, glyphs: glyphs, logScale: true, showValues: false,
             title: "‖∂L/∂h_t‖, log scale, first step on the left", color: color(0))
            .render(into: &grid, area: area)
    }

    func attention(into grid: inout CellGrid, area: Rect) {
        guard let layers = inspection.attention, !layers.isEmpty else { return note("no attention", into: &grid, area: area) }
        let maps = layers.enumerated().flatMap { l, heads in heads.enumerated().map { h, m in (l, h, m) } }
        let columns = min(maps.count, max(1, area.width / 24))
        let rowCount = (maps.count + columns - 1) / columns
        let rows = area.rows(Array(repeating: .ratio(1), count: rowCount))
        for (r, row) in rows.enumerated() {
            let boxes = row.columns(Array(repeating: .ratio(1), count: columns), spacing: 1)
            for (c, box) in boxes.enumerated() where r * columns + c < maps.count {
                let (layer, head, matrix) = maps[r * columns + c]
                let (values, n, m) = matrix.flattened
                let mask = (0..<n).flatMap { i in (0..<m).map { j in j > i } }
                Heatmap(values: values, rows: n, columns: m, scale: .sequential(range: 0...1), mode: .cells,
                        glyphs: glyphs, title: "layer \(layer + 1) head \(head + 1)", rowLabels: tokens,
                        columnLabels: tokens, mask: mask, showColorBar: r == rowCount - 1 && c == 0)
                    .render(into: &grid, area: box)
            }
        }
    }

    func positions(into grid: inout CellGrid, area: Rect) {
        guard let pe = inspection.positions, !pe.isEmpty else { return note("no positional encoding", into: &grid, area: area) }
        let (values, rows, columns) = pe.flattened
        Heatmap(values: values, rows: rows, columns: columns, scale: .diverging(limit: 1),
                mode: .preferred(for: look.tier, glyphs: glyphs), glyphs: glyphs,
                title: "PE[pos ↓, dimension →]").render(into: &grid, area: area)
    }

    func embeddings(into grid: inout CellGrid, area: Rect) {
        guard let table = inspection.embeddings, table.vectors.count >= 2 else {
            return note("no embeddings", into: &grid, area: area)
        }
        let projected = Projection.principalPlane(table.vectors.map { $0.map(Double.init) })
        let points = zip(projected, table.labels).map { p, label in
            Scatter.Point(x: p.x, y: p.y, label: label, group: label.first?.isLetter == true ? 0 : 1)
        }
        Scatter(points: points, glyphs: glyphs, title: "first two principal components").render(into: &grid, area: area)
    }

    func samples(into grid: inout CellGrid, area: Rect) {
        guard let sample = inspection.sample else { return note("no samples", into: &grid, area: area) }
        var text = sample
        if let target = inspection.sampleTarget { text += "\n\nright answer: " + target }
        TextBlock(markdown: "```\n" + text + "\n```", glyphs: glyphs).render(into: &grid, area: area)
    }
}
