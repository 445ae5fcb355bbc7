import Foundation

/// What `learn --version` prints: the release, and the commit the binary was built from
/// when that is known — recorded by `scripts/install.sh` beside the installed lessons
/// (`share/learn/commit`), or read from the git checkout the binary was built in.
enum BuildInfo {
    static let release = "0.1.0"

    static var version: String {
        commit.map { "\(release) (commit \($0))" } ?? release
    }

    static var commit: String? {
        for folder in LessonSource.candidates.map({ URL(fileURLWithPath: $0).deletingLastPathComponent() }) {
            if let recorded = read(folder.appendingPathComponent("commit")) { return recorded }
        }
        return checkoutCommit(LessonSource.sourceTree)
    }

    /// The commit `HEAD` names in a checkout, read from `.git` without running git.
    static func checkoutCommit(_ tree: URL) -> String? {
        var git = tree.appendingPathComponent(".git")
        // A worktree's `.git` is a file: `gitdir: /path/to/the/git/dir`.
        if let pointer = read(git), pointer.hasPrefix("gitdir: ") {
            git = URL(fileURLWithPath: String(pointer.dropFirst("gitdir: ".count)), relativeTo: tree).standardizedFileURL
        }
        guard let head = read(git.appendingPathComponent("HEAD")) else { return nil }
        guard head.hasPrefix("ref: ") else { return String(head.prefix(12)) }
        let ref = String(head.dropFirst("ref: ".count))
        // A worktree keeps its HEAD but shares the refs of the main git dir.
        let common = read(git.appendingPathComponent("commondir"))
            .map { URL(fileURLWithPath: $0, relativeTo: git.appendingPathComponent("x")).standardizedFileURL } ?? git
        for dir in [git, common] {
            if let id = read(dir.appendingPathComponent(ref)) { return String(id.prefix(12)) }
            let packed = read(dir.appendingPathComponent("packed-refs")) ?? ""
            if let line = packed.split(separator: "\n").first(where: { $0.hasSuffix(" " + ref) }) {
                return String(line.prefix(12))
            }
        }
        return nil
    }

    private static func read(_ url: URL) -> String? {
        (try? String(contentsOf: url, encoding: .utf8)).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .flatMap { $0.isEmpty ? nil : $0 }
    }
}
