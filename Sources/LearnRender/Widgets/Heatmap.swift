#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A matrix as a grid of coloured glyphs: weights, gradients, attention, hidden states.
///
/// - Signed data (`.diverging`) sits on a scale symmetric around zero: level = |v| / L
///   with L = max |v| (or a given limit); positive values use `GlyphSet.positive`,
///   negative ones `GlyphSet.negative` — a different glyph family — so sign and magnitude
///   read without colour. Unsigned data (`.sequential`) uses level = (v − lo)/(hi − lo)
///   and the `density` ramp; `.logarithmic` the same ramp by powers of ten.
/// - `.cells` mode: one matrix cell per 1–3 terminal columns, with row and column labels
///   (token labels, CJK included). `.halfBlock` (Unicode only): two matrix rows per
///   terminal row drawn as `▀` with foreground = upper, background = lower colour; it
///   needs colour, so pick it with `Mode.preferred(for:glyphs:)`.
/// - Masked cells show `·`. A matrix larger than the area is max-|v| pooled by a whole
///   factor k in both directions (extremes survive) and the header says "pooled k×"
///   where the title leaves room (a title's numbers come first).
/// - The colour bar shows min, 0 and max with the glyph ramps.
public struct Heatmap: Sendable {
    public enum Scale: Sendable, Hashable {
        /// Symmetric around zero; nil limit: max |v| of the data.
        case diverging(limit: Double?)
        /// Low to high; nil range: the data's min…max.
        case sequential(range: ClosedRange<Double>?)
        /// Low to high by powers of ten, over the data's positive min…max: a loss map
        /// whose values span many decades (after a divergence) keeps its valley visible.
        case logarithmic
    }

    public enum Mode: Sendable, Hashable {
        case cells, halfBlock

        /// Half blocks only where they can be seen: Unicode glyphs and some colour.
        public static func preferred(for tier: ColorTier, glyphs: GlyphSet) -> Mode {
            tier > .none && glyphs.isUnicode ? .halfBlock : .cells
        }
    }

    /// A glyph drawn over the matrix at fractional (row, column), e.g. an optimiser's path.
    public struct Marker: Sendable, Hashable {
        public var row: Double
        public var column: Double
        public var glyph: Character

        public init(row: Double, column: Double, glyph: Character) {
            self.row = row
            self.column = column
            self.glyph = glyph
        }
    }

    public var values: [Double]
    public var rows: Int
    public var columns: Int
    public var scale: Scale
    public var mode: Mode
    public var glyphs: GlyphSet
    public var title: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// true = masked; nil or too short: nothing masked.
    public var mask: [Bool]?
    public var showColorBar: Bool
    public var markers: [Marker]

    /// `values` row-major, `rows × columns`; missing values count as NaN (drawn empty).
    public init(values: [Double], rows: Int, columns: Int, scale: Scale = .diverging(limit: nil),
                mode: Mode = .cells, glyphs: GlyphSet = .unicode, title: String = "",
                rowLabels: [String] = [], columnLabels: [String] = [], mask: [Bool]? = nil,
                showColorBar: Bool = true, markers: [Marker] = []) {
        self.values = values
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        self.scale = scale
        self.mode = mode
        self.glyphs = glyphs
        self.title = title
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.mask = mask
        self.showColorBar = showColorBar
        self.markers = markers
    }

    /// The scale's ends: (−L, L) for diverging, (lo, hi) for sequential; always lo < hi.
    public func range() -> (lo: Double, hi: Double) {
        var lo = Double.infinity, hi = -Double.infinity, big = 0.0
        for (i, v) in values.prefix(rows * columns).enumerated() where v.isFinite && !isMasked(i) {
            lo = min(lo, v); hi = max(hi, v); big = max(big, abs(v))
        }
        switch scale {
        case .diverging(let limit):
            let l = limit.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? (big > 0 ? big : 1)
            return (-l, l)
        case .logarithmic:
            let positive = values.prefix(rows * columns).enumerated().filter { $0.element.isFinite && $0.element > 0 && !isMasked($0.offset) }
            let small = positive.map(\.element).min() ?? 1, large = positive.map(\.element).max() ?? 1
            return small < large ? (small, large) : (small / 10, small * 10)
        case .sequential(let range):
            if let r = range, r.upperBound > r.lowerBound, r.lowerBound.isFinite, r.upperBound.isFinite {
                return (r.lowerBound, r.upperBound)
            }
            if !(lo < hi) { return lo.isFinite ? (lo - 1, lo + 1) : (0, 1) }
            return (lo, hi)
        }
    }

    private func isMasked(_ i: Int) -> Bool { mask.map { i < $0.count && $0[i] } ?? false }

    private func value(_ r: Int, _ c: Int) -> Double {
        let i = r * columns + c
        return i < values.count ? values[i] : .nan
    }

