import ArgumentParser
import Foundation
import LearnLessons
import LearnModels
import LearnNotebook

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Print one training step of a cell as JSON (schema learn.trace/1 or /2).",
        discussion: """
            Parameters before the step, the batch, the loss and every gradient, named as in PyTorch. \
            --schema 2 adds the optimiser's settings, the forward activations and every parameter \
            after the step's update (model-conventions.md, "Trace, version 2").
            """)

    @Argument(help: "The lesson: number (05), id (perceptron), file name (05-mlp), or a path to a lesson file.")
    var lesson: String

    @Option(help: "The cell id (default: the lesson's first model cell).")
    var cell: String?

    @Option(help: "The trace version: 1, or 2 (adds activations and the parameters after the update).")
    var schema = 1

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard schema == 1 || schema == 2 else { throw ValidationError("--schema must be 1 or 2, not \(schema)") }
    }

    func run() throws {
        try reporting {
            let trainer = try CellTrainer(global, lesson: lesson, cell: cell).trainer
            // The ordered writer: it keeps schema order, and writes a number too large for
            // Float32 (a valid `k0: 1e300`) as null where JSONEncoder would throw.
            // Version 2 takes the step: its forward pass and the parameters after it.
            outputJSON((schema == 2 ? trainer.tracedStep().json() : trainer.trace().json()) + "\n")
        }
    }
}
