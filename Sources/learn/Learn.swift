import ArgumentParser
import Foundation
import LearnLessons

@main
struct Learn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "A step-through notebook in the terminal that teaches how neural networks work.",
        discussion: """
            Run `learn` to open the notebook where you left off, or `learn 05` / `learn perceptron` \
            to open a lesson. Instructors: `learn lint` and `learn check` validate and test lessons; \
            `learn render` prints a page as text. Every command exits with \(StandardStreams.exitIOError) \
            when its standard output or error cannot be written (closed, or a full disk).
            """,
        version: BuildInfo.version,
        subcommands: [Open.self, List.self, Lint.self, CheckCommand.self, Render.self, TraceCommand.self, Step.self, Bench.self],
        defaultSubcommand: Open.self)
}

extension Learn {
    /// `ParsableCommand.main`, with every message (help, usage errors) written through
    /// ``StandardStreams`` and its control characters escaped: an argument is echoed in an
    /// error message, and it may hold an escape sequence.
    static func main() {
        StandardStreams.holdClosedDescriptors()
        FreedMemory.keepForReuse()
        do {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName ?? String(describing: $0).lowercased() }
            var command = try parseAsRoot(GlobalOptions.movedAfterCommand(Array(CommandLine.arguments.dropFirst()), commands: names))
            try command.run()
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            if !message.isEmpty {
                let text = ControlCharacters.escaped(message + "\n")
                if code == .success { StandardStreams.out(text) } else { StandardStreams.err(text) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// Runs a command body, turning a `Failure` into its message on stderr and its exit code.
func reporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        StandardStreams.err(ControlCharacters.escaped(failure.message + "\n"))
        throw ExitCode(failure.code)
    }
}

/// Writes text for people to standard output, its control characters escaped.
func output(_ text: String) {
    StandardStreams.out(ControlCharacters.escaped(text))
}

/// Writes JSON to standard output, escaping the control characters an encoder leaves raw
/// (DEL and C1) as `\u00XX`.
func outputJSON(_ text: String) {
    StandardStreams.out(ControlCharacters.escaped(text, style: .json))
}
