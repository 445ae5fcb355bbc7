import ArgumentParser
import LearnLessons

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check lesson files without training: every problem as file:line:col with a suggestion.",
        discussion: "Exit status: 0 clean (warnings allowed), 2 invalid lessons or none found.")

    @Argument(help: "Lesson files or folders (default: the lessons folder in use).")
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting {
            let targets = paths.isEmpty ? [try LessonSource.folder(global)] : paths
            let result = Linter.run(paths: targets, format: format == .json ? .json : .text)
            format == .json ? outputJSON(result.output) : output(result.output)
            if result.exitCode != 0 { throw ExitCode(result.exitCode) }
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