    /// The glyph and colour of value `v` on this map.
    func look(_ v: Double, lo: Double, hi: Double) -> (Character, Color?) {
        guard v.isFinite else { return (" ", nil) }
        switch scale {
        case .diverging:
            let level = abs(v) / hi
            return v >= 0 ? (GlyphSet.pick(glyphs.positive, level), Palette.pick(Palette.positiveRamp, level))
                          : (GlyphSet.pick(glyphs.negative, level), Palette.pick(Palette.negativeRamp, level))
        case .sequential:
            let level = (v - lo) / (hi - lo)
            return (GlyphSet.pick(glyphs.density, level), Palette.pick(Palette.sequentialRamp, level))
        case .logarithmic:
            let level = v > 0 ? (log10(v) - log10(lo)) / (log10(hi) - log10(lo)) : 0
            return (GlyphSet.pick(glyphs.density, level), Palette.pick(Palette.sequentialRamp, level))
        }
    }

    /// The pooled cell (r, c) for factor k: the value of largest |v| (diverging) or the
    /// largest value (sequential) among its unmasked finite entries; masked if all are masked.
    private func pooled(_ r: Int, _ c: Int, _ k: Int) -> (value: Double, masked: Bool) {
        if k == 1 { return (value(r, c), isMasked(r * columns + c)) }
        var best = Double.nan, allMasked = true
        let signed: Bool
        if case .diverging = scale { signed = true } else { signed = false }
        for rr in r * k..<min(rows, (r + 1) * k) {
            for cc in c * k..<min(columns, (c + 1) * k) {
                if isMasked(rr * columns + cc) { continue }
                allMasked = false
                let v = value(rr, cc)
                guard v.isFinite else { continue }
                if best.isNaN || (signed ? abs(v) > abs(best) : v > best) { best = v }
            }
        }
        return (best, allMasked)
    }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty, rows > 0, columns > 0 else { return }
        let half = mode == .halfBlock && glyphs.isUnicode
        var body = area
        let perRow = half ? 2 : 1
        let roughK = Heatmap.poolFactor(rows: rows, columns: columns, room: area, perRow: perRow)
        let header = (!title.isEmpty || roughK > 1) && area.height >= 3
        if header { body = body.inset(top: 1) }
        let bar = showColorBar && body.height >= 3
        if bar { body = body.inset(bottom: 1) }
        let wantLabels = !half
        var labelWidth = wantLabels ? min(rowLabels.map { DisplayWidth.of(glyphs.displayable($0)) }.max() ?? 0, area.width / 4) : 0
        let topLabels = wantLabels && !columnLabels.isEmpty && body.height >= 3 ? 1 : 0
        var matrix = body.inset(top: topLabels, left: labelWidth > 0 ? labelWidth + 1 : 0)
        var k = Heatmap.poolFactor(rows: rows, columns: columns, room: matrix, perRow: perRow)
        if k > 1 && labelWidth > 0 {
            matrix = body.inset(top: topLabels)
            labelWidth = 0
            k = Heatmap.poolFactor(rows: rows, columns: columns, room: matrix, perRow: perRow)
        }
        guard !matrix.isEmpty else { return }
        let shownRows = (rows + k - 1) / k, shownColumns = (columns + k - 1) / k
        let cellWidth = max(1, min(3, matrix.width / shownColumns))
        let (lo, hi) = range()
        if header {
            var column = area.x
            // The title (its numbers) before the pooling note, when both do not fit.
            let wanted = k > 1 ? glyphs.displayable("pooled \(k)×") : ""
            let both = DisplayWidth.of(glyphs.displayable(title)) + (wanted.isEmpty ? 0 : DisplayWidth.of(wanted) + 2)
            let pooledNote = both <= area.width || title.isEmpty ? wanted : ""
            let room = area.width - (pooledNote.isEmpty ? 0 : DisplayWidth.of(pooledNote) + 2)
            if !title.isEmpty {
                let shown = WordFit.fit(glyphs.displayable(title), width: room, glyphs: glyphs)
                column += grid.write(shown, x: column, y: area.y, style: Style(bold: true), clip: area) + (shown.isEmpty ? 0 : 2)
            }
            if k > 1 { grid.write(pooledNote, x: column, y: area.y, style: Style(foreground: Palette.axis), clip: area) }
        }
        let labelled = k == 1
        if labelled && topLabels == 1 {
            for c in 0..<min(shownColumns, columnLabels.count) {
                let x = matrix.x + c * cellWidth
                grid.write(glyphs.displayable(columnLabels[c]), x: x, y: matrix.y - 1, style: Style(foreground: Palette.axis),
                           clip: Rect(x: x, y: matrix.y - 1, width: cellWidth, height: 1).intersection(area))
            }
        }
        let rowsDrawn = min(matrix.height, (shownRows + perRow - 1) / perRow)
        for row in 0..<rowsDrawn {
            let y = matrix.y + row
            if labelled, labelWidth > 0, row < rowLabels.count {
                grid.write(glyphs.displayable(rowLabels[row]), x: body.x, y: y, style: Style(foreground: Palette.axis),
                           clip: Rect(x: body.x, y: y, width: labelWidth, height: 1))
            }
            for c in 0..<shownColumns {
                let x = matrix.x + c * cellWidth
                if half {
                    let top = pooled(2 * row, c, k)
                    let bottom = 2 * row + 1 < shownRows ? pooled(2 * row + 1, c, k) : nil
                    for dx in 0..<cellWidth {
                        drawHalf(&grid, x: x + dx, y: y, top: top, bottom: bottom, lo: lo, hi: hi, clip: matrix)
                    }
                } else {
                    let p = pooled(row, c, k)
                    let (glyph, color) = p.masked ? (glyphs.masked, Palette.axis) : look(p.value, lo: lo, hi: hi)
                    let style = Style(foreground: color)
                    for dx in 0..<cellWidth {
                        let g: Character = p.masked && dx != cellWidth / 2 ? " " : glyph
                        grid.set(x + dx, y, g, style: style, clip: matrix)
                    }
                }
            }
        }
        for m in markers where m.row.isFinite && m.column.isFinite {
            let r = Int((m.row / Double(k)).rounded(.down)) / perRow, c = Int((m.column / Double(k)).rounded(.down))
            guard r >= 0, c >= 0, r < rowsDrawn, c < shownColumns else { continue }
            let glyph = glyphs.isUnicode || m.glyph.isASCII ? m.glyph : "*"
            grid.set(matrix.x + c * cellWidth + cellWidth / 2, matrix.y + r, glyph,
                     style: Style(foreground: .indexed(231), bold: true), clip: matrix)
        }
        if bar { ColorBar(heatmap: self, lo: lo, hi: hi).render(into: &grid, area: Rect(x: area.x, y: body.maxY, width: area.width, height: 1)) }
    }

    /// The smallest whole k with ⌈rows/k⌉ ≤ room rows · perRow and ⌈columns/k⌉ ≤ room columns.
    static func poolFactor(rows: Int, columns: Int, room: Rect, perRow: Int) -> Int {
        let height = max(1, room.height * perRow), width = max(1, room.width)
        return max(1, (rows + height - 1) / height, (columns + width - 1) / width)
    }

    private func drawHalf(_ grid: inout CellGrid, x: Int, y: Int, top: (value: Double, masked: Bool),
                          bottom: (value: Double, masked: Bool)?, lo: Double, hi: Double, clip: Rect) {
        let upper = top.masked ? nil : look(top.value, lo: lo, hi: hi).1
        let lower = bottom.flatMap { $0.masked ? nil : look($0.value, lo: lo, hi: hi).1 }
        if top.masked && (bottom?.masked ?? true) {
            grid.set(x, y, glyphs.masked, style: Style(foreground: Palette.axis), clip: clip)
        } else {
            grid.set(x, y, "▀", style: Style(foreground: upper, background: lower), clip: clip)
        }
    }
}

