import Foundation

/// `learn lint`: checks lesson files and folders without training anything.
public enum Linter {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    /// Exit status: every lesson valid (warnings allowed).
    public static let exitClean: Int32 = 0
    /// Exit status: an invalid lesson, a path that does not exist, or no lessons at all.
    public static let exitInvalid: Int32 = 2

    /// Lints files and folders (a folder: all its `NN-*.md`, checked together).
    public static func run(paths: [String], format: Format) -> (output: String, exitCode: Int32) {
        var results: [LoadResult] = []
        var emptyFolders: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // A diagnostic like any other: counted in the summary, listed in JSON.
                let missing = Diagnostic(.missingFile, at: SourceLocation(path: path, line: 1, column: 1), "no such file or folder")
                results.append(LoadResult(lesson: nil, diagnostics: [missing], path: path))
                continue
            }
            if isDirectory.boolValue {
                let folder = LessonLoader.loadFolder(path)
                if folder.files.isEmpty { emptyFolders.append(path) }
                results += folder.files + folder.translations
            } else {
                results.append(LessonLoader.load(file: path))
            }
        }
        let diagnostics = results.flatMap(\.diagnostics)
        let failed = diagnostics.contains { $0.severity == .error } || results.isEmpty
        let exitCode = failed ? exitInvalid : exitClean
        switch format {
        case .json:
            let unread = emptyFolders.map {
                Diagnostic(.missingFile, at: SourceLocation(path: $0, line: 1, column: 1), "no lesson files (NN-id.md) in this folder")
            }
            return (DiagnosticFormatter.json(diagnostics + unread, files: results.count), exitCode)
        case .text:
            var out = diagnostics.map(DiagnosticFormatter.text).joined(separator: "\n")
            if !out.isEmpty { out += "\n" }
            for path in emptyFolders { out += "error: no lesson files (NN-id.md) in \(path)\n" }
            if paths.isEmpty || (results.isEmpty && emptyFolders.isEmpty) {
                out += "error: no lesson files found\n"
            }
            out += DiagnosticFormatter.summary(files: results.count, diagnostics: diagnostics) + "\n"
            return (out, exitCode)
        }
    }
}
