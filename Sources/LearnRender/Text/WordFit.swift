/// Fits a title or legend into a width without ever cutting a word: a number such as
/// `1.09e-4` is shown whole or not at all. Words are dropped from the end and `…` marks
/// that some were; a title whose first word does not fit shows nothing.
public enum WordFit {
    /// `text` if it fits in `width` display columns; else its longest run of leading
    /// words (split at spaces) followed by ` …` (or `...` in ASCII), that fits.
    public static func fit(_ text: String, width: Int, glyphs: GlyphSet = .unicode) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let ellipsis = glyphs.isUnicode ? "…" : "..."
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        while !words.isEmpty {
            words.removeLast()
            while words.last == "" || words.last == "·" || words.last == "|" { words.removeLast() }
            guard !words.isEmpty else { break }
            let candidate = words.joined(separator: " ") + " " + ellipsis
            if DisplayWidth.of(candidate) <= width { return candidate }
        }
        return ""
    }

    /// How many of `entries`, whole and `gap` spaces apart, fit in `width`, keeping room
    /// for a `+N` that counts the N left out, unless `counted` is false (another row takes
    /// the rest).
    public static func entries(_ entries: [String], width: Int, gap: Int = 2, counted: Bool = true) -> Int {
        var used = 0
        for (i, entry) in entries.enumerated() {
            let left = entries.count - i - 1
            let end = used + DisplayWidth.of(entry)
            let reserve = counted && left > 0 ? gap + DisplayWidth.of("+\(left)") : 0
            if end + reserve > width { return i }
            used = end + gap
        }
        return entries.count
    }
}