/// The key under a heatmap: `-0.9 ⣿⣶⣤⣀ 0 ░▒▓█ 0.9` (diverging) or `0 ░▒▓█ 1` (sequential),
/// each glyph in its colour.
struct ColorBar {
    let heatmap: Heatmap
    let lo: Double
    let hi: Double

    func render(into grid: inout CellGrid, area: Rect) {
        let axis = Style(foreground: Palette.axis)
        var x = area.x
        x += grid.write(NumberText.format(lo, significant: 2) + " ", x: x, y: area.y, style: axis, clip: area)
        let steps = 4
        switch heatmap.scale {
        case .diverging:
            for s in stride(from: steps, through: 1, by: -1) {
                let (g, c) = heatmap.look(-hi * Double(s) / Double(steps), lo: lo, hi: hi)
                grid.set(x, area.y, g, style: Style(foreground: c), clip: area); x += 1
            }
            x += grid.write(" 0 ", x: x, y: area.y, style: axis, clip: area)
            for s in 1...steps {
                let (g, c) = heatmap.look(hi * Double(s) / Double(steps), lo: lo, hi: hi)
                grid.set(x, area.y, g, style: Style(foreground: c), clip: area); x += 1
            }
        case .sequential, .logarithmic:
            for s in 1...steps {
                let level = Double(s) / Double(steps)
                let v = heatmap.scale == .logarithmic ? lo * pow(hi / lo, level) : lo + (hi - lo) * level
                let (g, c) = heatmap.look(v, lo: lo, hi: hi)
                grid.set(x, area.y, g, style: Style(foreground: c), clip: area); x += 1
            }
        }
        grid.write(" " + NumberText.format(hi, significant: 2), x: x, y: area.y, style: axis, clip: area)
    }
}
