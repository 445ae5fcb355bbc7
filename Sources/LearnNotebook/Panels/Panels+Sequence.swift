import LearnModels
import LearnRender

/// Panels about sequence models: hidden state and gates over time, gradient size per
/// time step, attention, positional encoding, embeddings and samples.
extension Panels {
    /// Token labels for the columns of a time-step heatmap.
    private var tokens: [String] { inspection.tokens }

    /// A `[T][H]` matrix drawn with units as rows and time steps as columns. The units
    /// are ranked (by `rank`: a gate's mean, so the most open come first; a state's
    /// variance over time, so the most active come first) and a window of the ranking is
    /// shown, labelled with the units' own numbers; never pooled, never averaged.
    private func overTime(_ matrix: [[Float]], name: String, title: String, scale: Heatmap.Scale, rank: UnitRank,
                          from: Int?, view: PanelView?, into grid: inout CellGrid, area: Rect) -> PanelReadout? {
        let steps = matrix.count, units = matrix.first?.count ?? 0
        guard steps > 0, units > 0 else { return nil }
        let order = rank.order(matrix)
        let window = Window(total: units, room: area.height - 3, preferred: (from ?? 1) - 1, scroll: view?.scroll ?? 0)
        let labelWidth = DisplayWidth.of("\(units)") + 1
        let time = Window(total: steps, room: area.width - labelWidth, preferred: 0, scroll: 0)
        let shown = window.range.map { order[$0] }
        let values = shown.flatMap { u in time.range.map { t in Double(matrix[t][u]) } }
        // The window and how its units are ranked, or where that does not fit, the window.
        let (ranked, bare) = window.start == 0
            ? (look.tr(rank == .mean ? " · top %@/%@ by mean" : " · top %@/%@ by variance", window.shown, units),
               look.tr(" · top %@/%@", window.shown, units))
            : (look.tr(rank == .mean ? " · %@–%@/%@ by mean" : " · %@–%@/%@ by variance",
                       window.start + 1, window.start + window.shown, units),
               look.tr(" · %@–%@/%@", window.start + 1, window.start + window.shown, units))
        let heading = window.isWhole ? title
            : [title + ranked, title + bare].first { DisplayWidth.of(look.text($0)) <= area.width } ?? title + bare
        let cursor = view.map { (row: min(max($0.row, 0), window.shown - 1), column: min(max($0.column, 0), time.shown - 1)) }
        Heatmap(values: values, rows: window.shown, columns: time.shown, scale: scale, mode: .cells, glyphs: glyphs,
                title: heading, rowLabels: shown.map { "\($0 + 1)" },
                columnLabels: Array(tokens.dropFirst(time.start).prefix(time.shown)), showColorBar: true,
                markers: cursor.map { [cursorMarker(row: $0.row, column: $0.column)] } ?? [])
            .render(into: &grid, area: area)
        guard let cursor else { return nil }
        let unit = shown[cursor.row], t = time.start + cursor.column
        let token = t < tokens.count ? " (\"\(tokens[t])\")" : ""
        return PanelReadout(text: look.tr("%@ · unit %@ · t = %@%@ · %@", name, unit + 1, t + 1, token, Format.number(Double(matrix[t][unit]))),
                            rows: window.shown, columns: time.shown, scroll: window.scroll, page: window.shown)
    }

    @discardableResult
    func hidden(into grid: inout CellGrid, area: Rect, view: PanelView?) -> PanelReadout? {
        guard let hidden = inspection.hidden, !hidden.isEmpty else {
            note(look.tr("no hidden state"), into: &grid, area: area)
            return nil
        }
        return overTime(hidden, name: "h_t", title: "h_t", scale: .diverging(limit: 1), rank: .variance,
                        from: live.cell.windows[.hidden]?.from, view: view, into: &grid, area: area)
    }

