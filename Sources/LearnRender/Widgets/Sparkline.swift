/// A tiny chart of a series in the height of the area: `▁▂▃▅▇` (Unicode) or `_.=#` (ASCII),
/// the lowest value at the bottom, the highest full. Longer series are bucketed keeping
/// each bucket's maximum (spikes survive); NaN and ±∞ leave a blank column.
public struct Sparkline: Sendable {
    public var values: [Double]
    public var glyphs: GlyphSet
    /// Fixed range; nil: the data's min…max (a constant series sits at half height).
    public var range: ClosedRange<Double>?
    public var color: Color?

    public init(values: [Double], glyphs: GlyphSet = .unicode, range: ClosedRange<Double>? = nil, color: Color? = nil) {
        self.values = values
        self.glyphs = glyphs
        self.range = range
        self.color = color
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty, !values.isEmpty else { return }
        let buckets = Downsample.minMaxLast(values, buckets: area.width)
        let finite = buckets.compactMap { $0 }
        var lo = range?.lowerBound ?? (finite.map(\.min).min() ?? 0)
        var hi = range?.upperBound ?? (finite.map(\.max).max() ?? 1)
        if !(lo < hi) { lo -= 1; hi += 1 }
        let style = Style(foreground: color ?? Palette.series(0))
        let total = area.height * 8
        for (i, bucket) in buckets.enumerated() {
            guard let b = bucket else { continue }
            let level = min(1, max(0, (b.max - lo) / (hi - lo)))
            let eighths = max(1, Int((level * Double(total)).rounded()))
            for row in 0..<area.height {
                let filled = eighths - row * 8
                guard filled > 0 else { break }
                grid.set(area.x + i, area.maxY - 1 - row, glyphs.verticalEighths[min(8, filled)], style: style, clip: area)
            }
        }
    }
}
