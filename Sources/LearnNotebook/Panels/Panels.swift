import LearnLessons
import LearnModels
import LearnRender

/// Draws a live cell's panels: each panel a bordered box holding one or more widgets fed
/// with the trainers' live numbers. Nothing here trains or changes a model.
struct Panels {
    let live: LiveCell
    let look: Look
    /// Weight and gradient maps keep one scale over the run (the largest entry so far);
    /// false: each step's own largest entry (`m` switches).
    var heldScale = true

    /// The cell's own run, inspected (cached per step by the live cell).
    var inspection: Inspection { live.inspection(run: 0) }

    var glyphs: GlyphSet { look.glyphs }
    var trainer: Trainer { live.main }

    /// Lays out `panels` in `area` in the number of columns that gives each panel the
    /// most room (a cell is about twice as tall as wide, so width counts half). A zoomed
    /// panel takes the whole area. Returns what the focused panel's cursor points at.
    @discardableResult
    func render(_ panels: [PanelName], into grid: inout CellGrid, area: Rect, view: PanelView = PanelView()) -> PanelReadout? {
        guard !panels.isEmpty, !area.isEmpty else { return nil }
        if view.zoomed, let f = view.focused, panels.indices.contains(f) {
            return render(panels[f], into: &grid, area: area, view: view)
        }
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
        var readout: PanelReadout?
        for (r, (inRow, row)) in zip(inRows, area.rows(heights)).enumerated() {
            let boxes = row.columns(Array(repeating: .ratio(1), count: inRow.count))
            for (c, (panel, box)) in zip(inRow, boxes).enumerated() {
                let focused = view.focused == r * columns + c
                let drawn = render(panel, into: &grid, area: box, view: focused ? view : nil)
                if focused { readout = drawn }
            }
        }
        return readout
    }

    /// The height a panel's content needs at `width`, border included; nil for panels
    /// that use whatever room they get. Only a samples panel showing a task's answers
    /// qualifies: its height stays put, where free text would make the layout
    /// jump with every new sample.
    private func naturalHeight(_ panel: PanelName, width: Int) -> Int? {
        guard panel == .samples, !inspection.answers.isEmpty else { return nil }
        let accuracy = accuracyLine(width: width - 2) == nil ? 0 : 1
        return answerRows(width: width - 2, height: .max).lines.count + 1 + accuracy + 2
    }

    /// The smaller side of each panel's box, in square units, for `columns` columns.
    private func room(_ area: Rect, _ count: Int, _ columns: Int) -> Double {
        let rows = (count + columns - 1) / columns
        return min(Double(area.width / columns) / 2, Double(area.height / rows))
    }

    /// Draws one panel in its box; `view` is set for the focused panel (highlighted
    /// border, cursor, windows moved by the student), nil for the others.
    @discardableResult
    func render(_ panel: PanelName, into grid: inout CellGrid, area: Rect, view: PanelView? = nil) -> PanelReadout? {
        let arrow = glyphs.isUnicode ? "▶ " : "> "
        let border = view == nil ? Border(title: title(panel), glyphs: glyphs)
            : Border(title: arrow + title(panel), glyphs: glyphs, style: Style(foreground: Look.accent, bold: true),
                     titleStyle: Style(foreground: Look.accent, bold: true))
        border.render(into: &grid, area: area)
        let inner = border.inner(area)
        guard !inner.isEmpty else { return nil }
        var readout: PanelReadout?
        switch panel {
        case .loss: loss(into: &grid, area: inner)
        case .param: param(into: &grid, area: inner)
        case .fit: fit(into: &grid, area: inner)
        case .decision: readout = decision(into: &grid, area: inner, view: view)
        case .weights: readout = matrices(gradients: false, into: &grid, area: inner, view: view)
        case .grads: readout = matrices(gradients: true, into: &grid, area: inner, view: view)
        case .network: network(into: &grid, area: inner)
        case .landscape: readout = landscape(into: &grid, area: inner, view: view)
        case .activations: activations(into: &grid, area: inner)
        case .hidden: readout = hidden(into: &grid, area: inner, view: view)
        case .gates: readout = gates(into: &grid, area: inner, view: view)
        case .gradflow: gradflow(into: &grid, area: inner)
        case .attention: readout = attention(into: &grid, area: inner, view: view)
        case .positions: readout = positions(into: &grid, area: inner, view: view)
        case .embeddings: readout = embeddings(into: &grid, area: inner, view: view)
        case .samples: samples(into: &grid, area: inner)
        }
        return view == nil ? nil : readout ?? PanelReadout(text: look.tr("%@: no cursor in this panel", panel.rawValue))
    }

    /// The box title: the panel's name and its headline number.
    func title(_ panel: PanelName) -> String {
        switch panel {
        case .loss:
            let losses = trainer.history.map(\.loss).filter(\.isFinite)
            guard let last = losses.last, let best = losses.min() else { return "loss" }
            return live.isRewound ? look.tr("loss %@ at step %@ (best %@)", Format.number(last), live.step, Format.number(best))
                                  : look.tr("loss %@ (best %@)", Format.number(last), Format.number(best))
        case .param:
            let names = trainer.scalarHistory.keys.sorted()
            return names.map { "\($0) = \(trainer.metric($0).map(Format.number) ?? "–")" }.joined(separator: "  ")
        case .decision:
            return trainer.metric("accuracy").map { look.tr("decision regions · accuracy %@%", Format.fixed($0 * 100, 0)) } ?? look.tr("decision regions")
        case .grads: return "gradients · " + scaleWords
        case .weights: return "weights · " + scaleWords
        case .gradflow: return look.tr("gradient size at each time step")
        case .positions: return look.tr("positional encoding")
        case .samples:
            return inspection.answers.isEmpty ? look.tr("samples · temperature %@", Format.number(trainer.config.temperature))
                                               : look.tr("samples · greedy answers")
        default: return panel.rawValue
        }
    }

    /// Which scale the weight and gradient maps use, for their box title.
    var scaleWords: String { look.tr(heldScale ? "held scale (m)" : "scale per step (m)") }

    /// The cursor drawn over a heatmap cell at (row, column) of what the map shows.
    func cursorMarker(row: Int, column: Int) -> Heatmap.Marker {
        Heatmap.Marker(row: Double(row), column: Double(column), glyph: glyphs.isUnicode ? "◆" : "#")
    }

    /// The series colour of run `i` (the cell's own run first).
    func color(_ i: Int) -> Color { Look.runColors[i % Look.runColors.count] }

    /// The stroke of run `i`, so runs differ without colour: solid, dashed, dotted.
    static func stroke(_ i: Int) -> LineChart.Stroke { [.solid, .dashed, .dotted][i % 3] }

    /// A run's label in legends.
    func label(_ run: LiveCell.Run) -> String { run.label ?? look.tr(live.runs.count > 1 ? "main" : "train") }

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
