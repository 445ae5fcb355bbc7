/// Several series over a shared x-axis: braille dots (Unicode) or `' - . : |` (ASCII),
/// a legend with each series' last value (where it means something), a y-axis with nice ticks (1/2/5 × 10ᵏ inside
/// the data's range, or whole decades in log-y), an x-axis in nice steps.
///
/// Long series are downsampled per dot column keeping min, max, first and last
/// (`Downsample`), so spikes survive. NaN and ±∞ (and values ≤ 0 in log-y) are gaps:
/// the line breaks there. Series are told apart without colour by their stroke
/// (solid, dashed, dotted, or points drawn as `•`/`o` markers over the lines), shown in the legend.
public struct LineChart: Sendable {
    public enum Stroke: Sendable, Hashable {
        /// `dotted` shows one dot column in three: a third run told apart without colour.
        case solid, dashed, dotted, points
    }

    public struct Series: Sendable {
        public var name: String
        public var values: [Double]
        /// x of each value; nil: x = xStart + i · xStep.
        public var xs: [Double]?
        public var color: Color?
        public var stroke: Stroke
        /// Whether the legend prints the last value (a loss: yes; a fitted curve's last
        /// y: no, it means nothing).
        public var showsLast: Bool

        public init(name: String, values: [Double], xs: [Double]? = nil, color: Color? = nil,
                    stroke: Stroke = .solid, showsLast: Bool = true) {
            self.showsLast = showsLast
            self.name = name
            self.values = values
            self.xs = xs
            self.color = color
            self.stroke = stroke
        }
    }

    public var series: [Series]
    public var glyphs: GlyphSet
    public var title: String
    public var logY: Bool
    /// Fixed y range; nil: fitted to the data.
    public var yRange: ClosedRange<Double>?
    /// Fixed x range; nil: fitted to the data.
    public var xRange: ClosedRange<Double>?
    public var xStart: Double
    public var xStep: Double
    public var showLegend: Bool

    public init(series: [Series], glyphs: GlyphSet = .unicode, title: String = "", logY: Bool = false,
                yRange: ClosedRange<Double>? = nil, xRange: ClosedRange<Double>? = nil,
                xStart: Double = 0, xStep: Double = 1, showLegend: Bool = true) {
        self.series = series
        self.glyphs = glyphs
        self.title = title
        self.logY = logY
        self.yRange = yRange
        self.xRange = xRange
        self.xStart = xStart
        self.xStep = xStep
        self.showLegend = showLegend
    }

    private func x(_ s: Series, _ i: Int) -> Double {
        if let xs = s.xs { return i < xs.count ? xs[i] : .nan }
        return xStart + Double(i) * xStep
    }

    private func usable(_ v: Double) -> Bool { v.isFinite && (!logY || v > 0) }

    /// The data's y and x extents (finite values only).
    private func extents() -> (yLo: Double, yHi: Double, xLo: Double, xHi: Double) {
        var yLo = Double.infinity, yHi = -Double.infinity, xLo = Double.infinity, xHi = -Double.infinity
        for s in series {
            for (i, v) in s.values.enumerated() where usable(v) {
                let xv = x(s, i)
                guard xv.isFinite else { continue }
                yLo = min(yLo, v); yHi = max(yHi, v); xLo = min(xLo, xv); xHi = max(xHi, xv)
            }
        }
        if let r = yRange { yLo = r.lowerBound; yHi = r.upperBound }
        if let r = xRange { xLo = r.lowerBound; xHi = r.upperBound }
        if !(xLo <= xHi) { xLo = 0; xHi = 1 }
        if xHi == xLo { xHi = xLo + 1 }
        return (yLo, yHi, xLo, xHi)
    }

    private func marker(_ stroke: Stroke) -> String {
        switch stroke {
        case .solid: return glyphs.isUnicode ? "━" : "-"
        case .dashed: return glyphs.isUnicode ? "┄" : "="
        case .dotted: return glyphs.isUnicode ? "┈" : ":"
        case .points: return glyphs.isUnicode ? "•" : "o"
        }
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        var body = area
        let named = series.contains { !$0.name.isEmpty }
        if (showLegend && named || !title.isEmpty) && area.height >= 3 {
            let rows = area.height >= 18 ? 3 : area.height >= 12 ? 2 : 1
            let used = renderLegend(into: &grid, area: Rect(x: area.x, y: area.y, width: area.width, height: rows))
            body = area.inset(top: used)
        }
        let e = extents()
        let scale = logY ? NiceScale(logLo: e.yLo, hi: e.yHi, maxTicks: max(2, body.height / 3 + 1))
                         : NiceScale(lo: e.yLo, hi: e.yHi, maxTicks: max(2, body.height / 3 + 1), tight: yRange == nil)
        let axes = Axes(area: body, y: scale, x: (e.xLo, e.xHi))
        axes.render(into: &grid, glyphs: glyphs)
        let plot = axes.plot
        guard !plot.isEmpty else { return }
        var canvas = DotCanvas(columns: plot.width, rows: plot.height, glyphs: glyphs)
        let palette = series.enumerated().map { $0.element.color ?? Palette.series($0.offset) }
        for (index, s) in series.enumerated() where s.stroke != .points {
            draw(s, color: index, on: &canvas, scale: scale, xLo: e.xLo, xHi: e.xHi)
        }
        canvas.render(into: &grid, x: plot.x, y: plot.y, palette: palette, clip: plot)
        for (index, s) in series.enumerated() where s.stroke == .points {
            mark(s, into: &grid, plot: plot, style: Style(foreground: palette[index], bold: true),
                 scale: scale, xLo: e.xLo, xHi: e.xHi)
        }
    }

