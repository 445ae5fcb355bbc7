import LearnLessons

/// A page's blocks as the Markdown the text pane shows: prose as written, the live cell
/// as a pointer to its panels, quizzes with their choices (and, once answered, the
/// verdict and explanation), hints as they are revealed.
enum PageText {
    static func markdown(for notebook: Notebook) -> String {
        guard let page = notebook.currentPage else { return "This lesson has no pages." }
        let state = notebook.state
        let hintsShown = state.hintsShown[notebook.pageKey, default: 0]
        var hintIndex = 0
        var parts = ["## " + page.title]
        for block in page.blocks {
            switch block {
            case .prose(let text):
                parts.append(text)
            case .model(let cell):
                parts.append("> **Live:** `\(cell.id)` trains in the panels — `space` run/pause, `s` one step, `r` reset"
                             + (cell.knobs.isEmpty ? "." : ", `k` knobs (\(cell.knobs.map(\.name.rawValue).joined(separator: ", "))).")
                             + " On a narrow screen `Tab` shows the panels.")
            case .quiz(let quiz):
                let key = notebook.quizKey(quiz)
                parts.append(self.quiz(quiz, chosen: state.attempts[key] ?? state.answers[key]))
            case .hint(let text):
                if hintIndex < hintsShown {
                    parts.append("> **Hint:** " + text)
                } else if hintIndex == hintsShown {
                    parts.append("*Stuck? Press `h` for a hint.*")
                }
                hintIndex += 1
            }
        }
        return parts.joined(separator: "\n\n")
    }

    static func quiz(_ quiz: Quiz, chosen: Int?) -> String {
        var lines = ["**Question:** " + quiz.ask, ""]
        for (i, choice) in quiz.choices.enumerated() {
            let mark = chosen == i + 1 ? (i + 1 == quiz.answer ? " ✓" : " ✗") : ""
            lines.append("\(i + 1). \(choice)\(mark)")
        }
        lines.append("")
        if let chosen {
            let explanation = quiz.explain.map { " " + $0 } ?? ""
            lines.append(chosen == quiz.answer
                ? "**Right.**" + explanation
                : "**Not quite.**" + explanation + " *Press 1–\(quiz.choices.count) to try again.*")
        } else {
            lines.append("*Press 1–\(quiz.choices.count) to answer.*")
        }
        return lines.joined(separator: "\n")
    }
}
