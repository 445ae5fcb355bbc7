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

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        var body = area
        if !title.isEmpty && area.height >= 3 {
            grid.write(WordFit.fit(glyphs.displayable(title), width: area.width, glyphs: glyphs), x: area.x, y: area.y,
                       style: Style(bold: true), clip: area)
            body = area.inset(top: 1)
        }
        let x0 = xRange.lowerBound, x1 = xRange.upperBound
        let yScale = NiceScale(lo: yRange.lowerBound, hi: yRange.upperBound, maxTicks: 3)
        let axes = Axes(area: body, y: yScale, x: (x0, x1))
        axes.render(into: &grid, glyphs: glyphs)
        let plot = axes.plot
        guard !plot.isEmpty else { return }
        let y0 = yScale.lower, y1 = yScale.upper
        let classCount = max(2, (classes.max() ?? 0) + 1)
        let chance = 1 / Double(classCount)
        for row in 0..<plot.height {
            let yv = y1 - (Double(row) + 0.5) / Double(plot.height) * (y1 - y0)
            let gy = (yRange.upperBound - yv) / (yRange.upperBound - yRange.lowerBound) * Double(gridRows)
            guard gy.isFinite, gy >= 0, gy < Double(gridRows) else { continue }
            for column in 0..<plot.width {
                let gx = (Double(column) + 0.5) / Double(plot.width) * Double(gridColumns)
                let i = Int(gy) * gridColumns + min(gridColumns - 1, Int(gx))
                guard i < classes.count, i < confidence.count, confidence[i].isFinite else { continue }
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
    }
}