    /// A `.points` series as one marker glyph per point, at cell resolution over the lines.
    private func mark(_ s: Series, into grid: inout CellGrid, plot: Rect, style: Style, scale: NiceScale,
                      xLo: Double, xHi: Double) {
        for (i, v) in s.values.enumerated() where usable(v) {
            let p = (x(s, i) - xLo) / (xHi - xLo), q = min(1, max(0, scale.position(v)))
            guard p.isFinite, p >= -1e-9, p <= 1 + 1e-9, q.isFinite else { continue }
            grid.set(plot.x + Int((p * Double(plot.width - 1)).rounded()),
                     plot.y + Int(((1 - q) * Double(plot.height - 1)).rounded()), glyphs.dot, style: style, clip: plot)
        }
    }

    /// The title, then each named series as its stroke, name and (`showsLast`) last value,
    /// on as many of the area's rows as it takes; entries that still do not fit are left
    /// out whole and counted (`+2`), never cut. Returns the rows used.
    private func renderLegend(into grid: inout CellGrid, area: Rect) -> Int {
        var column = area.x, y = area.y
        if !title.isEmpty {
            let shown = WordFit.fit(glyphs.displayable(title), width: area.width, glyphs: glyphs)
            column += grid.write(shown, x: column, y: y, style: Style(bold: true), clip: area)
            column += grid.write("  ", x: column, y: y, clip: area)
        }
        guard showLegend else { return 1 }
        let named = series.enumerated().filter { !$0.element.name.isEmpty }
        var rest = named.map { i, s in
            var text = marker(s.stroke) + " " + glyphs.displayable(s.name)
            if s.showsLast, let last = s.values.last(where: { $0.isFinite }) { text += " " + NumberText.format(last) }
            return (color: s.color ?? Palette.series(i), stroke: marker(s.stroke), text: text)
        }
        while !rest.isEmpty {
            // A row with another below it takes what fits; the last keeps room for the count.
            let lastRow = y + 1 >= area.maxY, start = column, texts = rest.map(\.text)
            let shown = WordFit.entries(texts, width: area.maxX - column, counted: lastRow)
            for entry in rest.prefix(shown) {
                column += grid.write(entry.stroke, x: column, y: y, style: Style(foreground: entry.color), clip: area)
                column += grid.write(String(entry.text.dropFirst(entry.stroke.count)) + "  ", x: column, y: y,
                                     clip: area)
            }
            rest.removeFirst(shown)
            if rest.isEmpty { break }
            if lastRow || (shown == 0 && start == area.x) {
                grid.write("+\(rest.count)", x: column, y: y, style: Style(foreground: Palette.axis), clip: area)
                break
            }
            y += 1
            column = area.x
        }
        return y - area.y + 1
    }

    /// Aggregates the series per dot column (min, max, first, last) and draws each column
    /// as a vertical run joined to the previous column, unless a gap lies between.
    private func draw(_ s: Series, color: Int, on canvas: inout DotCanvas, scale: NiceScale, xLo: Double, xHi: Double) {
        let w = canvas.width, h = canvas.height
        guard w > 0, h > 0 else { return }
        let xSpan = xHi - xLo
        func py(_ v: Double) -> Int {
            let p = min(1, max(0, scale.position(v)))
            return Int(((1 - p) * Double(h - 1)).rounded())
        }
        func px(_ xv: Double) -> Int? {
            guard xv.isFinite else { return nil }
            let p = (xv - xLo) / xSpan
            guard p >= -1e-9, p <= 1 + 1e-9 else { return nil }
            return min(w - 1, max(0, Int((p * Double(w - 1)).rounded())))
        }
        var buckets = [Downsample.Bucket?](repeating: nil, count: w)
        var joined = [Bool](repeating: false, count: w)
        var gapSinceLast = true
        for (i, v) in s.values.enumerated() {
            guard usable(v), let column = px(x(s, i)) else { gapSinceLast = true; continue }
            if buckets[column] == nil {
                buckets[column] = Downsample.Bucket(v)
                joined[column] = !gapSinceLast
            } else {
                buckets[column]!.add(v)
            }
            gapSinceLast = false
        }
        var previous: (column: Int, y: Int)?
        for column in 0..<w {
            guard let b = buckets[column] else { continue }
            let visible: Bool
            switch s.stroke {
            case .dashed: visible = (column / 2) % 2 == 0
            case .dotted: visible = column % 3 == 0
            default: visible = true
            }
            if visible {
                canvas.vertical(column, py(b.min), py(b.max), color: color)
                if joined[column], let p = previous {
                    canvas.line(p.column, p.y, column, py(b.first), color: color)
                }
            }
            previous = (column, py(b.last))
        }
    }
}
