/// A small network: columns of neurons (one column per layer) joined by links whose
/// glyph tells sign and size without colour.
///
/// With m = |w| / max|w|: strong (m ≥ 2/3, bold), medium (m ≥ 1/3), weak (dim). Positive
/// links are solid (`━ ─ ┃ │ ╲ ╱`, ASCII `= - | \ /`), negative ones dotted
/// (`┅ ┄ ┇ ┆ ⋱ ⋰`, ASCII `: .`); colour repeats the sign (red +, blue −). Where links
/// cross, the stronger one is drawn.
public struct Network: Sendable {
    /// Neurons per layer, input first.
    public var layers: [Int]
    /// `weights[l]` joins layer l to l + 1, row-major `layers[l+1] × layers[l]` (out × in).
    public var weights: [[Double]]
    public var layerNames: [String]
    public var glyphs: GlyphSet
    public var title: String

    public init(layers: [Int], weights: [[Double]], layerNames: [String] = [], glyphs: GlyphSet = .unicode,
                title: String = "") {
        self.layers = layers.map { max(0, $0) }
        self.weights = weights
        self.layerNames = layerNames
        self.glyphs = glyphs
        self.title = title
    }

    private enum Direction { case horizontal, vertical, down, up }

    private func glyph(_ d: Direction, positive: Bool, level: Int) -> Character {
        if glyphs.isUnicode {
            switch (d, positive) {
            case (.horizontal, true): return level == 2 ? "━" : "─"
            case (.horizontal, false): return level == 2 ? "┅" : "┄"
            case (.vertical, true): return level == 2 ? "┃" : "│"
            case (.vertical, false): return level == 2 ? "┇" : "┆"
            case (.down, true): return "╲"
            case (.up, true): return "╱"
            case (.down, false): return "⋱"
            case (.up, false): return "⋰"
            }
        }
        if !positive { return level == 2 ? ":" : "." }
        switch d {
        case .horizontal: return level == 2 ? "=" : "-"
        case .vertical: return "|"
        case .down: return "\\"
        case .up: return "/"
        }
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty, !layers.isEmpty else { return }
        var body = area
        if !title.isEmpty && area.height >= 3 {
            grid.write(WordFit.fit(glyphs.displayable(title), width: area.width, glyphs: glyphs), x: area.x, y: area.y,
                       style: Style(bold: true), clip: area)
            body = body.inset(top: 1)
        }
        if !layerNames.isEmpty && body.height >= 3 { body = body.inset(bottom: 1) }
        guard !body.isEmpty else { return }
        let count = layers.count
        let xs = (0..<count).map { l in
            count == 1 ? body.x + body.width / 2 : body.x + Int((Double(l) * Double(body.width - 1) / Double(count - 1)).rounded())
        }
        let ys = layers.map { n in
            (0..<n).map { j in body.y + min(body.height - 1, Int(((Double(j) + 0.5) * Double(body.height) / Double(n) - 0.5).rounded())) }
        }
        var biggest = 0.0
        for w in weights { for v in w where v.isFinite { biggest = max(biggest, abs(v)) } }
        var strength = [Double](repeating: -1, count: body.width * body.height)
        for l in 0..<min(count - 1, weights.count) {
            for j in 0..<layers[l + 1] {
                for k in 0..<layers[l] {
                    let i = j * layers[l] + k
                    guard i < weights[l].count, weights[l][i].isFinite, biggest > 0 else { continue }
                    link(&grid, &strength, body: body, from: (xs[l] + 1, ys[l][k]), to: (xs[l + 1] - 1, ys[l + 1][j]),
                         weight: weights[l][i], magnitude: abs(weights[l][i]) / biggest)
                }
            }
        }
        for l in 0..<count {
            for y in ys[l] { grid.set(xs[l], y, glyphs.neuron, style: Style(bold: true), clip: body) }
            if l < layerNames.count, !layerNames.isEmpty, body.maxY < area.maxY {
                let name = glyphs.displayable(layerNames[l])
                let w = DisplayWidth.of(name)
                let start = min(max(area.x, xs[l] - w / 2), area.maxX - w)
                grid.write(name, x: start, y: body.maxY, style: Style(foreground: Palette.axis), clip: area)
            }
        }
    }

    /// Rasterises one link cell by cell (Bresenham); each cell's glyph follows the step
    /// that entered it. A cell keeps the strongest link drawn through it.
    private func link(_ grid: inout CellGrid, _ strength: inout [Double], body: Rect, from a: (Int, Int), to b: (Int, Int),
                      weight: Double, magnitude: Double) {
        let level = magnitude >= 2.0 / 3 ? 2 : (magnitude >= 1.0 / 3 ? 1 : 0)
        let positive = weight >= 0
        let style = Style(foreground: positive ? Palette.positiveRamp[5] : Palette.negativeRamp.last!,
                          bold: level == 2, dim: level == 0)
        var x = a.0, y = a.1
        let dx = abs(b.0 - a.0), dy = -abs(b.1 - a.1)
        let sx = a.0 < b.0 ? 1 : -1, sy = a.1 < b.1 ? 1 : -1
        var err = dx + dy
        var direction = Direction.horizontal
        var steps = 0
        while steps <= dx - dy + 1 {
            if x >= body.x, x < body.maxX, y >= body.y, y < body.maxY {
                let i = (y - body.y) * body.width + (x - body.x)
                if magnitude > strength[i] {
                    strength[i] = magnitude
                    grid.set(x, y, glyph(direction, positive: positive, level: level), style: style, clip: body)
                }
            }
            if x == b.0 && y == b.1 { return }
            let e2 = 2 * err
            var movedX = false, movedY = false
            if e2 >= dy { err += dy; x += sx; movedX = true }
            if e2 <= dx { err += dx; y += sy; movedY = true }
            direction = movedX && movedY ? (sy > 0 ? .down : .up) : (movedY ? .vertical : .horizontal)
            steps += 1
        }
    }
}
