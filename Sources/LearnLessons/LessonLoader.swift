import Foundation

/// A lesson file read and checked: the lesson if it has no errors, and every problem.
public struct LoadResult: Sendable {
    public var lesson: Lesson?
    /// Sorted by position; warnings do not stop `lesson` from loading.
    public var diagnostics: [Diagnostic]
    public var path: String
    /// The language of a translation file (`Lessons/zh/NN-id.md`); nil for an original.
    public var language: String? = nil

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A lessons folder read and checked, lessons in course order.
public struct FolderResult: Sendable {
    /// The lessons that loaded without errors, sorted by number.
    public var lessons: [Lesson]
    /// One result per `NN-*.md` file, sorted by number (then name); cross-file problems
    /// (duplicate numbers and ids, `requires` cycles) are added to the file they concern.
    public var files: [LoadResult]
    /// One result per file in the folder's language folders (`zh/NN-id.md`), each checked
    /// against its original; `lesson` is the translated lesson.
    public var translations: [LoadResult] = []

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
    public var hasErrors: Bool { files.contains(where: \.hasErrors) }
}

public enum LessonLoader {
    /// Lesson files larger than this are refused unread.
    public static let maxFileBytes = 8 * 1024 * 1024

    /// Reads and checks one lesson file. Data paths are confined to the file's folder, and
    /// `requires` must name lesson files (`NN-id.md`) in that folder.
    public static func load(file path: String) -> LoadResult {
        if let course = courseFolder(ofTranslation: path) {
            return loadTranslation(path, language: ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent,
                                   original: load(file: (course as NSString).appendingPathComponent((path as NSString).lastPathComponent)))
        }
        let bytes: [UInt8]
        switch read(path) {
        case .refused(let result): return result
        case .bytes(let read): bytes = read
        }
        let folder = (path as NSString).deletingLastPathComponent
        let root = folder.isEmpty ? "." : folder
        return load(bytes: bytes, path: path, root: root, lessonIDs: Set(lessonFiles(in: root).compactMap {
            LessonParser.nameParts(($0 as NSString).lastPathComponent)?.id
        }))
    }

    /// Checks lesson text that is not (or not yet) a file. `root` is the folder data paths
    /// are confined to (nil: data files cannot be used); `lessonIDs`, when given, are the
    /// ids `requires` may name.
    public static func load(text: String, path: String, root: String? = nil, lessonIDs: Set<String>? = nil) -> LoadResult {
        load(bytes: Array(text.utf8), path: path, root: root, lessonIDs: lessonIDs)
    }

    static func load(bytes: [UInt8], path: String, root: String?, lessonIDs: Set<String>?) -> LoadResult {
        parse(bytes: bytes, path: path, root: root, lessonIDs: lessonIDs).result
    }

    /// The `NN-*.md` files of a folder, sorted by number, then name.
    public static func lessonFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            name.hasSuffix(".md") && name.count > 3 && name.prefix(2).allSatisfy { $0.isASCII && $0.isNumber }
                && name.dropFirst(2).first == "-"
        }
        .sorted { ($0.prefix(2), $0) < ($1.prefix(2), $1) }
        .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// Reads every `NN-*.md` lesson of a folder and checks them together.
    public static func loadFolder(_ folder: String) -> FolderResult {
        if isLanguageFolder(folder) {
            let course = (folder as NSString).deletingLastPathComponent
            let originals = loadFolder(course.isEmpty ? "." : course)
            let code = (folder as NSString).lastPathComponent
            return FolderResult(lessons: [], files: [], translations: translations(in: folder, language: code, originals: originals.files))
        }
        let paths = lessonFiles(in: folder)
        let ids = Set(paths.compactMap { LessonParser.nameParts(($0 as NSString).lastPathComponent)?.id })
        var parsed: [(result: LoadResult, requires: [(id: String, location: SourceLocation)])] = paths.map { path in
            switch read(path) {
            case .refused(let result): return (result, [])
            case .bytes(let bytes): return parse(bytes: bytes, path: path, root: folder, lessonIDs: ids)
            }
        }
        CrossChecks.run(&parsed)
        let files = parsed.map(\.result) + misnamedFiles(in: folder)
        let translated = languageFolders(in: folder).flatMap { translations(in: $0.path, language: $0.code, originals: files) }
        return FolderResult(lessons: files.compactMap(\.lesson), files: files, translations: translated)
    }

