/// The characters widgets draw with: a Unicode set (box drawing, braille, blocks) for
/// UTF-8 terminals and a pure printable-ASCII set for everything else (`--ascii`).
///
/// Every ramp runs from "nothing" to "full", so glyph density carries magnitude without
/// colour; signed data uses two different ramps, so sign survives without colour too.
public struct GlyphSet: Sendable, Hashable {
    /// Whether this is the Unicode set (braille, half blocks, eighth blocks available).
    public let isUnicode: Bool

    // Box drawing.
    public let horizontal: Character
    public let vertical: Character
    public let topLeft: Character
    public let topRight: Character
    public let bottomLeft: Character
    public let bottomRight: Character
    /// Axis ticks: `┤` on a y-axis, `┬` on an x-axis.
    public let yTick: Character
    public let xTick: Character
    /// Axis corner `└`.
    public let axisCorner: Character

    /// Magnitude ramp for unsigned data, index 0 = empty … last = full.
    public let density: [Character]
    /// Ramp for positive values of signed data (index 0 = zero).
    public let positive: [Character]
    /// Ramp for negative values of signed data (index 0 = zero); a different glyph family.
    public let negative: [Character]
    /// Vertical bar eighths, index 0 = empty, 8 = full (`▁…█`).
    public let verticalEighths: [Character]
    /// Horizontal bar eighths, index 0 = empty, 8 = full (`▏…█`).
    public let horizontalEighths: [Character]
    /// Bar glyph for negative bars (distinct from positive so sign reads without colour).
    public let negativeBar: Character
    /// A masked heatmap cell.
    public let masked: Character
    /// A bullet in lists.
    public let bullet: Character
    /// Block-quote bar.
    public let quoteBar: Character
    /// Markers for data points, one per class (`o x + …`).
    public let pointMarkers: [Character]
    /// A scatter point.
    public let dot: Character
    /// A neuron in a network diagram.
    public let neuron: Character
    /// Ellipsis for truncated labels.
    public let ellipsis: Character

    public static let unicode = GlyphSet(
        isUnicode: true, horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
        bottomLeft: "└", bottomRight: "┘", yTick: "┤", xTick: "┬", axisCorner: "└",
        density: [" ", "░", "▒", "▓", "█"],
        positive: [" ", "░", "▒", "▓", "█"],
        negative: [" ", "⣀", "⣤", "⣶", "⣿"],
        verticalEighths: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        horizontalEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        negativeBar: "▒", masked: "·", bullet: "•", quoteBar: "▌",
        pointMarkers: ["o", "x", "+", "*", "#", "@"], dot: "•", neuron: "●", ellipsis: "…")

    public static let ascii = GlyphSet(
        isUnicode: false, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+", yTick: "+", xTick: "+", axisCorner: "+",
        density: [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"],
        positive: [" ", ".", "+", "*", "#"],
        negative: [" ", ",", "-", "=", "%"],
        verticalEighths: [" ", "_", "_", ".", ".", "=", "=", "#", "#"],
        horizontalEighths: [" ", " ", " ", " ", "#", "#", "#", "#", "#"],
        negativeBar: "=", masked: "~", bullet: "-", quoteBar: "|",
        pointMarkers: ["o", "x", "+", "*", "#", "@"], dot: "o", neuron: "O", ellipsis: "~")

    /// The glyph of `ramp` for `level` in 0…1 (clamped; NaN is empty).
    /// Level l maps to index ⌈l · (n − 1)⌉ so any non-zero value shows at least the faintest glyph.
    public static func pick(_ ramp: [Character], _ level: Double) -> Character {
        guard level.isFinite, level > 0 else { return ramp[0] }
        let n = ramp.count - 1
        return ramp[min(n, max(1, Int((min(level, 1) * Double(n)).rounded(.up))))]
    }
}
