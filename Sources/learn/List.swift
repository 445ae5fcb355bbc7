import ArgumentParser
import Foundation
import LearnLessons
import LearnNotebook
import LearnRender

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the lessons with your progress.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting {
            let lessons = try LessonSource.course(global).lessons
            let language = LessonSource.interfaceLanguage(global, course: lessons)
            let say = { (english: String, values: [String]) in Strings.text(english, language: language, values) }
            let titleWidth = max(42, (lessons.map { DisplayWidth.of($0.title) }.max() ?? 0) + 1)
            let (progress, warning) = ProgressStore(course: LessonSource.courseFolder(of: lessons)).load()
            if let warning { output("note: \(warning)\n") }
            for lesson in lessons {
                let number = lesson.number < 10 ? "0\(lesson.number)" : "\(lesson.number)"
                let mark = progress.finished.contains(lesson.id) ? "✓" : progress.lesson == lesson.id ? ">" : " "
                let quizzes = lesson.pages.flatMap(\.blocks).compactMap { block -> Quiz? in
                    if case .quiz(let q) = block { q } else { nil }
                }
                // A first answer that was right; a wrong one can be tried again, but counts as it was.
                let right = quizzes.filter { progress.answers["\(lesson.id)/\($0.id)"] == $0.answer }.count
                let exercises = lesson.modelCells.filter { $0.exercise != nil }
                let solved = exercises.filter { progress.solved.contains("\(lesson.id)/\($0.id)") }.count
                // A lesson not (yet) translated says so, quietly, at the end of its line.
                // A translation that did not load (lint shows why) is not "not translated".
                let untranslated = language.flatMap { code in
                    lesson.language == nil && lesson.problems.isEmpty ? code : nil
                }.map { code in
                    let translation = ((lesson.path as NSString).deletingLastPathComponent as NSString)
                        .appendingPathComponent("\(code)/\((lesson.path as NSString).lastPathComponent)")
                    return FileManager.default.fileExists(atPath: translation)
                        ? say("(in English: its translation has errors, see learn lint)", []) : say("(in English: not translated yet)", [])
                }
                output("\(mark) \(number)  \(lesson.title + String(repeating: " ", count: max(0, titleWidth - DisplayWidth.of(lesson.title)))) "
                       + say("%@ min", ["\(lesson.minutes)"]) + "  " + say("%@/%@ questions right", ["\(right)", "\(quizzes.count)"])
                       + (exercises.isEmpty ? "" : "  " + say("%@/%@ exercises", ["\(solved)", "\(exercises.count)"]))
                       + (untranslated.map { "  " + $0 } ?? "") + "\n")
            }
        }
    }
}
