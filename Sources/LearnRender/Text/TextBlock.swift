/// Lesson prose from its Markdown source, wrapped to the area's width by display width and
/// scrolled by `scrollOffset` lines.
///
/// Headings are bold (level 1 and 2 also underlined), `**bold**` bold, `*emphasis*`
/// underlined, `` `code` `` and code blocks in a code colour; bullets `•` (`-` in ASCII),
/// numbered items `1.`, block quotes behind `▌` (`|`). Blocks are separated by one blank
/// line; list items follow each other directly. Code lines are broken, not wrapped, at
/// the edge. `lineCount(width:)` gives the total for a scroll bar.
public struct TextBlock: Sendable {
    public let markdown: String
    public var glyphs: GlyphSet
    /// The first line shown; clamped so the last page stays full.
    public var scrollOffset: Int
    private let blocks: [Markdown.Block]

    public init(markdown: String, glyphs: GlyphSet = .unicode, scrollOffset: Int = 0) {
        self.markdown = markdown
        self.glyphs = glyphs
        self.scrollOffset = scrollOffset
        blocks = Markdown.parse(markdown)
    }

    /// The wrapped lines for `width` columns.
    public func lines(width: Int) -> [[Cell]] {
        guard width > 0 else { return [] }
        var out: [[Cell]] = []
        var previous: Markdown.Block?
        for block in blocks {
            if let p = previous, !(p.isListItem && block.isListItem) { out.append([]) }
            previous = block
            switch block {
            case .heading(let level, let spans):
                let style = Style(bold: true, underline: level <= 2)
                let styled = spans.map { Markdown.Span(text: $0.text, style: merge($0.style, style)) }
                out += TextWrap.wrap(styled, width: width, first: [], rest: [], glyphs: glyphs)
            case .paragraph(let spans):
                out += TextWrap.wrap(spans, width: width, first: [], rest: [], glyphs: glyphs)
            case .bullet(let depth, let spans):
                let indent = String(repeating: " ", count: 2 * depth)
                out += TextWrap.wrap(spans, width: width, first: cells(indent + String(glyphs.bullet) + " "),
                                     rest: cells(indent + "  "), glyphs: glyphs)
            case .numbered(let depth, let number, let spans):
                let indent = String(repeating: " ", count: 2 * depth), mark = "\(number). "
                out += TextWrap.wrap(spans, width: width, first: cells(indent + mark),
                                     rest: cells(indent + String(repeating: " ", count: mark.count)), glyphs: glyphs)
            case .quote(let spans):
                let bar = [Cell(String(glyphs.quoteBar), style: Style(foreground: Palette.axis)), Cell(" ")]
                out += TextWrap.wrap(spans, width: width, first: bar, rest: bar, glyphs: glyphs)
            case .code(let lines):
                for line in lines {
                    let span = [Markdown.Span(text: line, style: Markdown.code)]
                    out += codeLine(span, width: width)
                }
            }
        }
        return out
    }

    /// Total wrapped lines for `width` columns.
    public func lineCount(width: Int) -> Int { lines(width: width).count }

    public func render(into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        Self.render(lines(width: area.width), scrollOffset: scrollOffset, into: &grid, area: area)
    }

    /// Draws lines that ``lines(width:)`` wrapped for `area.width`, from `scrollOffset` —
    /// for a caller that keeps the wrapped lines from frame to frame.
    public static func render(_ all: [[Cell]], scrollOffset: Int, into grid: inout CellGrid, area: Rect) {
        guard !area.isEmpty else { return }
        let first = max(0, min(scrollOffset, all.count - area.height))
        for (row, line) in all.dropFirst(first).prefix(area.height).enumerated() {
            var x = area.x
            for cell in line {
                guard let g = cell.text.first else { continue }
                grid.set(x, area.y + row, g, style: cell.style, clip: area)
                x += DisplayWidth.of(g)
            }
        }
    }

    /// A code line, indented two columns and broken (not word-wrapped) at the edge.
    private func codeLine(_ spans: [Markdown.Span], width: Int) -> [[Cell]] {
        let indent = width > 4 ? 2 : 0
        var lines: [[Cell]] = [], line = cells(String(repeating: " ", count: indent)), used = indent
        for span in spans {
            for ch in glyphs.displayable(span.text) {
                let w = DisplayWidth.of(ch)
                if w == 0 { continue }
                if used + w > width {
                    lines.append(line)
                    line = cells(String(repeating: " ", count: indent)); used = indent
                    if used + w > width { continue }
                }
                line.append(Cell(String(ch), style: span.style)); used += w
            }
        }
        lines.append(line)
        return lines
    }

    private func cells(_ text: String) -> [Cell] { text.map { Cell(String($0)) } }

    private func merge(_ a: Style, _ b: Style) -> Style {
        var s = a
        s.bold = s.bold || b.bold
        s.underline = s.underline || b.underline
        return s
    }
}

extension Markdown.Block {
    var isListItem: Bool {
        switch self {
        case .bullet, .numbered: return true
        default: return false
        }
    }
}
