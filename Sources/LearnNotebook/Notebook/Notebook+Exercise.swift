import LearnLessons

/// A live cell's `predict:` question (answered before the run starts) and its
/// `exercise:` (solved when a finished run meets every goal line).
extension Notebook {
    /// The page's prediction while it waits for an answer.
    var pendingPrediction: Quiz? {
        guard let quiz = currentPage?.modelCell?.predict, state.attempts[quizKey(quiz)] == nil else { return nil }
        return quiz
    }

    /// Says what to do when a key would train before the prediction is answered.
    func askPredictionFirst() -> Bool {
        guard let quiz = pendingPrediction else { return false }
        state.message = look.tr("predict first: press 1–%@, then the run starts", quiz.choices.count)
        return true
    }

    func exerciseKey(_ cell: ModelCell) -> String { "\(currentLesson.id)/\(cell.id)" }

    /// Marks the page's exercise solved once a run has ended meeting its goal.
    func checkExercise() {
        guard let cell = currentPage?.modelCell, let exercise = cell.exercise,
              !state.solved.contains(exerciseKey(cell)), let now = summary, now.hasEnded,
              exercise.isMet(now.goal) else { return }
        state.solved.insert(exerciseKey(cell))
        state.message = look.tr("exercise solved!")
    }
}
