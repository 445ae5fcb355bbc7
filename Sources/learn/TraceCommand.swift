import ArgumentParser
import Foundation
import LearnLessons
import LearnModels
import LearnNotebook

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Print one training step of a cell as JSON (schema learn.trace/1).",
        discussion: "Parameters before the step, the batch, the loss and every gradient, named as in PyTorch.")

    @Argument(help: "The lesson: number (05), id (perceptron), file name (05-mlp), or a path to a lesson file.")
    var lesson: String

    @Option(help: "The cell id (default: the lesson's first model cell).")
    var cell: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting {
            let (lessons, found) = try LessonSource.course(global, lesson: lesson)
            guard let index = found else { throw Failure(code: 2, message: "\(lesson) is a folder; name a lesson in it") }
            let chosen = lessons[index]
            if !chosen.problems.isEmpty {
                throw Failure(code: 2, message: chosen.problems.map(DiagnosticFormatter.text).joined(separator: "\n"))
            }
            let cells = chosen.modelCells
            guard let modelCell = cell.map({ id in cells.first { $0.id == id } }) ?? cells.first else {
                let ids = cells.map(\.id).joined(separator: ", ")
                throw Failure(code: 2, message: cells.isEmpty ? "\(chosen.id) has no model cells"
                              : "\(chosen.id) has no cell '\(cell ?? "")'; its cells are: \(ids)")
            }
            var config = modelCell.config
            if let seed = global.seed { config.seed = seed }
            let trainer: Trainer
            do throws(ConfigError) {
                trainer = try Trainer(config)
            } catch {
                throw Failure(code: 3, message: "cannot build \(modelCell.id): \(error.message)")
            }
            // The ordered writer: it keeps schema order, and writes a number too large for
            // Float32 (a valid `k0: 1e300`) as null where JSONEncoder would throw.
            outputJSON(trainer.trace().json() + "\n")
        }
    }
}
