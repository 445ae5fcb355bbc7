import Foundation
import LearnLessons
import LearnModels

/// Keys that change a cell or a page without moving: knobs, quiz answers, hints.
extension Notebook {
    func turnKnob(by direction: Int) {
        guard let cell = liveCell, cell.cell.knobs.indices.contains(state.selectedKnob) else { return }
        let knob = cell.cell.knobs[state.selectedKnob]
        let look = look
        change { cell in
            let next = KnobStep.next(knob, from: cell.value(of: knob.name), direction: direction)
            do throws(ConfigError) {
                try cell.set(knob.name, to: next)
                return "\(knob.name.rawValue) = \(next)" + (knob.name.isLive ? "" : look.tr(" (restarted)"))
            } catch {
                return look.tr("cannot set %@: %@", knob.name.rawValue, error.message)
            }
        }
        if !knob.name.isLive, let now = summary, !now.isDone { state.running = true }
    }

    /// Answers the page's first quiz not yet answered right. A wrong answer can be
    /// tried again; the record (`answers`) keeps the first one.
    func answer(_ choice: Int) {
        if let prediction = pendingPrediction {
            guard (1...prediction.choices.count).contains(choice) else {
                state.message = look.tr("choose 1–%@", prediction.choices.count)
                return
            }
            let key = quizKey(prediction)
            state.answers[key] = choice
            state.attempts[key] = choice
            state.message = look.tr("noted — now watch the run")
            startFresh()
            return
        }
        guard let quiz = currentPage?.blocks.lazy.compactMap({ block -> Quiz? in
            guard case .quiz(let q) = block else { return nil }
            return self.state.attempts[self.quizKey(q)] == q.answer ? nil : q
        }).first else { return }
        guard (1...quiz.choices.count).contains(choice) else {
            state.message = look.tr("choose 1–%@", quiz.choices.count)
            return
        }
        let key = quizKey(quiz)
        if state.answers[key] == nil { state.answers[key] = choice }
        state.attempts[key] = choice
        state.message = look.tr(choice == quiz.answer ? "right!" : "not quite — read the explanation and try again")
    }

    func quizKey(_ quiz: Quiz) -> String { "\(currentLesson.id)/\(quiz.id)" }

    func revealHint() {
        let total = hints.count
        let shown = state.hintsShown[pageKey, default: 0]
        if total == 0 { state.message = look.tr("no hints on this page"); return }
        if shown >= total { state.message = look.tr("no more hints on this page"); return }
        state.hintsShown[pageKey] = shown + 1
        // Hints sit at the end of the page: scroll there, so the one revealed is in view.
        state.scroll = .max
    }

    var hints: [String] {
        currentPage?.blocks.compactMap { if case .hint(let h) = $0 { h } else { nil } } ?? []
    }
}
