import ArgumentParser
import Foundation
import LearnLessons
import LearnNotebook

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint, then build and train every model cell headless and test its expect lines.",
        discussion: """
            Every cell is built and trained to its steps, expectations or not: a cell that cannot \
            be built, runs past --cell-timeout, or diverges (unless an expect line says \
            `diverged == 1`) fails; a cell with no expect lines passes with a warning. \
            One line per check, in lesson order as cells finish, then `N passed, N failed`. \
            Lint errors are reported as failed checks too, so --format json and --junit always \
            produce a report. --format json prints JSON Lines, as `learn lint --format json`: \
            one object per check, then one summary object. \
            Exit status: 0 all passed, 1 a check failed, 2 invalid lessons or none found, 3 internal error.
            """)

    @Argument(help: "Lesson files or folders (default: the lessons folder in use).")
    var paths: [String] = []

    @Option(help: "Output format: text, or json (JSON Lines).")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Also write JUnit XML to this file (written even when lint fails).", valueName: "file"))
    var junit: String?

    @Option(help: ArgumentHelp("Check only the cell with this id.", valueName: "id"))
    var cell: String?

    @Option(name: .customLong("cell-timeout"), help: ArgumentHelp("Seconds one cell run may train before it fails.", valueName: "seconds"))
    var cellTimeout: Double = Check.defaultTimeout

    @Flag(help: "Check lessons marked `draft: true` too.")
    var drafts = false

    @Flag(help: "Stop starting new cells after the first failure.")
    var failFast = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard cellTimeout > 0 else { throw ValidationError("--cell-timeout must be above 0") }
    }

    func run() throws {
        try reporting {
            let loaded = try LessonSource.gather(paths.isEmpty ? [LessonSource.folder(global)] : paths, drafts: drafts, language: global.language)
            var lessons = loaded.lessons
            if let cell {
                lessons = lessons.compactMap { lesson in
                    var kept = lesson
                    kept.pages = lesson.pages.filter { $0.modelCell?.id == cell }
                    return kept.pages.isEmpty ? nil : kept
                }
                if lessons.isEmpty, loaded.errors.isEmpty {
                    let ids = loaded.lessons.flatMap(\.modelCells).map(\.id).joined(separator: ", ")
                    throw Failure(code: 2, message: "no cell '\(cell)'; the cells are: \(ids)")
                }
            }
            if !loaded.errors.isEmpty {
                StandardStreams.err(ControlCharacters.escaped(loaded.errors.map(DiagnosticFormatter.text).joined(separator: "\n") + "\n"))
            }
            if lessons.isEmpty, loaded.errors.isEmpty {
                throw Failure(code: 2, message: "no lessons found in \(loaded.searched.joined(separator: ", "))")
            }
            let showProgress = isatty(STDERR_FILENO) == 1
            let streaming = format == .text
            let started = DispatchTime.now().uptimeNanoseconds
            let lint = Check.lintFailures(loaded.errors)
            if streaming { output(lint.map { Check.Report.line($0) + "\n" }.joined()) }
            var report = Check.run(lessons, seed: global.seed, failFast: failFast, timeout: cellTimeout, finished: { outcomes in
                guard streaming else { return }
                if showProgress { StandardStreams.err("\r\u{1B}[K") }
                output(outcomes.map { Check.Report.line($0) + "\n" }.joined())
            }, progress: { done, total in
                if showProgress { StandardStreams.err("\r\u{1B}[Kchecking: \(done)/\(total) cells") }
            })
            if showProgress { StandardStreams.err("\r\u{1B}[K") }
            report.outcomes = lint + report.outcomes
            if streaming { output(report.summary + "\n") } else { outputJSON(report.json) }
            if let junit {
                if let problem = ReportFile.write(report.junit, to: junit) {
                    throw Failure(code: 3, message: "cannot write \(junit): \(problem)")
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let count = lessons.count
            StandardStreams.err("checked \(count) lesson\(count == 1 ? "" : "s") in \(Format.fixed(seconds, 1)) s\n")
            if !lint.isEmpty { throw ExitCode(2) }
            if report.failed > 0 { throw ExitCode(1) }
        }
    }
}
