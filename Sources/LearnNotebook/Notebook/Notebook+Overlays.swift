import Foundation
import LearnLessons
import LearnRender

/// The boxes drawn over the page: key help, the table of contents, the knobs.
extension Notebook {
    static let keyHelp: [(keys: String, does: String)] = [
        ("→ n PgDn", "next page"), ("← p PgUp", "previous page"), ("] [", "next / previous lesson"),
        ("g G", "first / last page"), ("t", "table of contents"), ("↑ ↓ j", "scroll the text"),
        ("space", "run / pause (a finished run goes on, a rewound one replays)"), ("s", "one training step"),
        ("r", "restart from the seed, and run"),
        (", .", "scrub: one step back / forward through the run"), ("< >", "scrub a tenth of the run back / forward"),
        ("", "  a knob turned at an earlier step branches a new run there"),
        ("+ -", "faster / slower training"), ("k", "knobs: ↑↓ choose, ←→ change"), ("1…9", "answer the question or prediction"),
        ("h", "show the next hint"), ("x", "step inside one training step: ←→ stages, PgUp PgDn parts, ↑↓ example"), ("Tab", "text / panels on narrow screens"), ("Esc", "close this box"),
        ("f", "focus the next panel (Esc leaves)"), ("z", "zoom the focused panel (Esc back)"),
        ("↑ ↓ ← →", "focused panel: move the cursor, read its value below"),
        ("< >", "focused panel: other head, gate or matrix"), ("PgUp PgDn", "focused panel: more rows / units"),
        ("m", "weight and gradient maps: one scale held over the run, or each step's own"),
        ("w", "glossary: every term, in both languages"), ("/", "search every page; n next hit, Esc ends"),
        ("?", "this help"), ("q", "quit (your place is saved)"),
        ("", ""), ("░▒▓█", "heatmap: positive, or larger (weak → strong)"), ("⣀⣤⣶⣿", "heatmap: negative (weak → strong)"),
        ("·", "masked: a future position attention may not see"), ("◆", "the cursor of a focused panel"),
        ("␣ ⏎", "a space, a newline in a sequence"),
        ("• o x @", "landscape: the paths of the runs (cell's own, compare runs), @ where each is now"),
        ("░▒▓ ⠂⠢⠶ ╌═≡", "decision regions: one family per class, denser = surer"),
    ]

    func draw(_ overlay: NotebookState.Overlay, into grid: inout CellGrid, area: Rect) {
        switch overlay {
        case .help:
            let lines = Self.keyHelp.map { key in (key.keys.padding(toDisplayWidth: 12) + (key.does.isEmpty ? "" : look.tr(key.does)), Style.plain) }
            box(look.tr("keys · Esc closes"), lines, into: &grid, area: area)
        case .contents(let selected):
            let lines = lessons.enumerated().map { i, lesson in
                let number = lesson.number < 10 ? "0\(lesson.number)" : "\(lesson.number)"
                let text = "\(i == state.lesson ? ">" : " ") \(number)  \(lesson.title)  · " + look.tr("%@ min", lesson.minutes) + progress(of: lesson, at: i)
                return (text, i == selected ? Look.selected : Style.plain)
            }
            box(look.tr("contents · ↑↓ choose, Enter opens"), lines, into: &grid, area: area)
        case .knobs:
            guard let cell = liveCell, let now = summary else { return }
            let lines = cell.cell.knobs.enumerated().map { i, knob in
                let range: String
                switch knob.range {
                case .numeric(let r): range = "\(Format.number(r.lowerBound))…\(Format.number(r.upperBound))"
                case .choices(let names): range = names.joined(separator: " | ")
                }
                let live = knob.name.isLive ? "" : look.tr("  (restarts)")
                let text = "\(knob.name.rawValue.padding(toDisplayWidth: 12))\(now.knobs[knob.name].map(String.init(describing:)) ?? "–")   [\(range)]\(live)"
                return (text, i == state.selectedKnob ? Look.selected : Style.plain)
            }
            box(look.tr("knobs · ↑↓ choose, ←→ change, Esc closes"), lines, into: &grid, area: area)
        case .step(let page, let example):
            guard let record = stepRecord else { return }
            let pages = StepPages(step: record, example: example, width: max(20, area.width - 6), height: max(4, area.height - 2),
                                  glyphs: look.glyphs).pages
            let shown = pages[min(page, pages.count - 1)]
            let title = look.tr("step %@ · %@/%@ %@ · ←→ PgDn ↑↓ x Esc", record.step, page + 1, pages.count, shown.title)
            let lines = shown.lines.flatMap { Self.wrap($0, width: max(20, area.width - 6)) }
            box(title, lines.map { ($0, Style.plain) }, into: &grid, area: area)
        case .glossary(let selected):
            box(look.tr("glossary · ↑↓ choose, Enter opens the page"), glossaryLines(selected: selected), into: &grid, area: area)
        case .search(let query, let selected):
            box(look.tr("search · type, Enter jumps, Esc closes"), searchLines(query: query, selected: selected),
                into: &grid, area: area)
        }
    }

