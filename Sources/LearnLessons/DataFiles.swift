import Foundation
import LearnModels

/// Reads a cell's text corpus, keeping it inside the lessons folder: absolute paths,
/// `..` that climbs out, and symlinks that resolve outside are refused before any read.
enum DataFiles {
    struct Problem: Error {
        var rule: Rule
        var message: String
        var help: String?
    }

    /// Whether a `data:` value is meant as a file path rather than a dataset name.
    static func looksLikePath(_ s: String) -> Bool {
        s.contains("/") || s.contains(".") || s.hasPrefix("~")
    }

    static func read(_ relative: String, root: String) -> Result<String, Problem> {
        if relative.hasPrefix("/") || relative.hasPrefix("~") || relative.contains("\\") {
            return .failure(Problem(rule: .pathEscape, message: "data path `\(relative)` is not inside the lessons folder",
                                    help: "write a path relative to the lessons folder, e.g. `data/names.txt`"))
        }
        var parts: [Substring] = []
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else {
                    return .failure(Problem(rule: .pathEscape, message: "data path `\(relative)` climbs out of the lessons folder",
                                            help: "keep data files under the lessons folder, e.g. `data/names.txt`"))
                }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
        let fileURL = rootURL.appendingPathComponent(parts.joined(separator: "/"))
        var isDirectory: ObjCBool = false
        guard !parts.isEmpty, FileManager.default.fileExists(atPath: fileURL.path, isDirectory: &isDirectory) else {
            return .failure(Problem(rule: .missingFile, message: "data file `\(relative)` does not exist",
                                    help: "paths are relative to the lessons folder (\(rootURL.path))"))
        }
        let resolved = fileURL.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/") else {
            return .failure(Problem(rule: .pathEscape, message: "data path `\(relative)` resolves outside the lessons folder (symlink)",
                                    help: "copy the file into the lessons folder instead of linking it"))
        }
        guard !isDirectory.boolValue else {
            return .failure(Problem(rule: .missingFile, message: "data path `\(relative)` is a folder, not a file"))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: resolved)[.size] as? Int) ?? nil
        if let size, !Limits.textBytes.contains(size) {
            return .failure(Problem(rule: .badDataFile,
                                    message: "data file `\(relative)` has \(size) bytes; a corpus has \(Schema.text(Limits.textBytes))"))
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            return .failure(Problem(rule: .missingFile, message: "data file `\(relative)` cannot be read"))
        }
        let bytes = LineEndings.normalize([UInt8](data))
        guard Limits.textBytes.contains(bytes.count) else {
            return .failure(Problem(rule: .badDataFile,
                                    message: "data file `\(relative)` has \(bytes.count) bytes; a corpus has \(Schema.text(Limits.textBytes))"))
        }
        guard !bytes.contains(0), SourceText.firstInvalidUTF8(bytes) == nil else {
            return .failure(Problem(rule: .badDataFile, message: "data file `\(relative)` is not UTF-8 text",
                                    help: "save it as UTF-8"))
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}
