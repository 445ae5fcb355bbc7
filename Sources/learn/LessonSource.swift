import ArgumentParser
import LearnNotebook
import Foundation
import LearnLessons

/// Finding and loading the lessons every command works on.
enum LessonSource {
    /// The lessons that ship with this binary: beside it (`Lessons/`), in its prefix's
    /// share folder (`PREFIX/bin/learn` → `PREFIX/share/learn/Lessons`, where
    /// `scripts/install.sh` puts them), else the repository it was built from, found from
    /// this source file's location — so `learn` works from any directory.
    static var shipped: String? {
        candidates.first(where: LessonsLocator.isDirectory)
    }

    static var candidates: [String] {
        var folders: [String] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let bin = executable.deletingLastPathComponent()
            folders.append(bin.appendingPathComponent("Lessons").path)
            folders.append(bin.deletingLastPathComponent().appendingPathComponent("share/learn/Lessons").path)
        }
        folders.append(sourceTree.appendingPathComponent("Lessons").path)
        return folders
    }

    /// The repository this binary was built from.
    static var sourceTree: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The lessons folder: `--lessons`, `LEARN_LESSONS`, `./Lessons`, then the shipped one.
    static func folder(_ options: GlobalOptions) throws -> String {
        let found = LessonsLocator.resolve(explicit: options.lessons,
                                           environment: ProcessInfo.processInfo.environment,
                                           currentDirectory: FileManager.default.currentDirectoryPath,
                                           fallback: shipped)
        guard let found else {
            throw Failure(code: 2, message: "no lessons folder found: pass --lessons DIR or set LEARN_LESSONS")
        }
        return found
    }

    /// Lesson files and folders read and checked.
    struct Loaded {
        /// The lessons that loaded, drafts left out unless asked for, in course order.
        var lessons: [Lesson]
        /// One stand-in per file with errors (a page of its diagnostics).
        var standIns: [Lesson]
        /// Every error, in file order.
        var errors: [Diagnostic]
        var searched: [String]
    }

    /// Reads files and folders; a path that does not exist ends the command (exit 2), a
    /// lesson with errors does not: it comes back as `errors` and a stand-in. In a
    /// `language`, each lesson with a translation that loaded is the translated lesson; a
    /// translation with errors is reported in `errors`, and its lesson stays the original.
    static func gather(_ paths: [String], drafts: Bool, language: String?) throws -> Loaded {
        var loaded = Loaded(lessons: [], standIns: [], errors: [], searched: paths)
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Failure(code: 2, message: "\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let folder = LessonLoader.loadFolder(path)
                let translated = Dictionary(folder.lessons(language: language).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
                for result in folder.files {
                    if let lesson = result.lesson.map({ translated[$0.path] ?? $0 }), drafts || !lesson.draft { loaded.lessons.append(lesson) }
                    if let standIn = result.standIn { loaded.standIns.append(standIn) }
                    loaded.errors += result.diagnostics.filter { $0.severity == .error }
                }
                for result in folder.translations where result.language == language {
                    loaded.errors += result.diagnostics.filter { $0.severity == .error }
                }
            } else {
                let result = LessonLoader.load(file: path)
                if let lesson = result.lesson, drafts || !lesson.draft { loaded.lessons.append(lesson) }
                if let standIn = result.standIn { loaded.standIns.append(standIn) }
                loaded.errors += result.diagnostics.filter { $0.severity == .error }
            }
        }
        loaded.lessons.sort { $0.number < $1.number }
        return loaded
    }

    /// The course a command shows (`list`, `render`, `trace`, the notebook) and, when
    /// `lesson` is given, which of its lessons. `lesson` is a number, id or file name in
    /// the lessons folder, or a path to a lesson file (`Lessons/05-mlp.md`), which selects
    /// that file's folder as the course; a path to a folder selects that folder. A file with
    /// errors stands in the course as a page of its diagnostics; drafts are left out unless
    /// named by path.
    /// The folder a course was read from: progress is kept per course.
    static func courseFolder(of lessons: [Lesson]) -> String {
        (lessons[0].path as NSString).deletingLastPathComponent
    }

    static func course(_ options: GlobalOptions, lesson: String? = nil) throws -> (lessons: [Lesson], index: Int?) {
        var folder = try folder(options)
        var file: String?
        var language = options.language
        if let lesson, looksLikePath(lesson) {
            let absolute = LessonsLocator.absolute(lesson, in: FileManager.default.currentDirectoryPath)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                throw Failure(code: 2, message: "\(lesson): no such file or folder")
            }
            if isDirectory.boolValue { folder = absolute } else {
                folder = (absolute as NSString).deletingLastPathComponent
                file = absolute
            }
            // A translation (`Lessons/zh/01-kx.md`) opens its course in its language.
            if LessonLoader.isLanguageFolder(folder) {
                let course = (folder as NSString).deletingLastPathComponent
                language = (folder as NSString).lastPathComponent
                folder = course
                file = file.map { (course as NSString).appendingPathComponent(($0 as NSString).lastPathComponent) }
            }
        }
        let loaded = try gather([folder], drafts: true, language: language)
        let lessons = (loaded.lessons.filter { !$0.draft || $0.path == file } + loaded.standIns).sorted { ($0.number, $0.path) < ($1.number, $1.path) }
        guard !lessons.isEmpty else { throw Failure(code: 2, message: "no lessons found in \(folder)") }
        if let file {
            guard let i = lessons.firstIndex(where: { $0.path == file }) else {
                throw Failure(code: 2, message: "\(file) is not a lesson of \(folder): lesson files are named `NN-id.md`")
            }
            return (lessons, i)
        }
        guard let lesson, !looksLikePath(lesson) else { return (lessons, nil) }
        return (lessons, try find(lesson, in: lessons))
    }

    /// The interface's language: `--lang`, `LEARN_LANG` or the locale, else the language of
    /// a translation named by path (`learn Lessons/zh/01-kx.md`).
    static func interfaceLanguage(_ options: GlobalOptions, course lessons: [Lesson]) -> String? {
        options.language ?? lessons.lazy.compactMap(\.language).first
    }

    /// A lesson argument meant as a path rather than a number, id or file name.
    static func looksLikePath(_ s: String) -> Bool {
        s.contains("/") || s.hasSuffix(".md") || s.hasSuffix(".markdown") || s == "." || s == ".."
    }

    /// The lessons of the folder in use, for commands that need every lesson valid (`bench`):
    /// any error ends the command with the diagnostics and exit code 2.
    static func load(_ options: GlobalOptions) throws -> [Lesson] {
        let loaded = try gather([folder(options)], drafts: false, language: options.language)
        if !loaded.errors.isEmpty {
            throw Failure(code: 2, message: loaded.errors.map(DiagnosticFormatter.text).joined(separator: "\n")
                          + "\n\(loaded.errors.count) error\(loaded.errors.count == 1 ? "" : "s"): fix the lessons (learn lint shows every problem)")
        }
        guard !loaded.lessons.isEmpty else { throw Failure(code: 2, message: "no lessons found in \(loaded.searched.joined(separator: ", "))") }
        return loaded.lessons
    }

    /// A lesson by number (`5`, `05`), id (`perceptron`) or file name (`04-perceptron`).
    static func find(_ name: String, in lessons: [Lesson]) throws -> Int {
        if let n = Int(name), let i = lessons.firstIndex(where: { $0.number == n }) { return i }
        if let i = lessons.firstIndex(where: { $0.id == name || Check.lessonName($0) == name }) { return i }
        let known = lessons.map { Check.lessonName($0) }.joined(separator: ", ")
        throw Failure(code: 2, message: "no lesson '\(name)'; the lessons are: \(known)")
    }
}

/// An error that ends a command with a message on stderr and an exit code.
struct Failure: Error {
    let code: Int32
    let message: String
}
