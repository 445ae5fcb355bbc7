/// A y-axis on the left (labels, `┤` ticks) and an x-axis below (`└──┬──`, labels),
/// shared by the plotting widgets. `plot` is the rectangle left for the data.
///
/// A value v sits at row plot.y + round((1 − p)·(plot.height − 1)) and column
/// plot.x + round(p·(plot.width − 1)), where p is its position on the scale (0…1).
struct Axes {
    let plot: Rect
    private let area: Rect
    private let y: NiceScale
    private let x: NiceScale?
    private let xLo: Double, xHi: Double
    private let labelWidth: Int

    /// Lays out axes in `area`. Without room (under 4 rows or 8 columns) there are no axes
    /// and the plot takes the whole area. `x` is the x domain (nil: no x labels).
    init(area: Rect, y: NiceScale, x: (lo: Double, hi: Double)?) {
        self.area = area
        self.y = y
        guard area.height >= 4, area.width >= 8 else {
            plot = area; self.x = nil; xLo = 0; xHi = 1; labelWidth = 0
            return
        }
        let labels = y.ticks.map { y.label($0) }
        labelWidth = min(area.width / 3, labels.map { DisplayWidth.of($0) }.max() ?? 0)
        let bottom = x == nil ? 1 : 2
        plot = Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1,
                    height: area.height - bottom)
        if let x {
            xLo = x.lo; xHi = x.hi
            self.x = NiceScale(lo: x.lo, hi: x.hi, maxTicks: max(4, plot.width / 8))
        } else {
            xLo = 0; xHi = 1; self.x = nil
        }
    }

    var hasAxes: Bool { plot != area }

    func row(forPosition p: Double) -> Int { plot.y + Int(((1 - p) * Double(plot.height - 1)).rounded()) }

    func render(into grid: inout CellGrid, glyphs: GlyphSet) {
        guard hasAxes else { return }
        let style = Style(foreground: Palette.axis)
        let axisX = plot.x - 1
        for row in plot.y..<plot.maxY { grid.set(axisX, row, glyphs.vertical, style: style, clip: area) }
        var lastRow = Int.min
        for tick in y.ticks {
            let p = y.position(tick)
            guard p.isFinite, p >= -1e-9, p <= 1 + 1e-9 else { continue }
            let row = self.row(forPosition: p)
            if row == lastRow { continue }
            lastRow = row
            grid.set(axisX, row, glyphs.yTick, style: style, clip: area)
            let label = y.label(tick)
            let w = DisplayWidth.of(label)
            grid.write(label, x: axisX - w, y: row, style: style,
                       clip: Rect(x: area.x, y: area.y, width: labelWidth, height: area.height))
        }
        let axisY = plot.maxY
        grid.set(axisX, axisY, glyphs.axisCorner, style: style, clip: area)
        for column in plot.x..<plot.maxX { grid.set(column, axisY, glyphs.horizontal, style: style, clip: area) }
        guard let x, xHi > xLo else { return }
        var nextFree = area.x
        for tick in x.ticks where tick >= xLo - 1e-9 * abs(xHi - xLo) && tick <= xHi + 1e-9 * abs(xHi - xLo) {
            let p = (tick - xLo) / (xHi - xLo)
            let column = plot.x + Int((p * Double(plot.width - 1)).rounded())
            grid.set(column, axisY, glyphs.xTick, style: style, clip: area)
            let label = x.label(tick)
            let w = DisplayWidth.of(label)
            let start = min(max(column - w / 2, area.x), area.maxX - w)
            guard start >= nextFree else { continue }
            grid.write(label, x: start, y: axisY + 1, style: style, clip: area)
            nextFree = start + w + 1
        }
    }
}