    /// One heatmap per gate (units down, time across), as many as fit with seven units
    /// or more each, from the map the cursor is in (by default the forget or update gate,
    /// the one the lessons talk about); `<` `>` bring the others.
    @discardableResult
    func gates(into grid: inout CellGrid, area: Rect, view: PanelView?) -> PanelReadout? {
        let gates = inspection.gates
        guard !gates.isEmpty else {
            note(look.tr("no gates in this model"), into: &grid, area: area)
            return nil
        }
        let columns = area.width >= 90 ? 2 : 1
        let fitting = max(1, min(gates.count, columns * max(1, area.height / 10)))
        let opening = live.cell.windows[.gates]
        let preferred = gates.firstIndex { $0.name == opening?.map } ?? gates.firstIndex { $0.name == "f" || $0.name == "z" } ?? 0
        let current = min(max(view?.map ?? preferred, 0), gates.count - 1)
        // The gate before the current one too, where there is room: i beside f, r beside z.
        let first = fitting == gates.count ? 0 : max(0, min(current - (fitting > 2 ? 1 : 0), gates.count - fitting))
        let shownColumns = min(columns, fitting)
        let rowCount = (fitting + shownColumns - 1) / shownColumns
        var readout: PanelReadout?
        // The last row says how many gates are left out, under the maps, not over them.
        let mapsArea = fitting < gates.count ? area.inset(bottom: 1) : area
        for (r, row) in mapsArea.rows(Array(repeating: .ratio(1), count: rowCount)).enumerated() {
            for (c, box) in row.columns(Array(repeating: .ratio(1), count: shownColumns), spacing: 1).enumerated() {
                let index = first + r * shownColumns + c
                guard index < first + fitting else { continue }
                let gate = gates[index]
                let sigmoid = Self.gateWords[gate.name] != nil
                let name = look.tr(Self.gateTitles[gate.name] ?? gate.name)
                let drawn = overTime(gate.values, name: String(name.dropFirst(2)), title: name,
                                     scale: sigmoid ? .sequential(range: 0...1) : .diverging(limit: nil),
                                     rank: sigmoid ? .mean : .variance, from: opening?.from,
                                     view: index == current ? view : nil,
                                     into: &grid, area: box)
                if index == current { readout = drawn }
            }
        }
        return finish(readout, shown: fitting, of: gates.count, noun: .gates, current: current, view: view,
                      into: &grid, area: area)
    }

    static let gateTitles = ["i": "i input gate", "f": "f forget gate", "g": "g candidate", "o": "o output gate",
                             "c": "c cell state", "r": "r reset gate", "z": "z update gate", "n": "n candidate"]
    /// The gates proper (sigmoids between 0 and 1), by the word a row label uses.
    static let gateWords = ["i": "input", "f": "forget", "o": "output", "r": "reset", "z": "update"]

    func gradflow(into grid: inout CellGrid, area: Rect) {
        guard let flow = inspection.gradFlow, !flow.isEmpty else { return note(look.tr("no gradient yet"), into: &grid, area: area) }
        let labels = flow.indices.map { t in t < tokens.count ? tokens[t] : "\(t)" }
        Bars(values: flow, labels: labels, orientation: .vertical, glyphs: glyphs, logScale: true, showValues: false,
             title: "‖∂L/∂h_t‖", color: color(0))
            .render(into: &grid, area: area)
    }

    /// One map per layer and head, as many as fit with at least eight query rows and
    /// twelve key columns each (fewer if the sequence is shorter), from the map the
    /// cursor is in. Each map shows a window of the query rows, by default the last ones
    /// (where a task's answer is), and the first key columns: the causal mask makes that
    /// the part worth seeing. PgUp/PgDn move the rows, `<` `>` the maps.
    @discardableResult
    func attention(into grid: inout CellGrid, area: Rect, view: PanelView?) -> PanelReadout? {
        guard let layers = inspection.attention, !layers.isEmpty else {
            note(look.tr("no attention"), into: &grid, area: area)
            return nil
        }
        let maps = layers.enumerated().flatMap { l, heads in heads.enumerated().map { h, m in (l, h, m) } }
        let positions = maps[0].2.count
        let labelWidth = min(3, tokens.prefix(positions).map(DisplayWidth.of).max() ?? 1) + 1
        let least = (width: labelWidth + min(positions, 12), height: min(positions, 8) + 3)
        let columns = max(1, min(maps.count, area.width / least.width))
        let rowCount = max(1, min((maps.count + columns - 1) / columns, area.height / least.height))
        let fitting = min(maps.count, columns * rowCount)
        let opening = live.cell.windows[.attention]
        let preferred = maps.firstIndex { "L\($0.0 + 1) H\($0.1 + 1)" == opening?.map } ?? 0
        let current = min(max(view?.map ?? preferred, 0), maps.count - 1)
        let first = min(current, maps.count - fitting)
        var readout: PanelReadout?
        let mapsArea = fitting < maps.count ? area.inset(bottom: 1) : area
        for (r, row) in mapsArea.rows(Array(repeating: .ratio(1), count: rowCount)).enumerated() {
            for (c, box) in row.columns(Array(repeating: .ratio(1), count: columns), spacing: 1).enumerated() {
                let index = first + r * columns + c
                guard index < first + fitting else { continue }
                let (layer, head, matrix) = maps[index]
                let drawn = attentionMap(matrix, name: "L\(layer + 1) H\(head + 1)", labelWidth: labelWidth, from: opening?.from,
                                         view: index == current ? view : nil,
                                         colorBar: r == rowCount - 1 && c == 0, into: &grid, area: box)
                if index == current { readout = drawn }
            }
        }
        return finish(readout, shown: fitting, of: maps.count, noun: .maps, current: current, view: view,
                      into: &grid, area: area)
    }

