import LearnModels
import LearnRender

/// Panels about sequence models: hidden state and gates over time, gradient size per
/// time step, attention, positional encoding, embeddings and samples.
extension Panels {
    /// Token labels for the columns of a time-step heatmap.
    private var tokens: [String] { inspection.tokens }

    /// A `[T][H]` matrix drawn with units as rows and time steps as columns; units that
    /// do not fit are left out (and the title says how many are shown), never pooled.
    private func overTime(_ matrix: [[Float]], title: String, scale: Heatmap.Scale,
                          into grid: inout CellGrid, area: Rect) {
        let steps = matrix.count, units = matrix.first?.count ?? 0
        let shownUnits = min(units, max(1, area.height - 3))
        let shownSteps = min(steps, max(1, area.width - 4))
        var values: [Double] = []
        values.reserveCapacity(shownUnits * shownSteps)
        for u in 0..<shownUnits { for t in 0..<shownSteps { values.append(Double(matrix[t][u])) } }
        let note = shownUnits < units ? " (units 1–\(shownUnits) of \(units))" : ""
        Heatmap(values: values, rows: shownUnits, columns: shownSteps, scale: scale, mode: .cells, glyphs: glyphs,
                title: title + note, rowLabels: (1...shownUnits).map { "\($0)" }, columnLabels: Array(tokens.prefix(shownSteps)),
                showColorBar: true)
            .render(into: &grid, area: area)
    }

    func hidden(into grid: inout CellGrid, area: Rect) {
        guard let hidden = inspection.hidden, !hidden.isEmpty else { return note("no hidden state", into: &grid, area: area) }
        overTime(hidden, title: "h_t: unit ↓, time →", scale: .diverging(limit: 1), into: &grid, area: area)
    }

    /// One heatmap per gate (units down, time across); where each would get fewer rows
    /// than it needs to be read, one map of the sigmoid gates' means over the units.
    func gates(into grid: inout CellGrid, area: Rect) {
        let gates = inspection.gates
        guard !gates.isEmpty else { return note("no gates in this model", into: &grid, area: area) }
        let columns = area.width >= 90 ? 2 : 1
        let rowCount = (gates.count + columns - 1) / columns
        guard area.height / rowCount >= 6 else { return gateMeans(gates, into: &grid, area: area) }
        let rows = area.rows(Array(repeating: .ratio(1), count: rowCount))
        for (r, row) in rows.enumerated() {
            let boxes = row.columns(Array(repeating: .ratio(1), count: columns), spacing: 1)
            for (c, box) in boxes.enumerated() where r * columns + c < gates.count {
                let gate = gates[r * columns + c]
                let signed = Self.gateWords[gate.name] == nil
                overTime(gate.values, title: Self.gateTitles[gate.name] ?? gate.name,
                         scale: signed ? .diverging(limit: nil) : .sequential(range: 0...1), into: &grid, area: box)
            }
        }
    }

    /// Each sigmoid gate as one row: its mean over the units at each time step.
    private func gateMeans(_ gates: [(name: String, values: [[Float]])], into grid: inout CellGrid, area: Rect) {
        let shown = gates.filter { Self.gateWords[$0.name] != nil }
        let steps = min(shown.first?.values.count ?? 0, max(1, area.width - 9))
        let units = shown.first?.values.first?.count ?? 0
        guard steps > 0, units > 0 else { return note("no gates yet", into: &grid, area: area) }
        let values = shown.flatMap { gate in
            (0..<steps).map { t in Double(gate.values[t].reduce(0, +)) / Double(units) }
        }
        Heatmap(values: values, rows: shown.count, columns: steps, scale: .sequential(range: 0...1), mode: .cells,
                glyphs: glyphs, title: "mean of \(units) units (0 shut, 1 open)",
                rowLabels: shown.map { Self.gateWords[$0.name]! }, columnLabels: Array(tokens.prefix(steps)),
                showColorBar: true)
            .render(into: &grid, area: area)
    }

    static let gateTitles = ["i": "i input gate", "f": "f forget gate", "g": "g candidate", "o": "o output gate",
                             "c": "c cell state", "r": "r reset gate", "z": "z update gate", "n": "n candidate"]
    /// The gates proper (sigmoids between 0 and 1), by the word a row label uses.
    static let gateWords = ["i": "input", "f": "forget", "o": "output", "r": "reset", "z": "update"]