    enum Read {
        case bytes([UInt8])
        case refused(LoadResult)
    }

    /// A lesson file's bytes, or why they were not read. The size is checked before a byte
    /// is read (a huge file costs nothing), only regular files are opened (a FIFO would
    /// block), and no more than the limit is ever read, even from a file still growing.
    static func read(_ path: String) -> Read {
        let start = SourceLocation(path: path, line: 1, column: 1)
        let refuse = { (rule: Rule, message: String) in Read.refused(LoadResult(lesson: nil, diagnostics: [Diagnostic(rule, at: start, message)], path: path)) }
        var info = stat()
        guard stat(path, &info) == 0 else { return refuse(.missingFile, "cannot read `\(path)`") }
        guard info.st_mode & S_IFMT == S_IFREG else { return refuse(.missingFile, "`\(path)` is not a regular file") }
        guard info.st_size <= maxFileBytes else {
            return refuse(.tooLarge, "the file has \(info.st_size) bytes; a lesson has at most \(maxFileBytes)")
        }
        guard let handle = FileHandle(forReadingAtPath: path),
              let data = try? handle.read(upToCount: maxFileBytes + 1) ?? Data() else {
            return refuse(.missingFile, "cannot read `\(path)`")
        }
        try? handle.close()
        guard data.count <= maxFileBytes else {
            return refuse(.tooLarge, "the file has more than \(maxFileBytes) bytes; a lesson has at most \(maxFileBytes)")
        }
        return .bytes([UInt8](data))
    }

    /// Markdown files of a course folder that are not `NN-id.md` (`README.md` aside): each
    /// would silently drop out of the course, so each is an error naming the right name.
    static func misnamedFiles(in folder: String) -> [LoadResult] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let lessons = Set(lessonFiles(in: folder).map { ($0 as NSString).lastPathComponent })
        return names.filter { name in
            let ext = (name as NSString).pathExtension.lowercased()
            return (ext == "md" || ext == "markdown") && name.lowercased() != "readme.md" && !lessons.contains(name)
        }
        .sorted()
        .map { name in
            let path = (folder as NSString).appendingPathComponent(name)
            let diagnostic = Diagnostic(.fileName, at: SourceLocation(path: path, line: 1, column: 1),
                                        "`\(name)` is not named `NN-id.md`, so it is not part of the course",
                                        help: "rename it to `\(suggestedName(name))`")
            return LoadResult(lesson: nil, diagnostics: [diagnostic], path: path)
        }
    }

    /// `1-Intro.markdown` → `01-intro.md`, `05_x.md` → `05-x.md`, `x.MD` → `01-x.md`.
    static func suggestedName(_ name: String) -> String {
        let stem = (name as NSString).deletingPathExtension
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        let number = Int(digits).map { $0 < 10 ? "0\($0)" : "\($0 % 100)" } ?? "01"
        let words = stem.dropFirst(digits.count).lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return "\(number)-\(words.isEmpty ? "lesson" : words.joined(separator: "-")).md"
    }

    static func parse(bytes: [UInt8], path: String, root: String?,
                      lessonIDs: Set<String>?) -> (result: LoadResult, requires: [(id: String, location: SourceLocation)]) {
        switch SourceText.decode(bytes, path: path) {
        case .failure(let diagnostic):
            return (LoadResult(lesson: nil, diagnostics: [diagnostic], path: path), [])
        case .success(let source):
            var parser = LessonParser(source: source, root: root)
            var (lesson, requires) = parser.parse()
            var report = parser.report
            if let lessonIDs {
                let own = LessonParser.nameParts((path as NSString).lastPathComponent)?.id
                for (id, location) in requires {
                    if id == own {
                        report.add(.requiresCycle, at: location, "the lesson requires itself", help: "remove `\(id)`")
                    } else if !lessonIDs.contains(id) {
                        report.add(.danglingRef, at: location, "no lesson `\(id)` in this folder",
                                   help: Suggest.help(for: id, in: lessonIDs.sorted()))
                    }
                }
            }
            if report.hasErrors { lesson = nil }
            let diagnostics = report.diagnostics.sorted { $0.location < $1.location }.map { Excerpt.attach(to: $0, from: source) }
            return (LoadResult(lesson: lesson, diagnostics: diagnostics, path: path), requires)
        }
    }
}
