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

    /// Loads every lesson of the folder; invalid lessons end the command with their
    /// diagnostics and exit code 2.
    static func load(_ options: GlobalOptions) throws -> [Lesson] {
        try load(paths: [folder(options)])
    }

    static func load(paths: [String]) throws -> [Lesson] {
        var lessons: [Lesson] = []
        var problems: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Failure(code: 2, message: "\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let result = LessonLoader.loadFolder(path)
                lessons += result.lessons
                problems += result.diagnostics
            } else {
                let result = LessonLoader.load(file: path)
                if let lesson = result.lesson { lessons.append(lesson) }
                problems += result.diagnostics
            }
        }
        let errors = problems.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw Failure(code: 2, message: errors.map(DiagnosticFormatter.text).joined(separator: "\n")
                          + "\n\(errors.count) error\(errors.count == 1 ? "" : "s"): fix the lessons (learn lint shows every problem)")
        }
        guard !lessons.isEmpty else { throw Failure(code: 2, message: "no lessons found in \(paths.joined(separator: ", "))") }
        return lessons.sorted { $0.number < $1.number }
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
