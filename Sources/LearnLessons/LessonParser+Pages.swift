/// What a page's blocks may be built from: prose is common to every kind of page (a
/// lesson's ``Block``, a translation's ``TranslatedBlock``).
protocol PageBlock {
    static func prose(_ text: String) -> Self
}

extension Block: PageBlock {}

/// A page as the walker builds it, before it becomes a ``Page`` (or a translated page).
struct PageDraft<B: PageBlock> {
    var id: String
    var title: String
    var blocks: [B]
    var location: SourceLocation
}

/// What a cell reader is given: the ids used so far in the file, and the number of model
/// fences on the current page.
struct CellContext {
    var ids: [String: SourceLocation] = [:]
    var modelFences = 0
}

/// Pages: each `## ` heading starts one; prose, cells, quizzes and hints follow in order.
extension LessonParser {
    private struct PageBuilder<B: PageBlock> {
        var page: PageDraft<B>
        /// Line numbers of the prose since the last block (8 bytes a line, not a copy of it).
        var prose: [Int] = []
        /// A cell was written here, even if it did not parse.
        var hadCell = false

        /// The lines gathered since the last block, blank lines at either end dropped
        /// (by slicing: linear however many there are).
        mutating func flushProse(_ source: SourceText) {
            let isBlank = { (line: Int) in source.line(line).isEmpty || source.line(line).allSatisfy(\.isWhitespace) }
            if let first = prose.firstIndex(where: { !isBlank($0) }), let last = prose.lastIndex(where: { !isBlank($0) }) {
                // Appended line by line: no array of copies of the lines on the way.
                var text = ""
                for (k, n) in prose[first...last].enumerated() {
                    if k > 0 { text += "\n" }
                    text += source.line(n)
                }
                page.blocks.append(B.prose(text))
            }
            prose = []
        }
    }

    mutating func parsePages(_ items: [Splitter.Item], after frontMatterEnd: Int) -> [Page] {
        walkPages(items, after: frontMatterEnd) { parser, fence, location, context in
            parser.cellBlock(fence, at: location, ids: &context.ids, builder: &context.modelFences)
        }
        .map { Page(id: $0.id, title: $0.title, blocks: $0.blocks, location: $0.location) }
    }

    /// Splits the items into pages, reading each cell fence (`model`, `quiz`, `hint`) with
    /// `cell`; every other fence is prose.
    /// A translation's page ids are its original's, so its headings' ids are not checked
    /// (`uniquePageIDs: false`).
    mutating func walkPages<B: PageBlock>(_ items: [Splitter.Item], after frontMatterEnd: Int, uniquePageIDs: Bool = true,
                                          cell: (inout LessonParser, Splitter.Fence, SourceLocation, inout CellContext) -> B?) -> [PageDraft<B>] {
        var pages: [PageDraft<B>] = []
        var current: PageBuilder<B>?
        var reportedOrphan = false
        var context = CellContext()
        /// The line of the first page with each id (a lookup per heading, not a scan).
        var pageLines: [String: Int] = [:]

        func finish(_ builder: PageBuilder<B>?, into report: inout Report) {
            guard var b = builder else { return }
            b.flushProse(source)
            if b.page.blocks.isEmpty, !b.hadCell {
                report.add(.emptyPage, at: b.page.location, "page `\(b.page.title)` has nothing under its heading")
            }
            pages.append(b.page)
        }

        for item in items {
            switch item {
            case .heading(let raw, let line, let column):
                finish(current, into: &report)
                let location = source.location(line: line, column: column)
                let (title, id) = headingParts(raw, at: location, index: pages.count + 1)
                if uniquePageIDs, let first = pageLines[id] {
                    report.add(.duplicateID, at: location, "page id `\(id)` is used twice (first at line \(first))",
                               help: "give one of them an explicit id: `## \(title) {#another-id}`")
                } else {
                    pageLines[id] = line
                }
                current = PageBuilder(page: PageDraft(id: id, title: title, blocks: [], location: location))
                context.modelFences = 0
            case .text(let line):
                let text = source.line(line)
                if current == nil {
                    if !reportedOrphan, !text.allSatisfy(\.isWhitespace) {
                        reportedOrphan = true
                        let column = text.prefix { $0 == " " || $0 == "\t" }.unicodeScalars.count + 1
                        let title = text.drop { $0 == " " || $0 == "\t" }
                        if title.hasPrefix("# ") {
                            report.add(.proseBeforePage, at: source.location(line: line, column: column),
                                       "`# …` is a level-1 heading: a page starts with `## `, and the lesson's title is `title:` in the front matter",
                                       help: "write `#\(title)` to make this a page")
                        } else {
                            report.add(.proseBeforePage, at: source.location(line: line, column: column),
                                       "text before the first `## ` heading belongs to no page",
                                       help: "start the first page with a `## Title` line above this")
                        }
                    }
                } else if current?.prose.isEmpty == false || !(text.isEmpty || text.allSatisfy(\.isWhitespace)) {
                    // Blank lines before a block's first text are dropped at once, not kept to be trimmed.
                    current?.prose.append(line)
                }
            case .fence(let fence):
                let location = source.location(line: fence.openLine, column: fence.infoColumn)
                guard current != nil else {
                    if !reportedOrphan {
                        reportedOrphan = true
                        report.add(.proseBeforePage, at: location, "a block before the first `## ` heading belongs to no page",
                                   help: "start the first page with a `## Title` line above this")
                    }
                    continue
                }
                guard Self.cellKinds.contains(fence.info) else {
                    if !fence.info.isEmpty, let kind = Suggest.closest(to: fence.info, in: Self.cellKinds) {
                        report.add(.unknownBlock, at: location, "unknown block kind `\(YNode.clip(fence.info))`: shown as code, never run",
                                   help: "did you mean `\(kind)`?")
                    }
                    let last = fence.openLine + fence.body.count + (fence.closeText == nil ? 0 : 1)
                    current?.prose.append(contentsOf: fence.openLine...last)
                    continue
                }
                current?.flushProse(source)
                current?.hadCell = true
                guard fence.closed else { continue }
                if let block = cell(&self, fence, location, &context) {
                    current?.page.blocks.append(block)
                }
            }
        }
        finish(current, into: &report)
        if pages.isEmpty, !report.diagnostics.contains(where: { $0.rule == .proseBeforePage || $0.rule == .unclosedFence }) {
            report.add(.noPages, at: source.location(line: min(frontMatterEnd + 2, max(source.lines.count, 1))),
                       "the lesson has no pages", help: "add a `## Title` line, then the page's text")
        }
        return pages
    }

