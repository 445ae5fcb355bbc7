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

    public init(points: [Point], glyphs: GlyphSet = .unicode, title: String = "") {
        self.points = points
        self.glyphs = glyphs
        self.title = title
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        var body = area
        if !title.isEmpty && area.height >= 3 {
            grid.write(WordFit.fit(glyphs.displayable(title), width: area.width, glyphs: glyphs), x: area.x, y: area.y,
                       style: Style(bold: true), clip: area)
            body = area.inset(top: 1)
        }
        let usable = points.filter { $0.x.isFinite && $0.y.isFinite }
        var x0 = usable.map(\.x).min() ?? 0, x1 = usable.map(\.x).max() ?? 1
        if !(x1 > x0) { x0 -= 1; x1 += 1 }
        let yScale = NiceScale(lo: usable.map(\.y).min() ?? 0, hi: usable.map(\.y).max() ?? 1, maxTicks: 3, tight: true)
        let axes = Axes(area: body, y: yScale, x: (x0, x1))
        axes.render(into: &grid, glyphs: glyphs)
        let plot = axes.plot
        guard !plot.isEmpty else { return }
        var taken = [Bool](repeating: false, count: plot.width * plot.height)
        var placed: [(column: Int, row: Int, point: Point)] = []
        placed.reserveCapacity(usable.count)
        for p in usable {
            let column = plot.x + Int(((p.x - x0) / (x1 - x0) * Double(plot.width - 1)).rounded())
            let row = plot.y + Int(((1 - yScale.position(p.y)) * Double(plot.height - 1)).rounded())
            guard column >= plot.x, column < plot.maxX, row >= plot.y, row < plot.maxY else { continue }
            grid.set(column, row, glyphs.dot, style: Style(foreground: Palette.series(p.group), bold: true), clip: plot)
            taken[(row - plot.y) * plot.width + column - plot.x] = true
            placed.append((column, row, p))
        }
        for (column, row, p) in placed where !p.label.isEmpty {
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
