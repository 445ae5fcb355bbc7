import LearnLessons
import LearnModels
import LearnRender

/// Draws a live cell's panels: each panel a bordered box holding one or more widgets fed
/// with the trainers' live numbers. Nothing here trains or changes a model.
struct Panels {
    let live: LiveCell
    let look: Look

    /// The cell's own run, inspected (cached per step by the live cell).
    var inspection: Inspection { live.inspection(run: 0) }

    var glyphs: GlyphSet { look.glyphs }
    var trainer: Trainer { live.main }

    /// Lays out `panels` in `area` in the number of columns that gives each panel the
    /// most room (a cell is about twice as tall as wide, so width counts half).
    func render(_ panels: [PanelName], into grid: inout CellGrid, area: Rect) {
        guard !panels.isEmpty, !area.isEmpty else { return }
        let columns = (1...min(panels.count, 3)).max { a, b in room(area, panels.count, a) < room(area, panels.count, b) } ?? 1
        let rowCount = (panels.count + columns - 1) / columns
        let inRows = (0..<rowCount).map { r in Array(panels[(r * columns)..<min(panels.count, (r + 1) * columns)]) }
        // A row whose panels all need less than a fair share gets only what they need.
        let share = area.height / rowCount
        let heights = inRows.map { inRow -> Constraint in
            let needs = inRow.compactMap { naturalHeight($0, width: area.width / inRow.count) }
            guard needs.count == inRow.count, let most = needs.max(), most < share else { return .ratio(1) }
            return .fixed(most)
        }
        for (inRow, row) in zip(inRows, area.rows(heights)) {
            let boxes = row.columns(Array(repeating: .ratio(1), count: inRow.count))
            for (panel, box) in zip(inRow, boxes) { render(panel, into: &grid, area: box) }
        }
    }

    /// The height a panel's content needs at `width`, border included; nil for panels
    /// that use whatever room they get. Only a samples panel showing an answer beside the
    /// right one qualifies: its height stays put, where free text would make the layout
    /// jump with every new sample.
    private func naturalHeight(_ panel: PanelName, width: Int) -> Int? {
        guard panel == .samples, inspection.sampleTarget != nil else { return nil }
        return TextBlock(markdown: samplesMarkdown, glyphs: glyphs).lineCount(width: max(1, width - 2)) + 2
    }

    /// The smaller side of each panel's box, in square units, for `columns` columns.
    private func room(_ area: Rect, _ count: Int, _ columns: Int) -> Double {
        let rows = (count + columns - 1) / columns
        return min(Double(area.width / columns) / 2, Double(area.height / rows))
    }

    func render(_ panel: PanelName, into grid: inout CellGrid, area: Rect) {
        let border = Border(title: title(panel), glyphs: glyphs)
        border.render(into: &grid, area: area)
        let inner = border.inner(area)
        guard !inner.isEmpty else { return }
        switch panel {
        case .loss: loss(into: &grid, area: inner)
        case .param: param(into: &grid, area: inner)
        case .fit: fit(into: &grid, area: inner)
        case .decision: decision(into: &grid, area: inner)
        case .weights: matrices(gradients: false, into: &grid, area: inner)
        case .grads: matrices(gradients: true, into: &grid, area: inner)
        case .network: network(into: &grid, area: inner)
        case .landscape: landscape(into: &grid, area: inner)
        case .activations: activations(into: &grid, area: inner)
        case .hidden: hidden(into: &grid, area: inner)
        case .gates: gates(into: &grid, area: inner)
        case .gradflow: gradflow(into: &grid, area: inner)
        case .attention: attention(into: &grid, area: inner)
        case .positions: positions(into: &grid, area: inner)
        case .embeddings: embeddings(into: &grid, area: inner)
        case .samples: samples(into: &grid, area: inner)
        }
    }

    /// The box title: the panel's name and its headline number.
    func title(_ panel: PanelName) -> String {
        switch panel {
        case .loss:
            let losses = trainer.history.map(\.loss).filter(\.isFinite)
            guard let last = losses.last, let best = losses.min() else { return "loss" }
            return "loss \(Format.number(last)) (best \(Format.number(best)))"
        case .param:
            let names = trainer.scalarHistory.keys.sorted()
            return names.map { "\($0) = \(trainer.metric($0).map(Format.number) ?? "–")" }.joined(separator: "  ")
        case .decision:
            return trainer.metric("accuracy").map { "decision regions · accuracy \(Format.fixed($0 * 100, 0))%" } ?? "decision regions"
        case .grads: return "gradients"
        case .gradflow: return "gradient size at each time step"
        case .positions: return "positional encoding"
        case .samples: return "samples · temperature \(Format.number(trainer.config.temperature))"
        default: return panel.rawValue
        }
    }

    /// The series colour of run `i` (the cell's own run first).
    func color(_ i: Int) -> Color { Look.runColors[i % Look.runColors.count] }

    /// A run's label in legends.
    func label(_ run: LiveCell.Run) -> String { run.label ?? (live.runs.count > 1 ? "main" : "train") }

    /// Writes a dim one-line note in the middle of `area` (for panels with nothing to show yet).
    func note(_ text: String, into grid: inout CellGrid, area: Rect) {
        let text = look.text(text)
        let width = DisplayWidth.of(text)
        grid.write(text, x: area.x + max(0, (area.width - width) / 2), y: area.y + area.height / 2,
                   style: Look.dim, clip: area)
    }
}

extension Array where Element == [Float] {
    /// Row-major doubles and the matrix shape.
    var flattened: (values: [Double], rows: Int, columns: Int) {
        let columns = first?.count ?? 0
        return (flatMap { $0.map(Double.init) }, count, columns)
    }
}
