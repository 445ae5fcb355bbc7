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
            out += Self.asciiSpelling[ch] ?? "?"
        }
        return out
    }

    /// ASCII spellings of the typographic and mathematical characters lesson text uses.
    static let asciiSpelling: [Character: String] = [
        "—": "--", "–": "-", "−": "-", "‐": "-", "“": "\"", "”": "\"", "„": "\"", "‘": "'", "’": "'", "‚": "'",
        "…": "...", "×": "x", "±": "+-", "≤": "<=", "≥": ">=", "≠": "!=", "≈": "~", "·": "*", "•": "*", "⋅": "*",
        "→": "->", "←": "<-", "↑": "^", "↓": "v", "↔": "<->", "⇒": "=>", "\u{A0}": " ",
        "▶": ">", "⏸": "||", "✓": "+", "✗": "x", "‖": "|", "▌": "|", "∂": "d", "√": "sqrt", "∑": "sum", "Σ": "Sum",
        "∞": "inf", "⊙": "(.)", "∈": "in", "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "eps",
        "η": "eta", "θ": "theta", "λ": "lambda", "μ": "mu", "π": "pi", "σ": "sigma", "τ": "tau", "ŷ": "y^",
        "⁰": "^0", "¹": "^1", "²": "^2", "³": "^3", "⁴": "^4", "⁵": "^5", "⁶": "^6", "⁷": "^7", "⁸": "^8", "⁹": "^9",
        "⁻": "^-", "ᵀ": "^T", "ᵏ": "^k", "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6",
        "₇": "7", "₈": "8", "₉": "9", "ᵢ": "i", "ⱼ": "j", "ₜ": "t", "ₙ": "n", "ₖ": "k", "ₒ": "o", "é": "e", "è": "e",
        "ü": "u", "ö": "o", "ä": "a", "ï": "i", "ç": "c",
    ]
}
