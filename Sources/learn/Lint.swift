import ArgumentParser
import LearnLessons

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check lesson files without training: every problem as file:line:col with a suggestion.",
        discussion: """
            A folder is linted as a course: every `.md`/`.markdown` file in it that is not `NN-id.md` \
            (README.md aside) is an error. --format json prints JSON Lines, as `learn check --format json`: \
            one object per diagnostic, then one summary object. \
            Exit status: 0 clean (warnings allowed), 2 invalid lessons or none found.
            """)

    @Argument(help: "Lesson files or folders (default: the lessons folder in use).")
    var paths: [String] = []

    @Option(help: "Output format: text, or json (JSON Lines).")
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
