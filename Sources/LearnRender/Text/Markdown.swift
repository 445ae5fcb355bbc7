/// The Markdown subset lesson prose uses, parsed into blocks of styled spans.
///
/// Blocks: `#`…`######` headings, paragraphs (consecutive lines), `-`/`*`/`+` bullets and
/// `1.` numbered items (nesting by two-space indent, continuation lines joined), fenced
/// code (```` ``` ````, kept verbatim), `>` block quotes. Inline: `**bold**`, `*emphasis*`
/// or `_emphasis_`, `` `code` ``; a marker without its closing partner is plain text.
enum Markdown {
    struct Span: Equatable {
        var text: String
        var style: Style
    }

    enum Block: Equatable {
        case heading(level: Int, spans: [Span])
        case paragraph([Span])
        case bullet(depth: Int, spans: [Span])
        case numbered(depth: Int, number: Int, spans: [Span])
        case code([String])
        case quote([Span])
    }

    static let emphasis = Style(underline: true)
    static let code = Style(foreground: .indexed(180))

    static func parse(_ source: String) -> [Block] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var blocks: [Block] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(inline(LineBreaking.join(paragraph)))) }
            paragraph = []
        }
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let indent = line.count - trimmed.count
            if let fence = Self.fenceOpening(trimmed, indent: indent) {
                flush()
                var code: [String] = []
                i += 1
                while i < lines.count, !Self.closes(lines[i], fence) {
                    code.append(lines[i].replacingTabs())
                    i += 1
                }
                blocks.append(.code(code))
                i += 1
                continue
            }
            if trimmed.isEmpty { flush(); i += 1; continue }
            if let level = headingLevel(trimmed) {
                flush()
                blocks.append(.heading(level: level, spans: inline(String(trimmed.dropFirst(level + 1)))))
                i += 1
                continue
            }
            if trimmed.hasPrefix(">") {
                flush()
                var text: [String] = []
                while i < lines.count {
                    let t = lines[i].drop { $0 == " " }
                    guard t.hasPrefix(">") else { break }
                    text.append(String(t.dropFirst().drop { $0 == " " }))
                    i += 1
                }
                blocks.append(.quote(inline(LineBreaking.join(text))))
                continue
            }
            if let item = listItem(trimmed) {
                flush()
                var text = [item.rest]
                i += 1
                while i < lines.count {
                    let t = lines[i].drop { $0 == " " || $0 == "\t" }
                    let continuation = !t.isEmpty && lines[i].count - t.count > indent
                        && listItem(t) == nil && !t.hasPrefix("```")
                    guard continuation else { break }
                    text.append(String(t))
                    i += 1
                }
                let spans = inline(LineBreaking.join(text))
                let depth = indent / 2
                blocks.append(item.number.map { .numbered(depth: depth, number: $0, spans: spans) }
                              ?? .bullet(depth: depth, spans: spans))
                continue
            }
            paragraph.append(String(trimmed))
            i += 1
        }
        flush()
        return blocks
    }

    /// A fence as CommonMark opens one: 3 or more backticks or tildes after at most 3
    /// spaces (a backtick fence's info string holds no backtick); returns the marker run.
    static func fenceOpening(_ trimmed: Substring, indent: Int) -> Substring? {
        guard indent <= 3, let c = trimmed.first, c == "`" || c == "~" else { return nil }
        let run = trimmed.prefix { $0 == c }
        guard run.count >= 3, c == "~" || !trimmed.dropFirst(run.count).contains("`") else { return nil }
        return run
    }

    /// Whether `line` closes a fence opened with `marker`: the same character, at least as
    /// many, after at most 3 spaces, and nothing after but spaces. So ```` ```python ````
    /// inside a plain fence is code, and ```` ``` ```` inside a ```` ```` ```` fence too.
    static func closes(_ line: String, _ marker: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count <= 3, let c = marker.first else { return false }
        let run = trimmed.prefix { $0 == c }
        return run.count >= marker.count && trimmed.dropFirst(run.count).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func headingLevel(_ line: Substring) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    /// `- text`, `* text`, `+ text` (number nil) or `12. text` / `12) text`.
    private static func listItem(_ line: Substring) -> (number: Int?, rest: String)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return (nil, String(line.dropFirst(2)))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let after = line.dropFirst(digits.count)
        guard let mark = after.first, mark == "." || mark == ")", after.dropFirst().first == " " else { return nil }
        return (Int(digits), String(after.dropFirst(2)))
    }

    /// Inline markup to spans: `**bold**`, `*em*`, `_em_` (at word edges), `` `code` ``.
    static func inline(_ text: String) -> [Span] {
        var spans: [Span] = []
        var current = ""
        var bold = false, em = false
        let chars = Array(text)
        func style() -> Style { Style(bold: bold, underline: em) }
        func emit() {
            if !current.isEmpty { spans.append(Span(text: current, style: style())) }
            current = ""
        }
        func closes(_ marker: [Character], from start: Int) -> Bool {
            var j = start
            while j + marker.count <= chars.count {
                if Array(chars[j..<j + marker.count]) == marker { return j > start }
                j += 1
            }
            return false
        }
        /// A lone marker (not part of `**`) at i.
        func lone(_ i: Int) -> Bool {
            (i == 0 || chars[i - 1] != chars[i]) && (i + 1 >= chars.count || chars[i + 1] != chars[i])
        }
        /// `*x` / `_x` opens when followed by a non-space, `_` only at a word start, and a closer follows.
        func opensEmphasis(at i: Int) -> Bool {
            guard lone(i), i + 1 < chars.count, !chars[i + 1].isWhitespace else { return false }
            if chars[i] == "_", i > 0, chars[i - 1].isLetter || chars[i - 1].isNumber { return false }
            return (i + 2..<chars.count).contains { chars[$0] == chars[i] && closesEmphasis(at: $0) }
        }
        /// `x*` / `x_` closes after a non-space, `_` only at a word end.
        func closesEmphasis(at i: Int) -> Bool {
            guard lone(i), i > 0, !chars[i - 1].isWhitespace else { return false }
            if chars[i] == "_", i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1].isNumber { return false }
            return true
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "`", closes(["`"], from: i + 1) {
                emit()
                var j = i + 1, code = ""
                while chars[j] != "`" { code.append(chars[j]); j += 1 }
                spans.append(Span(text: code, style: Markdown.code))
                i = j + 1
                continue
            }
            if c == "*", i + 1 < chars.count, chars[i + 1] == "*", bold || closes(["*", "*"], from: i + 2) {
                emit(); bold.toggle(); i += 2
                continue
            }
            if c == "*" || c == "_", em ? closesEmphasis(at: i) : opensEmphasis(at: i) {
                emit(); em.toggle(); i += 1
                continue
            }
            current.append(c)
            i += 1
        }
        emit()
        return spans
    }
}

extension String {
    /// Tabs as four spaces (code blocks).
    func replacingTabs() -> String {
        contains("\t") ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ") : self
    }
}