    /// How far the student is in a lesson, for the contents: read to the end (✓), the
    /// page open now, quizzes answered and exercises solved.
    private func progress(of lesson: Lesson, at index: Int) -> String {
        var parts: [String] = []
        if state.finished.contains(lesson.id) { parts.append((look.glyphs.isUnicode ? "✓ " : "") + look.tr("read")) }
        if index == state.lesson, !state.finished.contains(lesson.id) {
            parts.append(look.tr("page %@/%@", state.page + 1, lesson.pages.count))
        }
        let answered = state.answers.keys.filter { $0.hasPrefix(lesson.id + "/") }.count
        if answered > 0 { parts.append(look.tr("%@ answered", answered)) }
        let solved = state.solved.filter { $0.hasPrefix(lesson.id + "/") }.count
        if solved > 0 { parts.append(look.tr("%@ solved", solved)) }
        return parts.isEmpty ? "" : "  · " + parts.joined(separator: ", ")
    }

    /// A bordered box centred in `area`, sized to its lines.
    func box(_ title: String, _ lines: [(String, Style)], into grid: inout CellGrid, area: Rect) {
        let title = look.text(title)
        let lines = lines.map { (look.text($0.0), $0.1) }
        let widest = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
        let width = min(area.width, max(widest, DisplayWidth.of(title) + 2) + 4)
        let height = min(area.height, lines.count + 2)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2,
                        width: width, height: height)
        grid.fill(rect)
        let border = Border(title: title, glyphs: look.glyphs)
        border.render(into: &grid, area: rect)
        let inner = border.inner(rect).inset(right: 1, left: 1)
        // Keep the selected line in view when the list is taller than the box.
        let selected = lines.firstIndex { $0.1 == Look.selected } ?? 0
        let first = max(0, min(selected - inner.height / 2, lines.count - inner.height))
        for (row, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            grid.write(line.0, x: inner.x, y: inner.y + row, style: line.1, clip: inner)
        }
    }
}

extension Notebook {
    /// Breaks a line at spaces so it fits `width` columns (a word longer than that is cut).
    static func wrap(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        var lines: [String] = []
        var current = indent
        for word in line.dropFirst(indent.count).split(separator: " ") {
            let candidate = current.count == indent.count && lines.isEmpty ? current + word : current + " " + word
            if DisplayWidth.of(candidate) > width, current.trimmingCharacters(in: .whitespaces) != "" {
                lines.append(current)
                current = indent + "    " + word
            } else {
                current = candidate
            }
        }
        return lines + [current]
    }
}

extension String {
    /// Pads with spaces to `width` display columns.
    func padding(toDisplayWidth width: Int) -> String {
        self + String(repeating: " ", count: max(1, width - DisplayWidth.of(self)))
    }
}
