import Foundation

extension LoadResult {
    /// What the course shows in place of a lesson file with errors: one page listing them
    /// (`file:line:col: error[rule]: …`), so one broken file never hides the others and
    /// its author sees why it did not load. Nil for a file that loaded.
    public var standIn: Lesson? {
        guard lesson == nil, hasErrors else { return nil }
        let name = (path as NSString).lastPathComponent
        let parts = LessonParser.nameParts(name)
        let stem = (name as NSString).deletingPathExtension
        let errors = diagnostics.filter { $0.severity == .error }
        let listing = diagnostics.map(DiagnosticFormatter.text).joined(separator: "\n")
        let page = Page(id: "errors", title: "\(name) did not load",
                        blocks: [.prose("This lesson file has \(errors.count) error\(errors.count == 1 ? "" : "s"); `learn lint` shows the same list."),
                                 .prose("```\n\(listing)```")],
                        location: SourceLocation(path: path, line: 1, column: 1))
        return Lesson(number: parts?.number ?? Int(stem.prefix { $0.isNumber }) ?? 99, id: parts?.id ?? stem,
                      title: "\(name) has errors", summary: errors.first?.message ?? "", minutes: 1,
                      requires: [], pages: [page], path: path, problems: diagnostics)
    }
}
