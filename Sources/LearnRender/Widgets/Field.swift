/// A 2-D classifier's decision regions with the data drawn over them.
///
/// The region grid (`classes`, `confidence`, row 0 at the top = largest y) is sampled at
/// each plot cell's centre. A cell shows its class colour and a density glyph for the
/// confidence c of n classes: level = (c − 1/n)/(1 − 1/n), so a coin flip is blank and
/// certainty is dense — the boundary shows as a blank band. Each class has its own glyph
/// family (`░▒▓`, `⠂⠢⠶`, `╌═≡`), so the regions read without colour too. Data points
/// are class markers (`o x + * # @`) on top, in bold.
public struct Field: Sendable {
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public var label: Int

        public init(x: Double, y: Double, label: Int) {
            self.x = x
            self.y = y
            self.label = label
        }
    }

    public var classes: [Int]
    public var confidence: [Double]
    public var gridRows: Int
    public var gridColumns: Int
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var points: [Point]
    public var glyphs: GlyphSet
    public var title: String
    /// A cursor cell (row, column of the plot), drawn `◆` (`#` in ASCII).
    public var cursor: (row: Int, column: Int)?

    /// `classes` and `confidence` row-major, `gridRows × gridColumns`, covering
    /// `xRange × yRange`; missing entries draw as blank.
    public init(classes: [Int], confidence: [Double], gridRows: Int, gridColumns: Int,
                xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, points: [Point] = [],
                glyphs: GlyphSet = .unicode, title: String = "") {
        self.classes = classes
        self.confidence = confidence
        self.gridRows = max(0, gridRows)
        self.gridColumns = max(0, gridColumns)
        self.xRange = xRange
        self.yRange = yRange
        self.points = points
        self.glyphs = glyphs
        self.title = title
    }

    /// Region glyphs per class, blank → dense; each class has its own family, so the
    /// regions read without colour, and none is a full block, so markers stay visible.
    private func ramp(_ cls: Int) -> [Character] {
        let families: [[Character]] = glyphs.isUnicode
            ? [[" ", "░", "▒", "▓"], [" ", "⠂", "⠢", "⠶"], [" ", "╌", "═", "≡"]]
            : [[" ", ".", ":", "#"], [" ", "-", "~", "="], [" ", "'", "\"", "^"]]
        return families[((cls % families.count) + families.count) % families.count]
    }

    /// The plot's y scale: the region's own range (the data and its margin), not widened
    /// to round numbers, so no row lies outside what the model was evaluated on.
    private var yScale: NiceScale { NiceScale(lo: yRange.lowerBound, hi: yRange.upperBound, maxTicks: 3, tight: true) }

    private func axes(_ area: Rect) -> Axes {
        let body = !title.isEmpty && area.height >= 3 ? area.inset(top: 1) : area
        return Axes(area: body, y: yScale, x: (xRange.lowerBound, xRange.upperBound))
    }

    /// Where the regions are drawn in `area`, for a cursor's coordinates.
    public func plot(in area: Rect) -> Rect { axes(area).plot }

    /// The point (x, y) at the centre of plot cell (row, column), and the grid entry
    /// drawn there (its index in `classes`), nil outside the grid.
    public func sample(row: Int, column: Int, plot: Rect) -> (x: Double, y: Double, index: Int?) {
        let (y0, y1) = (yScale.lower, yScale.upper)
        let yv = y1 - (Double(row) + 0.5) / Double(max(1, plot.height)) * (y1 - y0)
        let xv = xRange.lowerBound + (Double(column) + 0.5) / Double(max(1, plot.width)) * (xRange.upperBound - xRange.lowerBound)
        let gy = (yRange.upperBound - yv) / (yRange.upperBound - yRange.lowerBound) * Double(gridRows)
        let gx = (Double(column) + 0.5) / Double(max(1, plot.width)) * Double(gridColumns)
        guard gy.isFinite, gy >= 0, gy < Double(gridRows), gridColumns > 0 else { return (xv, yv, nil) }
        return (xv, yv, Int(gy) * gridColumns + min(gridColumns - 1, Int(gx)))
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        if !title.isEmpty && area.height >= 3 {
            grid.write(WordFit.fit(glyphs.displayable(title), width: area.width, glyphs: glyphs), x: area.x, y: area.y,
                       style: Style(bold: true), clip: area)
        }
        let x0 = xRange.lowerBound, x1 = xRange.upperBound
        let yScale = yScale
        let axes = axes(area)
        axes.render(into: &grid, glyphs: glyphs)
        let plot = axes.plot
        guard !plot.isEmpty else { return }
        let y0 = yScale.lower, y1 = yScale.upper
        let classCount = max(2, (classes.max() ?? 0) + 1)
        let chance = 1 / Double(classCount)
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                guard let i = sample(row: row, column: column, plot: plot).index, i < classes.count, i < confidence.count, confidence[i].isFinite else { continue }
                let level = (confidence[i] - chance) / (1 - chance)
                grid.set(plot.x + column, plot.y + row, GlyphSet.pick(ramp(classes[i]), level),
                         style: Style(foreground: Palette.series(classes[i])), clip: plot)
            }
        }
        let xSpan = x1 - x0, ySpan = y1 - y0
        guard xSpan > 0, ySpan > 0 else { return }
        for p in points where p.x.isFinite && p.y.isFinite {
            let px = (p.x - x0) / xSpan, py = (p.y - y0) / ySpan
            guard px >= 0, px <= 1, py >= 0, py <= 1 else { continue }
            let column = plot.x + Int((px * Double(plot.width - 1)).rounded())
            let row = plot.y + Int(((1 - py) * Double(plot.height - 1)).rounded())
            let markers = glyphs.pointMarkers
            grid.set(column, row, markers[((p.label % markers.count) + markers.count) % markers.count],
                     style: Style(foreground: Palette.series(p.label), bold: true), clip: plot)
        }
        if let cursor {
            grid.set(plot.x + min(max(cursor.column, 0), plot.width - 1), plot.y + min(max(cursor.row, 0), plot.height - 1),
                     glyphs.isUnicode ? "◆" : "#", style: Style(foreground: .indexed(231), bold: true), clip: plot)
        }
    }
}
