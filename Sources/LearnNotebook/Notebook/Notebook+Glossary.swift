import LearnLessons
import LearnRender

/// `w`: the glossary — each term in both languages, and where it is introduced; Enter
/// opens that page with the term in view.
extension Notebook {
    func openGlossary() {
        guard !glossary.isEmpty else { state.message = look.tr("no glossary: this course marks no terms"); return }
        state.overlay = .glossary(selected: 0)
    }

    func handleGlossaryKey(_ key: Key, selected: Int) {
        switch key {
        case .down, .char("j"): state.overlay = .glossary(selected: min(selected + 1, glossary.count - 1))
        case .up: state.overlay = .glossary(selected: max(selected - 1, 0))
        case .pageDown: state.overlay = .glossary(selected: min(selected + 10, glossary.count - 1))
        case .pageUp: state.overlay = .glossary(selected: max(selected - 10, 0))
        case .char("w"): state.overlay = nil
        case .enter, .right:
            let entry = glossary[selected]
            state.overlay = nil
            go(lesson: entry.lesson, page: entry.page)
            scrollTarget = entry.term
        default: break
        }
    }

    /// `反向传播   backward pass   03 · p4`, the terms' column as wide as the widest.
    func glossaryLines(selected: Int) -> [(String, Style)] {
        let termWidth = glossary.map { DisplayWidth.of($0.term) }.max() ?? 0
        let englishWidth = min(32, glossary.map { DisplayWidth.of($0.english) }.max() ?? 0)
        return glossary.enumerated().map { i, entry in
            let lesson = lessons[entry.lesson]
            let place = "\(lesson.number < 10 ? "0" : "")\(lesson.number) · p\(entry.page + 1) \(lesson.pages[entry.page].title)"
            let text = entry.term.padding(toDisplayWidth: termWidth + 2) + entry.english.padding(toDisplayWidth: englishWidth + 2) + place
            return (text, i == selected ? Look.selected : Style.plain)
        }
    }
}
