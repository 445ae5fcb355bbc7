import ArgumentParser
import Foundation

@main
struct Learn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "A step-through notebook in the terminal that teaches how neural networks work.",
        discussion: """
            Run `learn` to open the notebook where you left off, or `learn 05` / `learn perceptron` \
            to open a lesson. Instructors: `learn lint` and `learn check` validate and test lessons; \
            `learn render` prints a page as text.
            """,
        version: "0.1.0",
        subcommands: [Open.self, List.self, Lint.self, CheckCommand.self, Render.self, TraceCommand.self, Bench.self],
        defaultSubcommand: Open.self)
}

/// Runs a command body, turning a `Failure` into its message on stderr and its exit code.
func reporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        FileHandle.standardError.write(Data((failure.message + "\n").utf8))
        throw ExitCode(failure.code)
    }
}

/// Writes to standard output without buffering surprises.
func output(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
