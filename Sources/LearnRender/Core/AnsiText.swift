/// Encodes a `CellGrid` as text lines with ANSI SGR escapes (`ESC [ … m`), for
/// `learn render --color always` and anything else that prints a coloured frame.
///
/// Each style is first lowered to the tier (`Style.lowered(to:)`). A line starts plain;
/// an SGR sequence `ESC[0;…m` is emitted only where the style changes, and a line that
/// changed style ends with `ESC[0m`, so every line stands alone.
public enum AnsiText {
    public static func lines(_ grid: CellGrid, tier: ColorTier) -> [String] {
        (0..<grid.height).map { y in
            var line = ""
            var current = Style.plain
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                let style = cell.style.lowered(to: tier)
                if style != current {
                    line += sgr(style)
                    current = style
                }
                line += cell.text
            }
            if current != .plain { line += "\u{1B}[0m" }
            return line
        }
    }

    /// The SGR sequence that sets exactly `style` (after a reset).
    public static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if let fg = style.foreground { codes.append(code(fg, base: 30, brightBase: 90, extended: 38)) }
        if let bg = style.background { codes.append(code(bg, base: 40, brightBase: 100, extended: 48)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func code(_ color: Color, base: Int, brightBase: Int, extended: Int) -> String {
        switch color {
        case .basic(let n): return n < 8 ? "\(base + Int(n))" : "\(brightBase + Int(n & 7))"
        case .indexed(let n): return "\(extended);5;\(n)"
        }
    }
}
