import Foundation

/// Reads a translation file: front matter, then pages whose cells are references
/// (`use:`) and whose quizzes carry text only. Checked against its original later
/// (``TranslationCheck``).
extension LessonParser {
    /// Keys of a model cell that set up its run: in a translation each is an error, not an
    /// unknown key, because the run belongs to the original.
    static let modelKeys: Set<String> = Set(Schema.cell.map(\.name)).subtracting(["predict", "exercise"])

    mutating func parseTranslation(language folder: String) -> Translation? {
        let split = Splitter(source)
        report.diagnostics += split.diagnostics
        let start = source.location(line: 1)
        guard let block = split.frontMatter else {
            if split.diagnostics.isEmpty {
                report.add(.frontMatter, at: start, "the translation has no front matter",
                           help: "start the file with `---`, `learn: 1`, `id: …`, `lang: \(folder)`, `source: …`, `title: …`, `summary: …`, `---`")
            }
            return nil
        }
        var id: String?, lang: String?, stamp: String?, title: String?, summary: String?
        var idLocation = start, stampLocation = start
        if let node = YAMLBlock.compose(block.body, firstLine: block.firstLine, path: source.path, into: &report.diagnostics),
           let keys = report.entries(node, specs: Schema.translationFrontMatter, what: "a translation's front matter", owner: start,
                                     extraHelp: Dictionary(uniqueKeysWithValues: Schema.inheritedFrontMatter.map {
                                         ($0, "remove it: a translation inherits `\($0)` from its original")
                                     })) {
            if let entry = keys["learn"], let v = report.int(entry.value, key: "learn", range: Int.min...Int.max), v != Schema.version {
                report.add(.badVersion, at: entry.value.location, "this is lesson format \(Schema.version); `learn: \(v)` is not supported",
                           help: "write `learn: \(Schema.version)`")
            }
            if let entry = keys["id"] {
                id = report.id(entry.value, key: "id")
                idLocation = entry.value.location
            }
            if let entry = keys["lang"], let v = report.text(entry.value, key: "lang") {
                if v != folder {
                    report.add(.badValue, at: entry.value.location, "`lang: \(YNode.clip(v))` differs from the folder's language `\(folder)`",
                               help: "write `lang: \(folder)`, or move the file to a folder named `\(YNode.clip(v))`")
                }
                lang = v
            }
            if let entry = keys["source"] {
                stampLocation = entry.value.location
                if let v = report.text(entry.value, key: "source") {
                    if v.count == Translation.stampLength, v.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) {
                        stamp = v
                    } else {
                        report.add(.badValue, at: entry.value.location,
                                   "`source` must be the first \(Translation.stampLength) hex digits of the original's SHA-256, found `\(YNode.clip(v))`",
                                   help: "write what `sha256sum` prints for the original, cut to \(Translation.stampLength) digits")
                    }
                }
            }
            title = keys["title"].flatMap { report.text($0.value, key: "title") }
            summary = keys["summary"].flatMap { report.text($0.value, key: "summary") }
        }
        let fileName = (source.path as NSString).lastPathComponent
        if let parts = Self.nameParts(fileName) {
            if let given = id, given != parts.id {
                report.add(.idMismatch, at: idLocation, "id `\(given)` does not match the file name's `\(parts.id)`",
                           help: "a translation has its original's file name and id: write `id: \(parts.id)`")
            }
        } else {
            report.add(.fileName, at: start, "translation file name `\(fileName)` is not `NN-id.md`",
                       help: "name it as its original, e.g. `01-kx.md`")
        }
        let drafts = walkPages(split.items, after: block.firstLine + block.body.count, uniquePageIDs: false) { parser, fence, location, context in
            parser.translatedBlock(fence, at: location, context: &context)
        }
        let pages = drafts.map { TranslatedPage(title: $0.title, blocks: $0.blocks, location: $0.location) }
        guard let id, let lang, let stamp, let title, let summary else { return nil }
        return Translation(id: id, language: lang, source: stamp, sourceLocation: stampLocation, title: title,
                           summary: summary, pages: pages, path: source.path)
    }

    /// A translated cell, quiz or hint, or nil (after reporting why).
    private mutating func translatedBlock(_ fence: Splitter.Fence, at location: SourceLocation,
                                          context: inout CellContext) -> TranslatedBlock? {
        if fence.body.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
            report.add(.emptyBlock, at: location, "this `\(fence.info)` block is empty")
            return nil
        }
        if fence.info == "hint" {
            return .hint(fence.body.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if fence.info == "model" {
            context.modelFences += 1
            if context.modelFences > 1 {
                report.add(.oneModelPerPage, at: location, "a page holds at most one model cell",
                           help: "the original's pages decide where cells go")
            }
        }
        guard let node = YAMLBlock.compose(fence.body, firstLine: fence.openLine + 1, path: source.path,
                                           into: &report.diagnostics) else { return nil }
        let block: TranslatedBlock?
        let key: String
        if fence.info == "model" {
            block = translatedCell(node, fence: location).map(TranslatedBlock.cell)
            key = "use"
        } else {
            block = translatedQuiz(node, fence: location, specs: Schema.translatedQuiz, what: "a quiz", id: nil).map(TranslatedBlock.quiz)
            key = "id"
        }
        if case .mapping(let pairs) = node.value, let entry = pairs.first(where: { $0.key.scalar == key }),
           let name = entry.value.scalar, Schema.isValidID(name) {
            if let first = context.ids[name] {
                report.add(.duplicateID, at: entry.value.location, "`\(name)` is already translated by the block at line \(first.line)",
                           help: "each cell and quiz of the original is translated once")
                return nil
            }
            context.ids[name] = entry.value.location
        }
        return block
    }

    /// The pairs of a mapping without the keys that set up a run, each reported.
    private mutating func withoutModelKeys(_ node: YNode, allowed: Set<String>, what: String) -> YNode {
        guard case .mapping(let pairs) = node.value else { return node }
        var kept: [(key: YNode, value: YNode)] = []
        for pair in pairs {
            if let name = pair.key.scalar, !allowed.contains(name), Self.modelKeys.contains(name) || ["goal", "solution"].contains(name) {
                report.add(.translationModelKey, at: pair.key.location,
                           "`\(YNode.clip(name))` in \(what): a translation holds text only; the run is the original's",
                           help: "remove it (change the original, and every translation follows)")
            } else {
                kept.append(pair)
            }
        }
        return YNode(value: .mapping(kept), location: node.location)
    }

    private mutating func translatedCell(_ node: YNode, fence: SourceLocation) -> CellText? {
        let errorsBefore = report.diagnostics.count
        let filtered = withoutModelKeys(node, allowed: ["id"], what: "a translated cell")
        guard let keys = report.entries(filtered, specs: Schema.translatedCell, what: "a translated cell", owner: fence,
                                        extraHelp: ["id": "a translated cell names the original's with `use:` instead"]) else { return nil }
        let use = keys["use"].flatMap { report.id($0.value, key: "use") }
        let predict = keys["predict"].flatMap {
            translatedQuiz($0.value, fence: $0.key.location, specs: Schema.translatedPredict, what: "`predict`", id: use ?? "cell")
        }
        var task: String?
        if let entry = keys["exercise"] {
            let exercise = withoutModelKeys(entry.value, allowed: [], what: "a translated `exercise`")
            if let fields = report.entries(exercise, specs: Schema.translatedExercise, what: "a translated `exercise`", owner: entry.key.location) {
                task = fields["task"].flatMap { report.text($0.value, key: "task") }
            }
        }
        let failed = report.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !failed, let use else { return nil }
        return CellText(use: use, predict: predict, task: task, location: fence)
    }

    private mutating func translatedQuiz(_ node: YNode, fence: SourceLocation, specs: [KeySpec], what: String, id given: String?) -> QuizText? {
        let errorsBefore = report.diagnostics.count
        guard let keys = report.entries(node, specs: specs, what: what, owner: fence) else { return nil }
        let id = given ?? keys["id"].flatMap { report.id($0.value, key: "id") }
        let ask = keys["ask"].flatMap { report.text($0.value, key: "ask") }
        let explain = keys["explain"].flatMap { report.text($0.value, key: "explain") }
        var choices: [String]?
        if let entry = keys["choices"], let items = report.list(entry.value, key: "choices") {
            let texts = items.map { report.text($0, key: "choices") }
            if !texts.contains(nil) { choices = texts.compactMap { $0 } }
        }
        let answerNode = keys["answer"]?.value
        let answer = answerNode.flatMap { report.int($0, key: "answer", range: 1...Schema.quizChoices.upperBound) }
        let failed = report.diagnostics[errorsBefore...].contains { $0.severity == .error }
        guard !failed, let id, let ask, let choices else { return nil }
        return QuizText(id: id, ask: ask, choices: choices, answer: answer, answerLocation: answerNode?.location,
                        explain: explain, location: fence)
    }
}
