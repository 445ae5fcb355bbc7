/// Greedy word wrap by display width.
///
/// Words are runs of non-space graphemes; a wide (CJK) grapheme is a word of its own glued
/// to its neighbours, so CJK text breaks between any two characters — except before a
/// closing mark or after an opening one (``LineBreaking``). A word wider than
/// the line is broken between graphemes. No line is ever wider than `width`, and a wide
/// grapheme is never split.
enum TextWrap {
    private struct Word {
        var cells: [Cell] = []
        var width = 0
        var spaceBefore = false
    }

    /// Wraps `spans` to lines of at most `width` columns; the first line starts with
    /// `first`, later ones with `rest` (dropped when they leave no room).
    static func wrap(_ spans: [Markdown.Span], width: Int, first: [Cell], rest: [Cell], glyphs: GlyphSet) -> [[Cell]] {
        guard width > 0 else { return [] }
        let words = self.words(spans, glyphs: glyphs)
        func prefix(_ p: [Cell]) -> (cells: [Cell], width: Int) {
            let w = p.reduce(0) { $0 + DisplayWidth.of($1.text) }
            return w < width ? (p, w) : ([], 0)
        }
        var lines: [[Cell]] = []
        var (line, used) = prefix(first)
        var start = used
        func newLine() {
            lines.append(line)
            (line, used) = prefix(rest)
            start = used
        }
        for word in words {
            let gap = word.spaceBefore && used > start ? 1 : 0
            if used + gap + word.width <= width {
                if gap == 1 { line.append(Cell(" ")); used += 1 }
                line.append(contentsOf: word.cells); used += word.width
                continue
            }
            if word.width <= width - (prefix(rest).width) && used > start {
                newLine()
                line.append(contentsOf: word.cells); used += word.width
                continue
            }
            if used > start { newLine() }
            for cell in word.cells {
                let w = DisplayWidth.of(cell.text)
                if used + w > width {
                    newLine()
                    if used + w > width { continue }
                }
                line.append(cell); used += w
            }
        }
        lines.append(line)
        return lines
    }

    private static func words(_ spans: [Markdown.Span], glyphs: GlyphSet) -> [Word] {
        var words: [Word] = []
        var current = Word()
        var pendingSpace = false
        func finish() {
            if !current.cells.isEmpty { words.append(current) }
            current = Word()
        }
        for span in spans {
            for ch in glyphs.displayable(span.text) {
                if ch.isWhitespace { finish(); pendingSpace = true; continue }
                let w = DisplayWidth.of(ch)
                if w == 0 { continue }
                if w == 2 {
                    finish()
                    words.append(Word(cells: [Cell(String(ch), style: span.style)], width: 2, spaceBefore: pendingSpace))
                    pendingSpace = false
                    continue
                }
                if current.cells.isEmpty { current.spaceBefore = pendingSpace; pendingSpace = false }
                current.cells.append(Cell(String(ch), style: span.style))
                current.width += w
            }
        }
        finish()
        return glued(words)
    }

    /// Words joined where a line must not break: a closing mark (`，。）`) sticks to the
    /// word before it, an opening mark (`（「`) to the word after it, unless a space
    /// separates them.
    private static func glued(_ words: [Word]) -> [Word] {
        var out: [Word] = []
        for word in words {
            guard var last = out.last, !word.spaceBefore else { out.append(word); continue }
            let startsClosed = word.cells.first.flatMap { $0.text.first }.map(LineBreaking.closing.contains) ?? false
            let lastOpens = last.cells.last.flatMap { $0.text.first }.map(LineBreaking.opening.contains) ?? false
            guard startsClosed || lastOpens else { out.append(word); continue }
            last.cells += word.cells
            last.width += word.width
            out[out.count - 1] = last
        }
        return out
    }
}
