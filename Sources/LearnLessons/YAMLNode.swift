import Yams

/// A YAML value with the place in the lesson file where it starts. Built from Yams' node
/// tree (composed with marks), re-based from the block's lines to the file's.
struct YNode {
    enum Value {
        /// A scalar's text; `plain` is false for quoted or block scalars.
        case scalar(String, plain: Bool)
        case mapping([(key: YNode, value: YNode)])
        case sequence([YNode])
    }

    var value: Value
    var location: SourceLocation
    /// A plain scalar YAML folded from several lines (`- A` then a deeper `- B` reads `A - B`).
    var folded = false

    /// `key:` with nothing after it, `~` or `null`.
    var isNull: Bool {
        if case .scalar(let s, true) = value { return s.isEmpty || s == "~" || s.lowercased() == "null" }
        return false
    }

    var scalar: String? {
        if case .scalar(let s, _) = value, !isNull { return s }
        return nil
    }

    /// A word for "what was found" in a bad-type message.
    var kindName: String {
        switch value {
        case .scalar: isNull ? "nothing" : "`\(Self.clip(scalar ?? ""))`"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    static func clip(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 40 ? String(flat.prefix(37)) + "…" : flat
    }

    /// The column of the `offset`-th scalar of a plain or quoted one-line scalar's text.
    func column(atOffset offset: Int) -> SourceLocation {
        var loc = location
        if case .scalar(_, let plain) = value { loc.column += offset + (plain ? 0 : 1) }
        return loc
    }
}

/// Composes one YAML block (front matter or a cell) with Yams, after cheap checks that
/// keep libYAML and the tree walk away from pathological input.
enum YAMLBlock {
    /// Blocks larger than this are refused: a cell is a screenful.
    static let maxBytes = 64 * 1024
    /// libYAML's own bound on nesting (flow brackets and block indentation alike): the one
    /// real guard. A count of brackets before parsing could not tell `[` in a plain scalar
    /// (`ask: is [[x]] a list?`) from a flow list, and refused valid text.
    static let maxDepth = 1000
    /// Node budget for one block. Yams shares aliased nodes, so an alias "billion laughs"
    /// is small to compose but huge to walk: the budget stops the walk.
    static let maxNodes = 5000

    static func compose(_ lines: [Substring], firstLine: Int, path: String,
                        into diagnostics: inout [Diagnostic]) -> YNode? {
        let start = SourceLocation(path: path, line: firstLine, column: 1)
        let bytes = lines.reduce(0) { $0 + $1.utf8.count + 1 }
        if bytes > maxBytes {
            diagnostics.append(Diagnostic(.tooLarge, at: start, "this YAML block is \(bytes) bytes (limit \(maxBytes))",
                                          help: "a cell is a handful of keys; move long text into the page's prose"))
            return nil
        }
        let text = lines.joined(separator: "\n")
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            diagnostics.append(yamlError(error, text: text, firstLine: firstLine, lineCount: lines.count, path: path))
            return nil
        }
        guard let root else { return nil }
        var budget = maxNodes
        let node = convert(root, lines: lines, firstLine: firstLine, path: path, budget: &budget)
        if budget < 0 {
            diagnostics.append(Diagnostic(.tooLarge, at: start, "this YAML block has more than \(maxNodes) values",
                                          help: "a cell is a handful of keys"))
            return nil
        }
        return node
    }

    private static func convert(_ node: Node, lines: [Substring], firstLine: Int, path: String,
                                budget: inout Int) -> YNode {
        budget -= 1
        let lineCount = lines.count
        let location = place(node.mark, firstLine: firstLine, lineCount: lineCount, path: path)
        guard budget >= 0 else { return YNode(value: .sequence([]), location: location) }
        switch node {
        case .scalar(let s):
            let plain = s.style == .plain || s.style == .any
            var y = YNode(value: .scalar(s.string, plain: plain), location: location)
            let index = location.line - firstLine
            y.folded = plain && lines.indices.contains(index) && !lines[index].contains(s.string)
            return y
        case .mapping(let m):
            var pairs: [(key: YNode, value: YNode)] = []
            for (k, v) in m {
                guard budget >= 0 else { break }
                pairs.append((convert(k, lines: lines, firstLine: firstLine, path: path, budget: &budget),
                              convert(v, lines: lines, firstLine: firstLine, path: path, budget: &budget)))
            }
            return YNode(value: .mapping(pairs), location: location)
        case .sequence(let s):
            var items: [YNode] = []
            for v in s {
                guard budget >= 0 else { break }
                items.append(convert(v, lines: lines, firstLine: firstLine, path: path, budget: &budget))
            }
            return YNode(value: .sequence(items), location: location)
        case .alias:
            return YNode(value: .sequence([]), location: location)
        }
    }

    private static func place(_ mark: Mark?, firstLine: Int, lineCount: Int, path: String) -> SourceLocation {
        let line = min(max(mark?.line ?? 1, 1), max(lineCount, 1))
        return SourceLocation(path: path, line: firstLine + line - 1, column: max(mark?.column ?? 1, 1))
    }

    private static func yamlError(_ error: Error, text: String, firstLine: Int, lineCount: Int, path: String) -> Diagnostic {
        let start = SourceLocation(path: path, line: firstLine, column: 1)
        guard let error = error as? YamlError else {
            return Diagnostic(.badYAML, at: start, "this YAML block cannot be read")
        }
        switch error {
        case .parser(_, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level"):
            return Diagnostic(.tooDeep, at: place(mark, firstLine: firstLine, lineCount: lineCount, path: path),
                              "YAML nested or indented too deeply (limit \(maxDepth) levels)",
                              help: "lesson cells need at most two or three levels")
        case .reader(let problem, let offset, let value, _):
            // Reported at the character itself (the reader gives a byte offset into the
            // block), not at the block's first line.
            let prefix = text.utf8.prefix(offset ?? 0)
            let line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { prefix.index(after: $0) } ?? prefix.startIndex
            let column = String(decoding: prefix[lineStart...], as: UTF8.self).unicodeScalars.count + 1
            let hex = String(value, radix: 16, uppercase: true)
            let character = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return Diagnostic(.badYAML, at: SourceLocation(path: path, line: firstLine + min(line, max(lineCount, 1)) - 1, column: column),
                              "YAML: \(problem) (\(character))",
                              help: "remove the character, or write it as an escape in a double-quoted string (\"\\x07\")")
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            let at = place(mark, firstLine: firstLine, lineCount: lineCount, path: path)
            if what.contains("tab") {
                return Diagnostic(.badYAML, at: at, "a tab in the indentation: YAML indents with spaces only",
                                  help: "replace the tab at the start of this line with spaces")
            }
            return Diagnostic(.badYAML, at: at, "YAML: \(what)", help: "check indentation, `key: value` pairs and brackets")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(.duplicateKey, at: place(context.mark, firstLine: firstLine, lineCount: lineCount, path: path),
                              "key `\(duplicates.joined(separator: "`, `"))` appears more than once",
                              help: "keep one of them")
        default:
            return Diagnostic(.badYAML, at: start, "YAML: \(error)")
        }
    }
}
