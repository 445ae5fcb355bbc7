import LearnLessons

/// A page's blocks as the Markdown the text pane shows: prose as written, the live cell
/// as a pointer to its panels, quizzes with their choices (and, once answered, the
/// verdict and explanation), hints as they are revealed.
enum PageText {
    static func markdown(for notebook: Notebook) -> String {
        let look = notebook.look
        guard let page = notebook.currentPage else { return look.tr("This lesson has no pages.") }
        let state = notebook.state
        let hintsShown = state.hintsShown[notebook.pageKey, default: 0]
        var hintIndex = 0
        var parts = ["## " + page.title]
        for block in page.blocks {
            switch block {
            case .prose(let text):
                parts.append(text)
            case .model(let cell):
                parts.append((cell.knobs.isEmpty
                              ? look.tr("> **Live:** `%@` trains in the panels — `space` run/pause, `s` one step, `r` reset.", cell.id)
                              : look.tr("> **Live:** `%@` trains in the panels — `space` run/pause, `s` one step, `r` reset, `k` knobs (%@).",
                                        cell.id, cell.knobs.map(\.name.rawValue).joined(separator: ", ")))
                             + look.tr(" On a narrow screen `Tab` shows the panels."))
                if let predict = cell.predict { parts.append(prediction(predict, notebook: notebook)) }
                if let exercise = cell.exercise {
                    parts.append(self.exercise(exercise, now: notebook.summary,
                                               solved: state.solved.contains(notebook.exerciseKey(cell)), look: look))
                }
            case .quiz(let quiz):
                let key = notebook.quizKey(quiz)
                parts.append(self.quiz(quiz, chosen: state.attempts[key] ?? state.answers[key], look: look))
            case .hint(let text):
                if hintIndex < hintsShown {
                    parts.append(look.tr("> **Hint:** ") + text)
                } else if hintIndex == hintsShown {
                    parts.append(look.tr("*Stuck? Press `h` for a hint.*"))
                }
                hintIndex += 1
            }
        }
        return parts.joined(separator: "\n\n")
    }

    /// Asked before the run: the choices; then the student's pick; once the run has
    /// ended, whether it was right and why.
    static func prediction(_ quiz: Quiz, notebook: Notebook) -> String {
        let look = notebook.look
        let chosen = notebook.state.attempts[notebook.quizKey(quiz)]
        var lines = [look.tr("**Predict first:** ") + quiz.ask, ""]
        for (i, choice) in quiz.choices.enumerated() {
            lines.append("\(i + 1). \(choice)\(chosen == i + 1 ? look.tr(" ← your prediction") : "")")
        }
        lines.append("")
        guard let chosen else {
            lines.append(look.tr("*Press 1–%@ to predict; the run starts after you answer.*", quiz.choices.count))
            return lines.joined(separator: "\n")
        }
        guard notebook.summary?.hasReachedItsEnd == true else {
            lines.append(look.tr("*Watch the run: the answer shows when it ends.*"))
            return lines.joined(separator: "\n")
        }
        let explanation = quiz.explain.map { " " + $0 } ?? ""
        lines.append((chosen == quiz.answer ? look.tr("**You predicted right.**") : look.tr("**Not what happened:** the answer is %@.", quiz.answer))
                     + explanation)
        return lines.joined(separator: "\n")
    }

    /// The task, each goal line with its value now (once the run has taken a step: before,
    /// `diverged == 0` would already read ✓), and whether it is solved.
    static func exercise(_ exercise: Exercise, now: LiveCell.Summary?, solved: Bool, look: Look) -> String {
        var lines = [look.tr("**Exercise:** ") + exercise.task, ""]
        let running = now.flatMap { $0.step > 0 ? $0 : nil }
        for (i, line) in exercise.goal.enumerated() {
            let value = running.flatMap { $0.goal.indices.contains(i) ? $0.goal[i] : nil }
            let mark = value.map { line.holds($0) ? "✓" : "✗" } ?? "·"
            lines.append(value.map { look.tr("- goal `%@` — now %@ %@", line.text, Format.number($0), mark) }
                         ?? look.tr("- goal `%@` — now n/a %@", line.text, mark))
        }
        lines.append("")
        lines.append(look.tr(solved ? "**✓ Solved.**"
                             : "*Not yet: turn the knobs (`k`), and let the run finish (`r` starts it again).*"))
        return lines.joined(separator: "\n")
    }

    static func quiz(_ quiz: Quiz, chosen: Int?, look: Look) -> String {
        var lines = [look.tr("**Question:** ") + quiz.ask, ""]
        for (i, choice) in quiz.choices.enumerated() {
            let mark = chosen == i + 1 ? (i + 1 == quiz.answer ? " ✓" : " ✗") : ""
            lines.append("\(i + 1). \(choice)\(mark)")
        }
        lines.append("")
        if let chosen {
            let explanation = quiz.explain.map { " " + $0 } ?? ""
            lines.append(chosen == quiz.answer
                ? look.tr("**Right.**") + explanation
                : look.tr("**Not quite.**") + explanation + look.tr(" *Press 1–%@ to try again.*", quiz.choices.count))
        } else {
            lines.append(look.tr("*Press 1–%@ to answer.*", quiz.choices.count))
        }
        return lines.joined(separator: "\n")
    }
}
