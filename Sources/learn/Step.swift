import ArgumentParser
import Foundation
import LearnModels
import LearnNotebook
import LearnRender

/// `learn step`: one training step of a cell, stage by stage, as the notebook's step view
/// (`x`) shows it — for handouts and diffs (text), or for tools (JSON, with the step's
/// `learn.trace/2` inside).
struct Step: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one training step of a cell stage by stage: batch, forward, loss, backward, update.",
        discussion: """
            The same pages as the notebook's step view (x). The step is the cell's first from its \
            seed, or the one after --steps N. --format json adds the step's learn.trace/2 (the \
            numbers behind every page).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The lesson: number (05), id (perceptron), file name (05-mlp), or a path to a lesson file.")
    var lesson: String

    @Option(help: "The cell id (default: the lesson's first model cell).")
    var cell: String?

    @Option(help: "The example (or sequence) of the batch to follow, from 1.")
    var example = 1

    @Option(help: "Training steps before the one shown.")
    var steps = 0

    @Option(help: "text or json.")
    var format: Format = .text

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (0...Limits.steps.upperBound).contains(steps) else {
            throw ValidationError("--steps must be from 0 to \(Limits.steps.upperBound), the most a lesson's cell may ask for")
        }
        guard example >= 1 else { throw ValidationError("--example counts from 1, not \(example)") }
    }

    func run() throws {
        try reporting {
            let chosen = try CellTrainer(global, lesson: lesson, cell: cell)
            let trainer = chosen.trainer
            trainer.train(steps: steps)
            if let diverged = trainer.divergence {
                throw Failure(code: 1, message: "\(chosen.cell.id) diverged at step \(diverged.step), before the step asked for")
            }
            let record = trainer.tracedStep()
            let pages = StepPages(step: record, example: example - 1, interactive: false, width: 100, height: 44,
                                  glyphs: global.ascii ? .ascii : .unicode)
            guard example <= pages.batchSize else {
                throw Failure(code: 2, message: "example \(example) is outside 1…\(pages.batchSize): "
                              + "the batch of step \(record.step) has \(pages.batchSize) \(record.symbols.isEmpty ? "examples" : "sequences")")
            }
            let number = chosen.lesson.number < 10 ? "0\(chosen.lesson.number)" : "\(chosen.lesson.number)"
            let heading = "lesson \(number) (\(chosen.lesson.id)) · cell \(chosen.cell.id) · step \(record.step) · example \(example) of \(pages.batchSize)"
            switch format {
            case .text:
                let text = Self.text(heading, pages.pages, rule: global.ascii ? "-" : "─")
                output(global.ascii ? text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { GlyphSet.ascii.displayable(String($0)) }.joined(separator: "\n") : text)
            case .json:
                outputJSON(Self.json(chosen, record: record, example: example, pages: pages.pages) + "\n")
            }
        }
    }

    static func text(_ heading: String, _ pages: [StepPages.Page], rule: Character) -> String {
        var out = heading + "\n"
        for (i, page) in pages.enumerated() {
            let title = "\(i + 1)/\(pages.count) \(page.title)"
            out += "\n" + title + "\n" + String(repeating: rule, count: title.count) + "\n"
            out += page.lines.map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }

    static func json(_ chosen: CellTrainer, record: StepTrace, example: Int, pages: [StepPages.Page]) -> String {
        func quoted(_ s: String) -> String {
            String(decoding: (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8), as: UTF8.self)
        }
        let stages = pages.map { page in
            "{\"title\":\(quoted(page.title)),\"lines\":[" + page.lines.map(quoted).joined(separator: ",") + "]}"
        }
        return "{\"schema\":\"learn.step/1\",\"lesson\":\(quoted(chosen.lesson.id)),\"cell\":\(quoted(chosen.cell.id))"
            + ",\"step\":\(record.step),\"example\":\(example),\"stages\":[" + stages.joined(separator: ",") + "]"
            + ",\"trace\":\(record.json())}"
    }
}