    /// Says how many maps did not fit and how to reach them, and tells the readout which
    /// map of how many it reads.
    enum Hidden { case gates, maps }

    private func finish(_ readout: PanelReadout?, shown: Int, of count: Int, noun: Hidden, current: Int,
                        view: PanelView?, into grid: inout CellGrid, area: Rect) -> PanelReadout? {
        if shown < count {
            let words = switch (noun, view == nil) {
            case (.gates, true): look.tr("+%@ gates: f, then < >", count - shown)
            case (.gates, false): look.tr("+%@ gates: < >", count - shown)
            case (.maps, true): look.tr("+%@ maps: f, then < >", count - shown)
            case (.maps, false): look.tr("+%@ maps: < >", count - shown)
            }
            let more = look.text(words)
            grid.write(more, x: area.maxX - DisplayWidth.of(more), y: area.maxY - 1, style: Look.dim, clip: area)
        }
        var readout = readout
        readout?.maps = count
        readout?.map = current
        return readout
    }

    private func attentionMap(_ matrix: [[Float]], name: String, labelWidth: Int, from: Int?, view: PanelView?, colorBar: Bool,
                              into grid: inout CellGrid, area: Rect) -> PanelReadout? {
        let n = matrix.count
        // The window ends at the last real position: a translation pads its sequences with `_`.
        let end = (0..<n).last { $0 >= tokens.count || tokens[$0] != "_" }.map { $0 + 1 } ?? n
        // Every map keeps a row for the colour bar, so maps side by side show the same rows.
        let room = area.height - 3
        let rows = Window(total: n, room: room, preferred: from.map { $0 - 1 } ?? end - room, scroll: view?.scroll ?? 0)
        // A column as wide as its widest label (a Chinese character takes two), so no
        // column label is dropped.
        let columnWidth = min(2, max(1, tokens.prefix(n).map(DisplayWidth.of).max() ?? 1))
        let keys = Window(total: n, room: (area.width - labelWidth) / columnWidth, preferred: 0, scroll: 0)
        let values = rows.range.flatMap { i in keys.range.map { j in Double(matrix[i][j]) } }
        let mask = rows.range.flatMap { i in keys.range.map { j in j > i } }
        var titles = [look.tr("%@ · rows %@–%@ of %@", name, rows.start + 1, rows.start + rows.shown, rows.total),
                      "\(name) \(rows.start + 1)–\(rows.start + rows.shown)/\(n)",
                      "\(name) \(rows.start + 1)–\(rows.start + rows.shown)"]
        if !keys.isWhole { titles[0] += look.tr(" · keys %@–%@ of %@", keys.start + 1, keys.start + keys.shown, keys.total) }
        if rows.isWhole && keys.isWhole { titles = [name] }
        let title = titles.first { DisplayWidth.of($0) <= area.width } ?? name
        let label = { (i: Int) in i < self.tokens.count ? self.tokens[i] : "\(i + 1)" }
        let cursor = view.map { (row: min(max($0.row, 0), rows.shown - 1), column: min(max($0.column, 0), keys.shown - 1)) }
        Heatmap(values: values, rows: rows.shown, columns: keys.shown, scale: .sequential(range: 0...1), mode: .cells,
                glyphs: glyphs, title: title, rowLabels: rows.range.map(label), columnLabels: keys.range.map(label),
                mask: mask, showColorBar: colorBar,
                markers: cursor.map { [cursorMarker(row: $0.row, column: $0.column)] } ?? [])
            .render(into: &grid, area: area)
        guard let cursor else { return nil }
        let i = rows.start + cursor.row, j = keys.start + cursor.column
        let weight = j > i ? look.tr("masked (future)") : look.tr("weight %@", Format.number(Double(matrix[i][j])))
        return PanelReadout(text: look.tr("%@ · query \"%@\" (%@) → key \"%@\" (%@) · %@", name, label(i), i + 1, label(j), j + 1, weight),
                            rows: rows.shown, columns: keys.shown, scroll: rows.scroll, page: rows.shown)
    }

