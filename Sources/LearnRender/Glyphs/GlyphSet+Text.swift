extension GlyphSet {
    /// `text` as this glyph set can show it. Unicode: unchanged. ASCII: common typographic
    /// characters become their ASCII spelling (`—` → `--`, `“` → `"`, `…` → `...`, `−` → `-`,
    /// `×` → `x`, `±` → `+-`) and any other non-ASCII grapheme becomes `?`, so ASCII output stays ASCII.
    public func displayable(_ text: String) -> String {
        if isUnicode || text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            if let a = ch.asciiValue {
                out.append(a >= 0x20 && a < 0x7F ? ch : " ")
                continue
            }
            switch ch {
            case "—": out += "--"
            case "–", "−", "‐": out += "-"
            case "“", "”", "„": out += "\""
            case "‘", "’", "‚": out += "'"
            case "…": out += "..."
            case "×": out += "x"
            case "±": out += "+-"
            case "≤": out += "<="
            case "≥": out += ">="
            case "·", "•": out += "*"
            case "→": out += "->"
            case "←": out += "<-"
            case "\u{A0}": out += " "
            default: out += "?"
            }
        }
        return out
    }
}
