/// Labelled points in 2-D (token embeddings projected by PCA): a marker per point and its
/// label beside it (right, else left) where it does not cover another label; labels
/// may be CJK and are never split.
public struct Scatter: Sendable {
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public var label: String
        public var group: Int

        public init(x: Double, y: Double, label: String = "", group: Int = 0) {
            self.x = x
            self.y = y
            self.label = label
            self.group = group
        }
    }

    public var points: [Point]
    public var glyphs: GlyphSet
    public var title: String
    /// Fixed axis ranges (nil: the points' own), so a plot redrawn as its points move
    /// keeps its scale.
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    /// The point under the cursor, drawn `◆` (`#` in ASCII) with its label.
    public var highlighted: Int?

    public init(points: [Point], glyphs: GlyphSet = .unicode, title: String = "", xRange: ClosedRange<Double>? = nil,
                yRange: ClosedRange<Double>? = nil, highlighted: Int? = nil) {
        self.points = points
        self.glyphs = glyphs
        self.title = title
        self.xRange = xRange
        self.yRange = yRange
        self.highlighted = highlighted
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        var body = area
        if !title.isEmpty && area.height >= 3 {
            grid.write(WordFit.fit(glyphs.displayable(title), width: area.width, glyphs: glyphs), x: area.x, y: area.y,
                       style: Style(bold: true), clip: area)
            body = area.inset(top: 1)
        }
        let usable = points.enumerated().filter { $0.element.x.isFinite && $0.element.y.isFinite }.map { (index: $0.offset, point: $0.element) }
        var x0 = xRange?.lowerBound ?? usable.map(\.point.x).min() ?? 0, x1 = xRange?.upperBound ?? usable.map(\.point.x).max() ?? 1
        if !(x1 > x0) { x0 -= 1; x1 += 1 }
        let yScale = NiceScale(lo: yRange?.lowerBound ?? usable.map(\.point.y).min() ?? 0, hi: yRange?.upperBound ?? usable.map(\.point.y).max() ?? 1,
                               maxTicks: 3, tight: true)
        let axes = Axes(area: body, y: yScale, x: (x0, x1))
        axes.render(into: &grid, glyphs: glyphs)
        let plot = axes.plot
        guard !plot.isEmpty else { return }
        var taken = [Bool](repeating: false, count: plot.width * plot.height)
        var placed: [(column: Int, row: Int, point: Point)] = []
        placed.reserveCapacity(usable.count)
        // The highlighted point last, so its marker and label win.
        let order = usable.filter { $0.index != highlighted } + usable.filter { $0.index == highlighted }
        for (index, p) in order {
            let mark = index == highlighted ? (glyphs.isUnicode ? "◆" : "#") : glyphs.dot
            let column = plot.x + Int(((p.x - x0) / (x1 - x0) * Double(plot.width - 1)).rounded())
            let row = plot.y + Int(((1 - yScale.position(p.y)) * Double(plot.height - 1)).rounded())
            guard column >= plot.x, column < plot.maxX, row >= plot.y, row < plot.maxY else { continue }
            grid.set(column, row, mark, style: Style(foreground: index == highlighted ? .indexed(231) : Palette.series(p.group), bold: true), clip: plot)
            taken[(row - plot.y) * plot.width + column - plot.x] = true
            placed.append((column, row, p))
        }
        for (column, row, p) in placed.reversed() where !p.label.isEmpty {
            let label = glyphs.displayable(p.label)
            let w = DisplayWidth.of(label)
            for start in [column + 1, column - w] where start >= plot.x && start + w <= plot.maxX {
                let cells = (start - plot.x)..<(start - plot.x + w)
                let base = (row - plot.y) * plot.width
                guard !cells.contains(where: { taken[base + $0] }) else { continue }
                grid.write(label, x: start, y: row, style: Style(foreground: Palette.series(p.group)), clip: plot)
                for c in cells { taken[base + c] = true }
                break
            }
        }
    }
}
