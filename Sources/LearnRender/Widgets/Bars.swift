#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bar chart, horizontal (one row per value) or vertical (one column per value).
///
/// Signed data grows from a centre line: positive bars right/up in full and eighth blocks,
/// negative bars left/down in `GlyphSet.negativeBar` (a different glyph, so sign reads
/// without colour). Linear length ∝ |v| / max|v|. Log length ∝
/// (log₁₀|v| − log₁₀(m/10)) / (log₁₀ M − log₁₀(m/10)) with m, M the smallest and largest
/// non-zero |v|, so even the smallest bar shows. NaN and ±∞ draw no bar (label `nan`/`inf`).
/// More values than fit are pooled by largest |v| and the title says so (a vertical
/// chart with labels then numbers its first and last positions instead).
public struct Bars: Sendable {
    public enum Orientation: Sendable, Hashable { case horizontal, vertical }

    public var values: [Double]
    public var labels: [String]
    public var orientation: Orientation
    public var glyphs: GlyphSet
    public var logScale: Bool
    public var showValues: Bool
    public var title: String
    public var color: Color?

    public init(values: [Double], labels: [String] = [], orientation: Orientation = .horizontal,
                glyphs: GlyphSet = .unicode, logScale: Bool = false, showValues: Bool = true,
                title: String = "", color: Color? = nil) {
        self.values = values
        self.labels = labels
        self.orientation = orientation
        self.glyphs = glyphs
        self.logScale = logScale
        self.showValues = showValues
        self.title = title
        self.color = color
    }

    /// Bar length as a fraction 0…1 of the available span for each value.
    func fractions(_ data: [Double]) -> [Double] {
        let mags = data.map { $0.isFinite ? abs($0) : 0 }
        let top = mags.max() ?? 0
        guard top > 0 else { return mags.map { _ in 0 } }
        if !logScale { return mags.map { $0 / top } }
        let smallest = mags.filter { $0 > 0 }.min() ?? top
        let floorLog = log10(smallest / 10), span = log10(top) - floorLog
        return mags.map { $0 > 0 ? (log10($0) - floorLog) / span : 0 }
    }

    /// Pools `values` into `count` buckets keeping each bucket's value of largest |v|.
    static func pool(_ values: [Double], into count: Int) -> [Double] {
        guard values.count > count, count > 0 else { return values }
        return (0..<count).map { b in
            var best = Double.nan
            for v in values[b * values.count / count..<(b + 1) * values.count / count] where v.isFinite {
                if best.isNaN || abs(v) > abs(best) { best = v }
            }
            return best
        }
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty, !values.isEmpty else { return }
        var body = area
        let capacity = orientation == .horizontal ? area.height - (title.isEmpty ? 0 : 1) : area.width
        let pooled = values.count > max(1, capacity)
        if (!title.isEmpty || pooled || logScale) && area.height >= 2 {
            var text = title
            if logScale { text += text.isEmpty ? "log" : "  log" }
            if pooled { text += (text.isEmpty ? "" : "  ") + "pooled \(values.count)→\(max(1, capacity))" }
            grid.write(WordFit.fit(glyphs.displayable(text), width: area.width, glyphs: glyphs), x: area.x, y: area.y,
                       style: Style(bold: true), clip: area)
            body = area.inset(top: 1)
        }
        switch orientation {
        case .horizontal: renderHorizontal(into: &grid, area: body)
        case .vertical: renderVertical(into: &grid, area: body)
        }
    }

