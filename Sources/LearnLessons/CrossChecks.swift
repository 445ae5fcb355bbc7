import Foundation

/// Checks across the lessons of one folder: duplicate numbers, duplicate ids, and
/// `requires` cycles (a lesson cannot come before itself).
enum CrossChecks {
    typealias Parsed = (result: LoadResult, requires: [(id: String, location: SourceLocation)])

    static func run(_ files: inout [Parsed]) {
        var extra = [[Diagnostic]](repeating: [], count: files.count)
        var numbers: [Int: Int] = [:]
        var ids: [String: Int] = [:]
        for (i, file) in files.enumerated() {
            let name = (file.result.path as NSString).lastPathComponent
            let start = SourceLocation(path: file.result.path, line: 1, column: 1)
            guard let parts = LessonParser.nameParts(name) else { continue }
            if let first = numbers[parts.number] {
                extra[i].append(Diagnostic(.duplicateNumber, at: start, "lesson number \(String(format: "%02d", parts.number)) is also used by `\(fileName(files[first]))`",
                                           help: "give each lesson its own number"))
            } else {
                numbers[parts.number] = i
            }
            if let first = ids[parts.id] {
                extra[i].append(Diagnostic(.duplicateID, at: start, "lesson id `\(parts.id)` is also used by `\(fileName(files[first]))`"))
            } else {
                ids[parts.id] = i
            }
        }
        // Cycles: depth-first search over requires edges; each cycle is reported once, at
        // the edge that closes it.
        var state = [Int](repeating: 0, count: files.count)  // 0 new, 1 on the path, 2 done
        func visit(_ i: Int) {
            state[i] = 1
            for (id, location) in files[i].requires {
                guard let j = ids[id], j != i else { continue }
                if state[j] == 1 {
                    extra[i].append(Diagnostic(.requiresCycle, at: location,
                                               "`\(id)` requires this lesson back, directly or through others: a cycle",
                                               help: "remove one of the `requires` entries"))
                } else if state[j] == 0 {
                    visit(j)
                }
            }
            state[i] = 2
        }
        for i in files.indices where state[i] == 0 { visit(i) }
        for i in files.indices where !extra[i].isEmpty {
            var r = files[i].result
            let data = FileManager.default.contents(atPath: r.path).map { [UInt8]($0) } ?? []
            let added: [Diagnostic]
            if case .success(let source) = SourceText.decode(data, path: r.path) {
                added = extra[i].map { Excerpt.attach(to: $0, from: source) }
            } else {
                added = extra[i]
            }
            r.diagnostics = (r.diagnostics + added).sorted { $0.location < $1.location }
            if r.hasErrors { r.lesson = nil }
            files[i].result = r
        }
    }

    private static func fileName(_ file: Parsed) -> String {
        (file.result.path as NSString).lastPathComponent
    }
}
