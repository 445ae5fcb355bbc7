import LearnModels
import LearnRender

/// Panels about the run as a whole: loss over steps, scalar parameters, and the fit of
/// a 1-D model to its data.
extension Panels {
    func loss(into grid: inout CellGrid, area: Rect) {
        var series: [LineChart.Series] = []
        for (i, run) in live.runs.enumerated() {
            let history = run.trainer.history
            guard !history.isEmpty else { continue }
            series.append(.init(name: label(run), values: history.map(\.loss), xs: history.map { Double($0.step) },
                                color: color(i), stroke: Self.stroke(i)))
            let validation = run.trainer.validationHistory
            if !validation.isEmpty, live.runs.count == 1 {
                series.append(.init(name: look.tr("validation"), values: validation.map(\.loss),
                                    xs: validation.map { Double($0.step) }, color: color(i + 1), stroke: .dashed))
            }
        }
        // Rewound: the rest of the run, faint, so the step shown has its place in it.
        let ahead = live.ahead
        if !ahead.isEmpty {
            series.append(.init(name: look.tr("later"), values: ahead.map(\.loss), xs: ahead.map { Double($0.step) },
                                color: Look.dim.foreground, stroke: .dashed, showsLast: false))
        }
        guard !series.isEmpty else { return note(look.tr("no steps yet"), into: &grid, area: area) }
        if let ghost = live.ghost {
            series.append(.init(name: look.tr("before"), values: ghost.losses, xs: ghost.steps, color: Look.dim.foreground, stroke: .dotted))
        }
        let finite = series.flatMap(\.values).filter { $0.isFinite && $0 > 0 }
        let logY = (finite.max() ?? 1) / max(finite.min() ?? 1, 1e-12) > 30
        LineChart(series: series, glyphs: glyphs, logY: logY).render(into: &grid, area: area)
    }

    func param(into grid: inout CellGrid, area: Rect) {
        let history = trainer.scalarHistory
        guard !history.isEmpty else { return note(look.tr("no scalar parameters"), into: &grid, area: area) }
        var series = history.keys.sorted().enumerated().map { i, name in
            LineChart.Series(name: name, values: history[name] ?? [], color: color(i))
        }
        // A compare run's parameters beside the cell's own, in that run's stroke (01 p2's
        // coarse k jumping between 0.9 and 1.2).
        for (r, run) in live.runs.enumerated().dropFirst() {
            let theirs = run.trainer.scalarHistory
            for name in theirs.keys.sorted() {
                series.append(.init(name: "\(name) \(label(run))", values: theirs[name] ?? [], color: color(r),
                                    stroke: Self.stroke(r)))
            }
        }
        if trainer.config.model == .kx, case .named(.line) = trainer.config.data {
            let steps = max(1, series.first?.values.count ?? 1)
            series.append(.init(name: look.tr("target"), values: Array(repeating: trainer.config.dataOptions.target, count: steps),
                                color: Look.dim.foreground, stroke: .dashed))
        }
        LineChart(series: series, glyphs: glyphs).render(into: &grid, area: area)
    }

    func fit(into grid: inout CellGrid, area: Rect) {
        var series: [LineChart.Series] = []
        let points = inspection.points1D
        if !points.isEmpty {
            series.append(.init(name: look.tr("data"), values: points.map(\.y), xs: points.map(\.x), color: color(1), stroke: .points,
                                 showsLast: false))
        }
        for (i, run) in live.runs.enumerated() {
            let curve = live.inspection(run: i).curve
            guard !curve.isEmpty else { continue }
            series.append(.init(name: run.label ?? look.tr("model"), values: curve.map(\.y), xs: curve.map(\.x),
                                color: color(i == 0 ? 0 : i + 1), stroke: Self.stroke(i), showsLast: false))
        }
        guard !series.isEmpty else { return note(look.tr("no 1-D data to draw"), into: &grid, area: area) }
        if let ghost = live.ghost?.curve, !ghost.isEmpty {
            series.append(.init(name: look.tr("before"), values: ghost.map(\.y), xs: ghost.map(\.x), color: Look.dim.foreground,
                                stroke: .dotted, showsLast: false))
        }
        LineChart(series: series, glyphs: glyphs).render(into: &grid, area: area)
    }
}
