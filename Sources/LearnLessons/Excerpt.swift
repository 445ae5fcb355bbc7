/// The source line a diagnostic points into, cut to a window around the column so that a
/// megabyte line prints as one screen line, with the caret's offset in display cells.
public struct Excerpt: Sendable, Equatable {
    public var text: String
    /// Display cells before the caret (wide CJK characters count 2).
    public var caretOffset: Int

    /// Scalars shown either side of the column at most.
    static let window = 60

    static func attach(to diagnostic: Diagnostic, from source: SourceText) -> Diagnostic {
        var d = diagnostic
        guard d.location.line >= 1, d.location.line <= source.lines.count else { return d }
        let scalars = Array(source.line(d.location.line).unicodeScalars)
        let column = min(max(d.location.column - 1, 0), scalars.count)
        let from = max(0, column - window)
        let to = min(scalars.count, column + window)
        var text = from > 0 ? "…" : ""
        var caret = from > 0 ? 1 : 0
        for (i, u) in scalars[from..<to].enumerated() {
            let shown: Unicode.Scalar = u == "\t" || u.properties.generalCategory == .control ? " " : u
            text.unicodeScalars.append(shown)
            if from + i < column { caret += width(shown) }
        }
        if to < scalars.count { text += "…" }
        d.excerpt = Excerpt(text: text, caretOffset: caret)
        return d
    }

    /// Terminal cells of a scalar: 2 for East Asian wide and fullwidth ranges, 0 for
    /// combining marks, else 1.
    static func width(_ u: Unicode.Scalar) -> Int {
        switch u.value {
        case 0x0300...0x036F, 0x200B...0x200F: return 0
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD: return 2
        default: return 1
        }
    }
}
