/// The `---` block at the top of a lesson.
struct FrontMatter {
    var id: String?
    var idLocation: SourceLocation
    var title: String?
    var summary: String?
    var minutes: Int?
    var draft = false
    /// Each required lesson id with where it is written.
    var requires: [(id: String, location: SourceLocation)] = []
}

struct FrontMatterParser {
    var report: Report

    mutating func parse(_ node: YNode, at start: SourceLocation) -> FrontMatter {
        var fm = FrontMatter(idLocation: start)
        guard let keys = report.entries(node, specs: Schema.frontMatter, what: "the front matter", owner: start) else { return fm }
        if let entry = keys["learn"], let v = report.int(entry.value, key: "learn", range: Int.min...Int.max), v != Schema.version {
            report.add(.badVersion, at: entry.value.location, "this is lesson format \(Schema.version); `learn: \(v)` is not supported",
                       help: "write `learn: \(Schema.version)`")
        }
        if let entry = keys["id"] {
            fm.id = report.id(entry.value, key: "id")
            fm.idLocation = entry.value.location
        }
        fm.title = keys["title"].flatMap { report.text($0.value, key: "title") }
        fm.summary = keys["summary"].flatMap { report.text($0.value, key: "summary") }
        fm.draft = keys["draft"].flatMap { report.bool($0.value, key: "draft") } ?? false
        fm.minutes = keys["minutes"].flatMap { report.int($0.value, key: "minutes", range: Schema.minutes) }
        if let entry = keys["requires"], let items = report.list(entry.value, key: "requires") {
            for item in items {
                guard let id = report.id(item, key: "requires") else { continue }
                if fm.requires.contains(where: { $0.id == id }) {
                    report.add(.duplicateID, at: item.location, "`\(id)` is required twice")
                } else {
                    fm.requires.append((id, item.location))
                }
            }
        }
        return fm
    }
}