    /// The positional encoding, a window of the positions and the first dimensions that fit.
    @discardableResult
    func positions(into grid: inout CellGrid, area: Rect, view: PanelView?) -> PanelReadout? {
        guard let pe = inspection.positions, !pe.isEmpty else {
            note(look.tr("no positional encoding"), into: &grid, area: area)
            return nil
        }
        let half = Heatmap.Mode.preferred(for: look.tier, glyphs: glyphs) == .halfBlock
        let rows = Window(total: pe.count, room: (area.height - 2) * (half ? 2 : 1),
                          preferred: (live.cell.windows[.positions]?.from ?? 1) - 1, scroll: view?.scroll ?? 0)
        let dims = Window(total: pe[0].count, room: area.width, preferred: 0, scroll: 0)
        let values = rows.range.flatMap { p in dims.range.map { d in Double(pe[p][d]) } }
        let cursor = view.map { (row: min(max($0.row, 0), rows.shown - 1), column: min(max($0.column, 0), dims.shown - 1)) }
        Heatmap(values: values, rows: rows.shown, columns: dims.shown, scale: .diverging(limit: 1),
                mode: half ? .halfBlock : .cells, glyphs: glyphs,
                title: look.tr("PE[position %@–%@ ↓, dim 0–%@ →]", rows.start, rows.start + rows.shown - 1, dims.shown - 1),
                markers: cursor.map { [cursorMarker(row: $0.row, column: $0.column)] } ?? [])
            .render(into: &grid, area: area)
        guard let cursor else { return nil }
        let p = rows.start + cursor.row, d = cursor.column
        return PanelReadout(text: look.tr("PE[position %@, dimension %@] = %@", p, d, Format.number(Double(pe[p][d]))),
                            rows: rows.shown, columns: dims.shown, scroll: rows.scroll, page: rows.shown)
    }

    /// The token embeddings on their first two principal components, on axes of a round
    /// size symmetric around zero (so points move, the axes do not jump). In the focused
    /// panel ← → walk the tokens from left to right and the readout gives the token and
    /// its coordinates.
    @discardableResult
    func embeddings(into grid: inout CellGrid, area: Rect, view: PanelView?) -> PanelReadout? {
        guard let table = inspection.embeddings, table.vectors.count >= 2 else {
            note(look.tr("no embeddings"), into: &grid, area: area)
            return nil
        }
        let projected = Projection.principalPlane(table.vectors.map { $0.map(Double.init) })
        let reach = projected.flatMap { [abs($0.x), abs($0.y)] }.filter(\.isFinite).max() ?? 1
        let round = NiceScale(lo: 0, hi: max(reach, 1e-6), maxTicks: 2).upper
        let leftToRight = projected.indices.sorted { projected[$0].x != projected[$1].x ? projected[$0].x < projected[$1].x : $0 < $1 }
        let cursor = view.map { leftToRight[min(max($0.column, 0), leftToRight.count - 1)] }
        let points = zip(projected, table.labels).map { p, label in
            Scatter.Point(x: p.x, y: p.y, label: label, group: label.first?.isLetter == true ? 0 : 1)
        }
        Scatter(points: points, glyphs: glyphs, title: look.tr("first two principal components"), xRange: -round...round,
                yRange: -round...round, highlighted: cursor).render(into: &grid, area: area)
        guard let cursor else { return nil }
        let p = projected[cursor]
        return PanelReadout(text: look.tr("token \"%@\" (%@ of %@) · PC1 %@, PC2 %@", table.labels[cursor], cursor + 1, table.labels.count, Format.number(p.x), Format.number(p.y)),
                            rows: 1, columns: leftToRight.count)
    }

