import ArgumentParser
import Foundation
import LearnNotebook

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint, then train every model cell headless and test its expect lines.",
        discussion: """
            One line per check with the measured value beside the bar, then `N passed, N failed`. \
            Exit status: 0 all passed, 1 a check failed, 2 invalid lessons or none found, 3 internal error.
            """)

    @Argument(help: "Lesson files or folders (default: the lessons folder in use).")
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Also write JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Flag(help: "Stop starting new cells after the first failure.")
    var failFast = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting {
            let lessons = paths.isEmpty ? try LessonSource.load(global) : try LessonSource.load(paths: paths)
            let showProgress = isatty(STDERR_FILENO) == 1
            let started = DispatchTime.now().uptimeNanoseconds
            let report = Check.run(lessons, seed: global.seed, failFast: failFast) { done, total in
                if showProgress { StandardStreams.err("\r\u{1B}[Kchecking: \(done)/\(total) cells") }
            }
            if showProgress { StandardStreams.err("\r\u{1B}[K") }
            format == .json ? outputJSON(report.json) : output(report.text)
            if let junit {
                if let problem = ReportFile.write(report.junit, to: junit) {
                    throw Failure(code: 3, message: "cannot write \(junit): \(problem)")
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            StandardStreams.err("checked \(lessons.count) lessons in \(Format.fixed(seconds, 1)) s\n")
            if report.failed > 0 { throw ExitCode(1) }
        }
    }
}
