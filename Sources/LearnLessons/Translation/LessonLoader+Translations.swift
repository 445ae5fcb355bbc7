import Foundation

/// Translations beside a course: each language folder (`Lessons/zh/`) holds lesson files
/// named as their originals (`Lessons/zh/01-kx.md` translates `Lessons/01-kx.md`).
extension LessonLoader {
    /// A language code as a folder name: `zh`, `pt-BR`, `zh-Hant`.
    public static func isLanguageCode(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
        }
    }

    /// The language folders of a course folder: named by a language code, holding lesson
    /// files. Any other folder (`data/`) is not one.
    public static func languageFolders(in folder: String) -> [(code: String, path: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { name in
            let path = (folder as NSString).appendingPathComponent(name)
            guard isLanguageCode(name), LessonsLocator.isDirectory(path), !lessonFiles(in: path).isEmpty else { return nil }
            return (name, path)
        }
    }

    /// Whether `folder` is a language folder of the course folder above it.
    public static func isLanguageFolder(_ folder: String) -> Bool {
        let standard = (folder as NSString).standardizingPath
        let parent = (standard as NSString).deletingLastPathComponent
        return isLanguageCode((standard as NSString).lastPathComponent) && !lessonFiles(in: parent.isEmpty ? "." : parent).isEmpty
    }

    /// The course folder a translation file belongs to, or nil for a file that is not in a
    /// language folder.
    public static func courseFolder(ofTranslation path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty, isLanguageFolder(folder) else { return nil }
        let parent = ((folder as NSString).standardizingPath as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// Every lesson file of one language folder, checked against the originals.
    static func translations(in folder: String, language: String, originals: [LoadResult]) -> [LoadResult] {
        let byName = Dictionary(originals.map { (($0.path as NSString).lastPathComponent, $0) }, uniquingKeysWith: { a, _ in a })
        let names = Array(byName.keys).filter { LessonParser.nameParts($0) != nil }.sorted()
        return lessonFiles(in: folder).map { path in
            let name = (path as NSString).lastPathComponent
            guard let original = byName[name] else {
                let help = Suggest.closest(to: name, in: names).map { "rename it to `\($0)`, its original's name" }
                    ?? "a translation has its original's file name; the originals are: \(names.joined(separator: ", "))"
                let missing = Diagnostic(.noOriginal, at: SourceLocation(path: path, line: 1, column: 1),
                                         "no original `\(name)` beside the `\(language)` folder", help: help)
                return LoadResult(lesson: nil, diagnostics: [missing], path: path, language: language)
            }
            return loadTranslation(path, language: language, original: original)
        } + misnamedFiles(in: folder).map { var r = $0; r.language = language; return r }
    }

    /// One translation file read and checked against its original.
    static func loadTranslation(_ path: String, language: String, original: LoadResult) -> LoadResult {
        let bytes: [UInt8]
        switch read(path) {
        case .refused(var result): result.language = language; return result
        case .bytes(let read): bytes = read
        }
        switch SourceText.decode(bytes, path: path) {
        case .failure(let diagnostic):
            return LoadResult(lesson: nil, diagnostics: [diagnostic], path: path, language: language)
        case .success(let source):
            var parser = LessonParser(source: source, root: nil)
            let translation = parser.parseTranslation(language: language)
            var report = parser.report
            var lesson: Lesson?
            if let lessonOriginal = original.lesson, case .bytes(let originalBytes) = read(original.path) {
                if let translation, !report.hasErrors {
                    var check = TranslationCheck(translation: translation, original: lessonOriginal,
                                                 stamp: Translation.stamp(of: originalBytes), report: report)
                    lesson = check.run()
                    report = check.report
                }
            } else {
                let name = (original.path as NSString).lastPathComponent
                let count = original.diagnostics.filter { $0.severity == .error }.count
                report.add(.noOriginal, at: source.location(line: 1),
                           "the original `\(name)` did not load (\(count) error\(count == 1 ? "" : "s")): this translation cannot be checked against it",
                           help: "run `learn lint \(original.path)` and fix the original first")
            }
            if report.hasErrors { lesson = nil }
            let diagnostics = report.diagnostics.sorted { $0.location < $1.location }.map { Excerpt.attach(to: $0, from: source) }
            return LoadResult(lesson: lesson, diagnostics: diagnostics, path: path, language: language)
        }
    }
}

extension FolderResult {
    /// The course in a language: each lesson replaced by its translation where one loaded
    /// without errors, else the original (English). `nil` or a language with no folder:
    /// the originals.
    public func lessons(language: String?) -> [Lesson] {
        guard let language else { return lessons }
        let translated = Dictionary(translations.filter { $0.language == language }.compactMap(\.lesson).map { ($0.id, $0) },
                                    uniquingKeysWith: { a, _ in a })
        return lessons.map { translated[$0.id] ?? $0 }
    }

    /// Every language with a folder beside the course.
    public var languages: [String] {
        Array(Set(translations.compactMap(\.language))).sorted()
    }
}
