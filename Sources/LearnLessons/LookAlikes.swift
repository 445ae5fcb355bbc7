/// Blocks that look like cells but are not, so a cell never vanishes without a word: a
/// ```model fence indented 4 spaces or more (a code block in Markdown, easy to
/// write inside a list), cell keys (`id:` and `model:` lines) left as prose because the
/// opening fence is missing, and a code block that holds them under another info string.
enum LookAlikes {
    static func find(_ items: [Splitter.Item], in source: SourceText) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var run: [Int] = []  // consecutive prose lines
        func endRun() {
            defer { run = [] }
            guard let id = run.first(where: { key(source.line($0)) == "id" }),
                  run.contains(where: { key(source.line($0)) == "model" }) else { return }
            found.append(Diagnostic(.lookAlike, at: source.location(line: id),
                                     "these `id:` and `model:` lines look like a model cell, but they are prose: no ```model line opens them",
                                     help: "put a line ```model above `id:` (at most 3 spaces in) and a line ``` below the cell"))
        }
        for item in items {
            switch item {
            case .text(let line):
                let text = source.line(line)
                if let kind = indentedCellFence(text) {
                    found.append(Diagnostic(.lookAlike, at: source.location(line: line, column: text.prefix { $0 == " " }.count + 1),
                                            "this ```\(kind) fence is indented 4 spaces or more, so Markdown reads it as a code block, not a \(kind) cell",
                                            help: "start the fence at most 3 spaces from the margin (also inside a list)"))
                }
                if text.allSatisfy({ $0 == " " || $0 == "\t" }) { endRun() } else { run.append(line) }
            case .fence(let fence):
                endRun()
                guard !LessonParser.cellKinds.contains(fence.info) else { continue }
                let keys = Set(fence.body.map(key))
                if keys.contains("id"), keys.contains("model") {
                    found.append(Diagnostic(.lookAlike, at: source.location(line: fence.openLine, column: fence.infoColumn),
                                            "this ```\(fence.info) block holds `id:` and `model:` lines: it is shown as code, not run as a cell",
                                            help: "open it with ```model to make it a live cell"))
                }
            case .heading:
                endRun()
            }
        }
        endRun()
        return found
    }

    /// `id` for a line `id: …` at the margin (a YAML top-level key), else nil.
    private static func key(_ line: Substring) -> Substring? {
        guard let colon = line.firstIndex(of: ":"), line.first?.isLetter == true else { return nil }
        let name = line[..<colon]
        return name.allSatisfy { $0.isLetter || $0 == "_" } ? name : nil
    }

    /// `model` for a line like "    ```model" (a cell fence indented 4 or more spaces).
    private static func indentedCellFence(_ line: Substring) -> String? {
        let rest = line.drop { $0 == " " || $0 == "\t" }
        guard line.count - rest.count >= 4, rest.hasPrefix("```") || rest.hasPrefix("~~~") else { return nil }
        let info = rest.drop { $0 == "`" || $0 == "~" }.drop { $0 == " " }.prefix { $0.isLetter }
        return LessonParser.cellKinds.contains(String(info)) ? String(info) : nil
    }
}