    /// `Title {#id}` → ("Title", "id"); otherwise the title slugified (or `page-N`).
    private mutating func headingParts(_ raw: Substring, at location: SourceLocation, index: Int) -> (String, String) {
        var title = raw.trimmingCharacters(in: .whitespaces)
        while title.hasSuffix("#"), title.dropLast().hasSuffix(" ") || title == "#" {
            title = String(title.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        var id: String?
        if title.hasSuffix("}"), let open = title.range(of: "{#", options: .backwards) {
            let explicit = String(title[open.upperBound..<title.index(before: title.endIndex)])
            title = String(title[..<open.lowerBound]).trimmingCharacters(in: .whitespaces)
            if Schema.isValidID(explicit) {
                id = explicit
            } else {
                report.add(.badValue, at: location, "page id `\(YNode.clip(explicit))` must be lower-case letters, digits and `-`",
                           help: "try `{#\(Slug.make(explicit))}`")
            }
        }
        if title.isEmpty {
            report.add(.badValue, at: location, "a page heading needs a title", help: "write `## Title`")
        }
        let slug = Slug.make(title)
        return (title, id ?? (slug.isEmpty ? "page-\(index)" : slug))
    }

    /// A model, quiz or hint block, or nil (after reporting why).
    mutating func cellBlock(_ fence: Splitter.Fence, at location: SourceLocation, ids: inout [String: SourceLocation],
                                    builder modelFences: inout Int) -> Block? {
        if fence.body.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
            report.add(.emptyBlock, at: location, "this `\(fence.info)` block is empty")
            return nil
        }
        if fence.info == "hint" {
            return .hint(fence.body.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if fence.info == "model" {
            modelFences += 1
            if modelFences > 1 {
                report.add(.oneModelPerPage, at: location, "a page holds at most one model cell",
                           help: "start a new page (`## …`) for this cell")
            }
        }
        guard let node = YAMLBlock.compose(fence.body, firstLine: fence.openLine + 1, path: source.path,
                                           into: &report.diagnostics) else { return nil }
        var block: Block?
        var id: String?
        if fence.info == "model" {
            var parser = CellParser(root: root, report: report)
            let cell = parser.parse(node, fence: location)
            report = parser.report
            block = cell.map(Block.model)
            id = cell?.id ?? idValue(node)
        } else {
            var parser = QuizParser(report: report)
            let quiz = parser.parse(node, fence: location)
            report = parser.report
            block = quiz.map(Block.quiz)
            id = quiz?.id ?? idValue(node)
        }
        if let id, Schema.isValidID(id) {
            if let first = ids[id] {
                report.add(.duplicateID, at: idLocation(node) ?? location,
                           "id `\(id)` is already used by the block at line \(first.line)", help: "ids of cells and quizzes are unique in a lesson")
                return nil
            }
            ids[id] = idLocation(node) ?? location
        }
        return block
    }

    func idValue(_ node: YNode) -> String? {
        guard case .mapping(let pairs) = node.value else { return nil }
        return pairs.first { $0.key.scalar == "id" }?.value.scalar
    }

    func idLocation(_ node: YNode) -> SourceLocation? {
        guard case .mapping(let pairs) = node.value else { return nil }
        return pairs.first { $0.key.scalar == "id" }?.value.location
    }
}
