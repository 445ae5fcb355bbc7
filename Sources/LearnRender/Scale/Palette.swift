/// The colours widgets use, from the xterm 256-colour palette. Each ramp runs from
/// "near nothing" (dark, so it recedes on a dark terminal) to "strong".
///
/// Lowered to eight colours (`Color.basic8`) the diverging ends stay blue and red and the
/// dark near-zero end stays black.
public enum Palette {
    /// Negative end of the diverging scale: dark grey → blue.
    public static let negativeRamp: [Color] = [236, 17, 18, 19, 20, 26, 32, 39].map { .indexed($0) }
    /// Positive end of the diverging scale: dark grey → red.
    public static let positiveRamp: [Color] = [236, 52, 88, 124, 160, 196, 203].map { .indexed($0) }
    /// Sequential scale (attention, probabilities): dark → green → yellow.
    public static let sequentialRamp: [Color] = [234, 22, 28, 34, 70, 112, 148, 184, 226].map { .indexed($0) }
    /// Class colours for decision regions, points and series.
    public static let classes: [Color] = [33, 208, 70, 170, 220, 44].map { .indexed($0) }
    /// Axes, ticks and secondary text.
    public static let axis: Color = .indexed(245)

    /// The colour of `ramp` at `level` in 0…1 (clamped).
    public static func pick(_ ramp: [Color], _ level: Double) -> Color {
        guard level.isFinite, level > 0 else { return ramp[0] }
        let n = ramp.count - 1
        return ramp[min(n, Int((min(level, 1) * Double(n)).rounded()))]
    }

    /// The colour of series or class `i` (cycling).
    public static func series(_ i: Int) -> Color { classes[((i % classes.count) + classes.count) % classes.count] }
}
