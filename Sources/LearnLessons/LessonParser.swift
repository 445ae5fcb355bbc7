import Foundation

/// Turns one lesson file's text into a ``Lesson`` and every problem found in it.
struct LessonParser {
    /// The cell kinds a fence may name.
    static let cellKinds = ["model", "quiz", "hint"]

    let source: SourceText
    /// The lessons folder (for data files); nil when parsing text with no folder.
    let root: String?
    var report = Report()

    init(source: SourceText, root: String?) {
        self.source = source
        self.root = root
    }

    /// `NN-id.md` → (NN, id).
    static func nameParts(_ fileName: String) -> (number: Int, id: String)? {
        guard fileName.hasSuffix(".md") else { return nil }
        let stem = fileName.dropLast(3)
        let digits = stem.prefix(2)
        guard digits.count == 2, digits.allSatisfy(\.isASCII), let number = Int(digits),
              stem.dropFirst(2).first == "-" else { return nil }
        let id = String(stem.dropFirst(3))
        return Schema.isValidID(id) ? (number, id) : nil
    }

    /// Parses the file; the front matter's `requires` come back with their locations for
    /// the loader's cross-file checks.
    mutating func parse() -> (lesson: Lesson?, requires: [(id: String, location: SourceLocation)]) {
        let split = Splitter(source)
        report.diagnostics += split.diagnostics + LookAlikes.find(split.items, in: source)
        let start = source.location(line: 1)
        let hasStructure = split.items.contains {
            switch $0 {
            case .heading: true
            case .fence(let f): Self.cellKinds.contains(f.info)
            case .text: false
            }
        }
        if split.frontMatter == nil, split.diagnostics.isEmpty {
            guard hasStructure else {
                report.add(.notALesson, at: start, "this file is not a lesson: no front matter, no `## ` pages, no cells",
                           help: "a lesson starts with `---`, `learn: 1`, `id: …`, `title: …`, `summary: …`, `minutes: …`, `---`")
                return (nil, [])
            }
            report.add(.frontMatter, at: start, "the lesson has no front matter",
                       help: "start the file with `---`, `learn: 1`, `id: …`, `title: …`, `summary: …`, `minutes: …`, `---`")
        }
        var fm = FrontMatter(idLocation: start)
        if let block = split.frontMatter {
            if let node = YAMLBlock.compose(block.body, firstLine: block.firstLine, path: source.path, into: &report.diagnostics) {
                var parser = FrontMatterParser(report: report)
                fm = parser.parse(node, at: start)
                report = parser.report
            } else if !block.body.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
                report.add(.frontMatter, at: start, "the front matter is empty",
                           help: "fill in `learn: 1`, `id`, `title`, `summary`, `minutes`")
            }
        }
        let fileName = (source.path as NSString).lastPathComponent
        let parts = Self.nameParts(fileName)
        if parts == nil {
            report.add(.fileName, at: start, "lesson file name `\(fileName)` is not `NN-id.md`",
                       help: fm.id.map { "rename it to e.g. `01-\($0).md`" } ?? "name it e.g. `01-my-lesson.md`")
        } else if let id = fm.id, let parts, parts.id != id {
            report.add(.idMismatch, at: fm.idLocation, "id `\(id)` does not match the file name's `\(parts.id)`",
                       help: "write `id: \(parts.id)` or rename the file to `\(String(format: "%02d", parts.number))-\(id).md`")
        }
        let pages = parsePages(split.items, after: split.frontMatter.map { $0.firstLine + $0.body.count } ?? 0)
        guard !report.hasErrors, let parts, let id = fm.id, let title = fm.title, let summary = fm.summary,
              let minutes = fm.minutes else { return (nil, fm.requires) }
        let lesson = Lesson(number: parts.number, id: id, title: title, summary: summary, minutes: minutes,
                            requires: fm.requires.map(\.id), pages: pages, path: source.path, draft: fm.draft)
        return (lesson, fm.requires)
    }
}