    private func renderHorizontal(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        let data = Bars.pool(values, into: area.height)
        let pooled = data.count != values.count
        let signed = data.contains { $0 < 0 }
        let fractions = self.fractions(data)
        let labelWidth = pooled ? 0 : min(labels.map { DisplayWidth.of(glyphs.displayable($0)) }.max() ?? 0, area.width / 3)
        let texts = showValues ? data.map { NumberText.format($0) } : []
        let valueWidth = min(texts.map { DisplayWidth.of($0) }.max() ?? 0, area.width / 3)
        let barArea = area.inset(right: valueWidth > 0 ? valueWidth + 1 : 0, left: labelWidth > 0 ? labelWidth + 1 : 0)
        let axis = Style(foreground: Palette.axis)
        let centre = signed ? barArea.x + barArea.width / 2 : barArea.x
        let span = signed ? max(0, barArea.width / 2 - 1) : barArea.width
        for (i, v) in data.enumerated() where i < area.height {
            let y = area.y + i
            if labelWidth > 0, i < labels.count {
                grid.write(glyphs.displayable(labels[i]), x: area.x, y: y, style: axis, clip: Rect(x: area.x, y: y, width: labelWidth, height: 1))
            }
            if signed { grid.set(centre, y, glyphs.vertical, style: axis, clip: barArea) }
            let style = Style(foreground: color ?? (v < 0 ? Palette.negativeRamp.last : Palette.positiveRamp.last))
            if v < 0 {
                let cells = Int((fractions[i] * Double(span)).rounded())
                for k in 0..<cells { grid.set(centre - 1 - k, y, glyphs.negativeBar, style: style, clip: barArea) }
            } else if v > 0 {
                let start = signed ? centre + 1 : centre
                let eighths = Int((fractions[i] * Double(span) * 8).rounded())
                for k in 0..<eighths / 8 { grid.set(start + k, y, glyphs.horizontalEighths[8], style: style, clip: barArea) }
                if eighths % 8 > 0 {
                    grid.set(start + eighths / 8, y, glyphs.horizontalEighths[eighths % 8], style: style, clip: barArea)
                }
            }
            if valueWidth > 0 {
                grid.write(texts[i], x: barArea.maxX + 1, y: y, style: axis,
                           clip: Rect(x: barArea.maxX + 1, y: y, width: valueWidth, height: 1).intersection(area))
            }
        }
    }

    private func renderVertical(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        let data = Bars.pool(values, into: area.width)
        let pooled = data.count != values.count
        let signed = data.contains { $0 < 0 }
        let fractions = self.fractions(data)
        let barWidth = max(1, min(3, area.width / max(1, data.count) - (area.width / max(1, data.count) > 1 ? 1 : 0)))
        let step = area.width / max(1, data.count) > 1 ? barWidth + 1 : barWidth
        let showLabels = !labels.isEmpty && area.height >= 3
        let plot = area.inset(bottom: showLabels ? 1 : 0)
        let axis = Style(foreground: Palette.axis)
        let centre = signed ? plot.y + plot.height / 2 : plot.maxY
        let up = signed ? centre - plot.y : plot.height
        let down = signed ? plot.maxY - centre - 1 : 0
        if signed {
            for x in plot.x..<plot.maxX { grid.set(x, centre, glyphs.horizontal, style: axis, clip: plot) }
        }
        for (i, v) in data.enumerated() {
            let x = area.x + i * step
            let style = Style(foreground: color ?? (v < 0 ? Palette.negativeRamp.last : Palette.positiveRamp.last))
            for dx in 0..<barWidth {
                if v > 0 {
                    let eighths = Int((fractions[i] * Double(up) * 8).rounded())
                    for k in 0..<eighths / 8 { grid.set(x + dx, centre - 1 - k, glyphs.verticalEighths[8], style: style, clip: plot) }
                    if eighths % 8 > 0 {
                        grid.set(x + dx, centre - 1 - eighths / 8, glyphs.verticalEighths[eighths % 8], style: style, clip: plot)
                    }
                } else if v < 0 {
                    let cells = Int((fractions[i] * Double(down)).rounded())
                    for k in 0..<cells { grid.set(x + dx, centre + 1 + k, glyphs.negativeBar, style: style, clip: plot) }
                }
            }
            if showLabels, !pooled, i < labels.count {
                grid.write(glyphs.displayable(labels[i]), x: x, y: plot.maxY, style: axis, clip: Rect(x: x, y: plot.maxY, width: step, height: 1).intersection(area))
            }
        }
        if showLabels, pooled {
            // Pooled columns have no label of their own: number the first and last positions.
            let last = String(values.count)
            grid.write("1", x: area.x, y: plot.maxY, style: axis, clip: area)
            grid.write(last, x: area.maxX - DisplayWidth.of(last), y: plot.maxY, style: axis, clip: area)
        }
        if showValues, let peak = data.filter({ $0.isFinite }).max(by: { abs($0) < abs($1) }) {
            let text = "max " + NumberText.format(peak)
            grid.write(text, x: area.maxX - DisplayWidth.of(text), y: area.y, style: axis, clip: area)
        }
    }
}