    /// A text model's sample, or a task's first examples answered by the model, each
    /// marked right or wrong (with the right answer beside a wrong one) — the set's first
    /// examples in order, not picked — and, on the last line, the accuracy per answer
    /// symbol on the last training batch and on the validation set.
    func samples(into grid: inout CellGrid, area: Rect) {
        let accuracy = accuracyLine(width: area.width)
        let body = accuracy == nil ? area : area.inset(bottom: 1)
        if let accuracy {
            grid.write(accuracy, x: area.x, y: area.maxY - 1, style: Look.dim, clip: area)
        }
        guard !inspection.answers.isEmpty else {
            guard inspection.sample != nil else { return note(look.tr("no samples"), into: &grid, area: body) }
            return TextBlock(markdown: samplesMarkdown, glyphs: glyphs).render(into: &grid, area: body)
        }
        let shown = answerRows(width: body.width, height: body.height - 1)
        let (right, wrong) = (shown.right, shown.examples - shown.right)
        // The count of wrong answers, or where that does not fit, right ones out of all.
        let n = shown.examples
        let (long, short) = switch (inspection.answersHeldOut, n == 1) {
        case (true, true): (look.tr("held-out 1: %@ right, %@ wrong", right, wrong), look.tr("held-out 1: %@/%@ right", right, n))
        case (true, false): (look.tr("held-out 1–%@: %@ right, %@ wrong", n, right, wrong),
                             look.tr("held-out 1–%@: %@/%@ right", n, right, n))
        case (false, true): (look.tr("training 1: %@ right, %@ wrong", right, wrong), look.tr("training 1: %@/%@ right", right, n))
        case (false, false): (look.tr("training 1–%@: %@ right, %@ wrong", n, right, wrong),
                              look.tr("training 1–%@: %@/%@ right", n, right, n))
        }
        let header = [long, short].map(look.text).first { DisplayWidth.of($0) <= body.width } ?? look.text(short)
        grid.write(WordFit.fit(header, width: body.width, glyphs: glyphs), x: body.x, y: body.y, style: Style(bold: true), clip: body)
        for (y, line) in zip(min(body.y + 1, body.maxY)..<body.maxY, shown.lines) {
            grid.write(line.text, x: body.x, y: y, style: line.right ? .plain : Look.wrong, clip: body)
        }
    }

    /// The task answers that fit in `height` rows of `width`, in the set's order: one row
    /// each, a wrong one with the right answer beside it, or on the row below when it
    /// does not fit; and how many of those shown are right.
    func answerRows(width: Int, height: Int) -> (lines: [(text: String, right: Bool)], examples: Int, right: Int) {
        let (yes, no) = glyphs.isUnicode ? ("✓ ", "✗ ") : ("+ ", "- ")
        var lines: [(text: String, right: Bool)] = [], examples = 0, right = 0
        for a in inspection.answers {
            var rows = [(text: look.text(yes + a.answer), right: true)]
            if !a.isRight {
                let target = String(a.target.split(separator: "→", maxSplits: 1).last ?? "")
                let line = look.text(no + a.answer), beside = look.text(look.tr("  right: %@", target))
                rows = DisplayWidth.of(line + beside) <= width ? [(line + beside, false)]
                                                               : [(line, false), (look.text(look.tr("    right: %@", target)), false)]
            }
            guard lines.count + rows.count <= height else { break }
            lines += rows
            examples += 1
            if a.isRight { right += 1 }
        }
        return (lines, examples, right)
    }

    /// `symbols right: 98% of the batch · 94% held out` (per answer symbol, or per next
    /// character of a text), or where that does not fit `98% batch, 94% held out`, or the
    /// held-out share alone; nil for a run that is not classification.
    func accuracyLine(width: Int) -> String? {
        guard trainer.isClassification, let train = trainer.metric("accuracy") else { return nil }
        let percent = Format.fixed(train * 100, 0)
        let batch = inspection.answers.isEmpty ? look.tr("next character right: %@% of the batch", percent)
                                               : look.tr("symbols right: %@% of the batch", percent)
        let forms = if let validation = trainer.metric("val_accuracy").map({ Format.fixed($0 * 100, 0) }) {
            [batch + " · " + look.tr("%@% held out", validation), look.tr("%@% batch, %@% held out", percent, validation),
             look.tr("%@% held out", validation)]
        } else {
            [batch, look.tr("right: %@% of the batch", percent)]
        }
        return forms.map(look.text).first { DisplayWidth.of($0) <= width }
    }

    /// The sampled text (and the right answer, where there is one) as a code block.
    var samplesMarkdown: String {
        var text = inspection.sample ?? look.tr("no samples")
        if let target = inspection.sampleTarget { text += "\n\n" + look.tr("right answer: %@", target) }
        return "```\n" + text + "\n```"
    }
}
