import LearnLessons
import LearnModels

/// The trainer of one model cell of a lesson, as `trace` and `step` find it: the lesson by
/// number, id, file name or path; the cell by id (default: the lesson's first model cell);
/// `--seed` applied. Every way to miss is a `Failure` saying what exists instead.
struct CellTrainer {
    let lesson: Lesson
    let cell: ModelCell
    let trainer: Trainer

    init(_ global: GlobalOptions, lesson name: String, cell id: String?) throws {
        let (lessons, found) = try LessonSource.course(global, lesson: name)
        guard let index = found else { throw Failure(code: 2, message: "\(name) is a folder; name a lesson in it") }
        let chosen = lessons[index]
        if !chosen.problems.isEmpty {
            throw Failure(code: 2, message: chosen.problems.map(DiagnosticFormatter.text).joined(separator: "\n"))
        }
        let cells = chosen.modelCells
        guard let modelCell = id.map({ id in cells.first { $0.id == id } }) ?? cells.first else {
            let ids = cells.map(\.id).joined(separator: ", ")
            throw Failure(code: 2, message: cells.isEmpty ? "\(chosen.id) has no model cells"
                          : "\(chosen.id) has no cell '\(id ?? "")'; its cells are: \(ids)")
        }
        var config = modelCell.config
        if let seed = global.seed { config.seed = seed }
        do throws(ConfigError) {
            trainer = try Trainer(config)
        } catch {
            throw Failure(code: 3, message: "cannot build \(modelCell.id): \(error.message)")
        }
        lesson = chosen
        cell = modelCell
    }
}