    func gradflow(into grid: inout CellGrid, area: Rect) {
        guard let flow = inspection.gradFlow, !flow.isEmpty else { return note("no gradient yet", into: &grid, area: area) }
        let labels = flow.indices.map { t in t < tokens.count ? tokens[t] : "\(t)" }
        Bars(values: flow, labels: labels, orientation: .vertical, glyphs: glyphs, logScale: true, showValues: false,
             title: "‖∂L/∂h_t‖, log scale, first step on the left", color: color(0))
            .render(into: &grid, area: area)
    }

    /// One map per layer and head, as many as fit (each at least 20×8), each cropped to the
    /// first tokens that fit: the causal mask makes that corner a complete picture.
    func attention(into grid: inout CellGrid, area: Rect) {
        guard let layers = inspection.attention, !layers.isEmpty else { return note("no attention", into: &grid, area: area) }
        let maps = layers.enumerated().flatMap { l, heads in heads.enumerated().map { h, m in (l, h, m) } }
        let columns = max(1, min(maps.count, area.width / 20))
        let rowCount = max(1, min((maps.count + columns - 1) / columns, area.height / 8))
        let shown = min(maps.count, columns * rowCount)
        let rows = area.rows(Array(repeating: .ratio(1), count: rowCount))
        for (r, row) in rows.enumerated() {
            let boxes = row.columns(Array(repeating: .ratio(1), count: columns), spacing: 1)
            for (c, box) in boxes.enumerated() where r * columns + c < shown {
                let (layer, head, matrix) = maps[r * columns + c]
                let labelWidth = min(3, tokens.map(DisplayWidth.of).max() ?? 1) + 1
                let n = max(1, min(matrix.count, box.height - 3, (box.width - labelWidth) / 2))
                let values = (0..<n).flatMap { i in (0..<n).map { j in Double(matrix[i][j]) } }
                let mask = (0..<n).flatMap { i in (0..<n).map { j in j > i } }
                let title = "L\(layer + 1) H\(head + 1)" + (n < matrix.count ? " (\(n) of \(matrix.count))" : "")
                Heatmap(values: values, rows: n, columns: n, scale: .sequential(range: 0...1), mode: .cells,
                        glyphs: glyphs, title: title, rowLabels: Array(tokens.prefix(n)),
                        columnLabels: Array(tokens.prefix(n)), mask: mask, showColorBar: r == rowCount - 1 && c == 0)
                    .render(into: &grid, area: box)
            }
        }
        if shown < maps.count {
            let more = look.text("+\(maps.count - shown) more maps on a larger screen")
            grid.write(more, x: area.maxX - DisplayWidth.of(more), y: area.maxY - 1, style: Look.dim, clip: area)
        }
    }

    /// The positional encoding, cropped to the positions and dimensions that fit.
    func positions(into grid: inout CellGrid, area: Rect) {
        guard let pe = inspection.positions, !pe.isEmpty else { return note("no positional encoding", into: &grid, area: area) }
        let half = Heatmap.Mode.preferred(for: look.tier, glyphs: glyphs) == .halfBlock
        let rows = min(pe.count, max(1, (area.height - 2) * (half ? 2 : 1)))
        let columns = min(pe[0].count, max(1, area.width))
        let values = (0..<rows).flatMap { p in (0..<columns).map { d in Double(pe[p][d]) } }
        Heatmap(values: values, rows: rows, columns: columns, scale: .diverging(limit: 1),
                mode: half ? .halfBlock : .cells, glyphs: glyphs,
                title: "PE[position 0–\(rows - 1) ↓, dimension 0–\(columns - 1) →]").render(into: &grid, area: area)
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
        guard inspection.sample != nil else { return note("no samples", into: &grid, area: area) }
        TextBlock(markdown: samplesMarkdown, glyphs: glyphs).render(into: &grid, area: area)
    }

    /// The sampled text (and the right answer, where there is one) as a code block.
    var samplesMarkdown: String {
        var text = inspection.sample ?? "no samples"
        if let target = inspection.sampleTarget { text += "\n\nright answer: " + target }
        return "```\n" + text + "\n```"
    }
}
