import ArgumentParser
import Foundation
import LearnNotebook

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the lessons with your progress.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting {
            let lessons = try LessonSource.course(global).lessons
            let (progress, warning) = ProgressStore(course: LessonSource.courseFolder(of: lessons)).load()
            if let warning { output("note: \(warning)\n") }
            for lesson in lessons {
                let number = lesson.number < 10 ? "0\(lesson.number)" : "\(lesson.number)"
                let mark = progress.finished.contains(lesson.id) ? "✓" : progress.lesson == lesson.id ? ">" : " "
                let quizzes = lesson.pages.flatMap(\.blocks).compactMap { block -> String? in
                    if case .quiz(let q) = block { return "\(lesson.id)/\(q.id)" } else { return nil }
                }
                let answered = quizzes.filter { progress.answers[$0] != nil }.count
                output("\(mark) \(number)  \(lesson.title.padding(toLength: 42, withPad: " ", startingAt: 0)) "
                       + "\(lesson.minutes) min  \(answered)/\(quizzes.count) questions\n")
            }
        }
    }
}
