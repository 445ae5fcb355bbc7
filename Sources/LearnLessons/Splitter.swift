/// The first pass over a lesson: a line-based split into front matter, `## ` headings,
/// fenced blocks and plain lines. Linear in the file size, whatever the input.
struct Splitter {
    struct Fence {
        /// The info string's first word (`model`, `quiz`, `hint`, `python`, …).
        var info: String
        var infoColumn: Int
        var openLine: Int
        /// The lines between the fences; the first is line `openLine + 1`.
        var body: [Substring]
        var closed: Bool
        /// The fence lines themselves, to show a prose code block as written.
        var openText: Substring
        var closeText: Substring?
    }

    /// One per line outside a fence, so kept to 16 bytes: the rare large cases are boxed.
    enum Item {
        /// `## Title`: the text after `## ` and its position.
        indirect case heading(title: Substring, line: Int, column: Int)
        case text(line: Int)
        indirect case fence(Fence)
    }

    struct FrontMatter {
        var firstLine: Int
        var body: [Substring]
    }

    var frontMatter: FrontMatter?
    var items: [Item] = []
    var diagnostics: [Diagnostic] = []

    init(_ source: SourceText) {
        let lines = source.lines
        var i = 0
        // Blank lines above the front matter: say so (it must be line 1), then read it anyway.
        let blank = lines.prefix { $0.allSatisfy { $0 == " " || $0 == "\t" } }.count
        if blank > 0, blank < lines.count, trimmedTrailing(lines[blank]) == "---" {
            diagnostics.append(Diagnostic(.frontMatter, at: source.location(line: 1),
                                          "the front matter must start on line 1; \(blank == 1 ? "a blank line is" : "\(blank) blank lines are") above it",
                                          help: "delete the blank line\(blank == 1 ? "" : "s") before the first `---`"))
        }
        if blank < lines.count, trimmedTrailing(lines[blank]) == "---" {
            var end = blank + 1
            while end < lines.count, !["---", "..."].contains(trimmedTrailing(lines[end])) { end += 1 }
            if end < lines.count {
                frontMatter = FrontMatter(firstLine: blank + 2, body: Array(lines[(blank + 1)..<end]))
                i = end + 1
            } else {
                diagnostics.append(Diagnostic(.frontMatter, at: source.location(line: 1),
                                              "the front matter opened here is never closed",
                                              help: "end the front matter with a line `---`"))
                return
            }
        }
        while i < lines.count {
            let line = lines[i]
            // Most lines open with none of ` ~ # or a space: plain text, told from one byte.
            if Self.isPlainText(line) {
                items.append(.text(line: i + 1))
                i += 1
                continue
            }
            if let (marker, indent) = Self.fenceMarker(line) {
                var fence = Fence(info: "", infoColumn: 1, openLine: i + 1, body: [], closed: false,
                                  openText: line, closeText: nil)
                let rest = line.dropFirst(indent + marker.count)
                let info = rest.drop { $0 == " " || $0 == "\t" }
                fence.info = String(info.prefix { $0 != " " && $0 != "\t" && $0 != "{" })
                fence.infoColumn = line.prefix(line.count - info.count).unicodeScalars.count + 1
                let isCell = LessonParser.cellKinds.contains(fence.info)
                var j = i + 1
                var nextCell = false
                while j < lines.count {
                    if Self.closes(lines[j], marker) {
                        fence.closed = true
                        fence.closeText = lines[j]
                        break
                    }
                    // A cell's YAML never holds another cell's opening fence: the author
                    // forgot this one's closing line. Say so here, not as bad YAML below.
                    if isCell, let (inner, innerIndent) = Self.fenceMarker(lines[j]),
                       LessonParser.cellKinds.contains(String(lines[j].dropFirst(innerIndent + inner.count).prefix { $0.isLetter })) {
                        nextCell = true
                        break
                    }
                    fence.body.append(lines[j])
                    j += 1
                }
                if !fence.closed {
                    diagnostics.append(Diagnostic(.unclosedFence, at: source.location(line: i + 1, column: indent + 1),
                                                  "this ``` fence is never closed" + (nextCell ? ": the next cell opens on line \(j + 1)" : ""),
                                                  help: "close it with a line \(marker)"))
                }
                items.append(.fence(fence))
                i = nextCell ? j : j + 1
                continue
            }
            if let title = Self.pageHeading(line) {
                let column = line.prefix(line.count - title.count).unicodeScalars.count + 1
                items.append(.heading(title: title, line: i + 1, column: column))
            } else {
                items.append(.text(line: i + 1))
            }
            i += 1
        }
    }

    private func trimmedTrailing(_ s: Substring) -> Substring {
        var s = s
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }

    /// Empty, or starting with a byte no fence or heading starts with.
    private static func isPlainText(_ line: Substring) -> Bool {
        guard let first = line.utf8.first else { return true }
        return first != UInt8(ascii: " ") && first != UInt8(ascii: "`") && first != UInt8(ascii: "~") && first != UInt8(ascii: "#")
    }

    private static func leadingSpaces(_ line: Substring) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// "```" or "~~~" (3 or more) after at most 3 spaces: the marker and the indent.
    static func fenceMarker(_ line: Substring) -> (Substring, Int)? {
        let indent = leadingSpaces(line)
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let c = rest.first, c == "`" || c == "~" else { return nil }
        let marker = rest.prefix { $0 == c }
        guard marker.count >= 3 else { return nil }
        if c == "`", rest.dropFirst(marker.count).contains("`") { return nil }
        return (marker, indent)
    }

    private static func closes(_ line: Substring, _ marker: Substring) -> Bool {
        let indent = leadingSpaces(line)
        guard indent <= 3, let c = marker.first else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == c }
        return run.count >= marker.count && rest.dropFirst(run.count).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The title of a `## ` heading (up to 3 spaces before it), or nil for any other line.
    static func pageHeading(_ line: Substring) -> Substring? {
        let indent = leadingSpaces(line)
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard rest.hasPrefix("##") else { return nil }
        let after = rest.dropFirst(2)
        if after.isEmpty { return after }
        guard let c = after.first, c == " " || c == "\t" else { return nil }
        return after.drop { $0 == " " || $0 == "\t" }
    }
}
