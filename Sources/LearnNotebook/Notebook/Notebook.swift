import LearnLessons
import LearnRender
import LearnModels

/// The notebook: lessons, where the student is, and the live cells of the pages they
/// have opened. Keys go in (`handle`), time goes in (`tick`), frames come out (`frame`).
public final class Notebook {
    public enum Action: Equatable, Sendable { case none, quit }

    public let lessons: [Lesson]
    public private(set) var state: NotebookState
    public let look: Look
    /// Overrides every cell's seed (`--seed`).
    let seed: UInt64?
    /// Live cells by page key; kept while the student stays in the lesson.
    private var live: [String: LiveCell] = [:]
    private var cellErrors: [String: String] = [:]
    /// Fractional steps owed by the speed cap, carried between ticks.
    private var owed = 0.0
    private var lastTick: UInt64?
    /// Frames per second the terminal loop measured, shown while training; headless
    /// renders leave it nil, so their output never depends on timing.
    public var framesPerSecond: Double?
    /// How often a live cell's panels refresh while training (nanoseconds); nil: every step.
    public var inspectionInterval: UInt64?
    /// How far the current page's text can scroll, as last drawn.
    var scrollLimit = Int.max
    /// The page text wrapped for a width, kept while neither changes (wrapping is most of
    /// a frame's work otherwise).
    var wrappedText: (markdown: String, width: Int, lines: [[Cell]])?

    public init(lessons: [Lesson], state: NotebookState = NotebookState(), look: Look, seed: UInt64? = nil) {
        precondition(!lessons.isEmpty, "a notebook needs at least one lesson")
        self.lessons = lessons
        self.state = state
        self.look = look
        self.seed = seed
        self.state.lesson = min(max(state.lesson, 0), lessons.count - 1)
        self.state.page = min(max(state.page, 0), max(0, currentLesson.pages.count - 1))
        openPage(autostart: true)
    }

    public var currentLesson: Lesson { lessons[state.lesson] }
    public var currentPage: Page? {
        currentLesson.pages.indices.contains(state.page) ? currentLesson.pages[state.page] : nil
    }
    var pageKey: String { "\(currentLesson.id)/\(currentPage?.id ?? "")" }

    /// The live cell of the current page, built on first visit.
    public var liveCell: LiveCell? { live[pageKey] }
    var liveCellError: String? { cellErrors[pageKey] }

    /// Whether the frame loop should keep ticking (training is running).
    public var isTraining: Bool { state.running && liveCell != nil && liveCell?.divergence == nil }

    // MARK: Keys

    public func handle(_ key: Key) -> Action {
        state.message = nil
        if let overlay = state.overlay { return handle(key, in: overlay) }
        switch key {
        case .char("q"): return .quit
        case .right, .pageDown, .char("n"): nextPage()
        case .left, .pageUp, .char("p"): previousPage()
        case .char("]"): go(lesson: state.lesson + 1, page: 0)
        case .char("["): go(lesson: state.lesson - 1, page: 0)
        case .char("g"), .home: go(lesson: state.lesson, page: 0)
        case .char("G"), .end: go(lesson: state.lesson, page: currentLesson.pages.count - 1)
        case .down, .char("j"): state.scroll = min(state.scroll + 1, scrollLimit)
        case .up: state.scroll = max(0, state.scroll - 1)
        case .char("t"): state.overlay = .contents(selected: state.lesson)
        case .char("?"): state.overlay = .help
        case .char("k"):
            if let cell = liveCell, !cell.cell.knobs.isEmpty { state.overlay = .knobs } else { state.message = "this page has no knobs" }
        case .tab: state.focus = state.focus == .text ? .panels : .text
        case .char(" "): toggleRunning()
        case .char("s"): singleStep()
        case .char("r"): resetCell()
        case .char("+"), .char("="): state.speed = min(state.speed + 1, Speed.levels.count - 1)
        case .char("-"), .char("_"): state.speed = max(state.speed - 1, 0)
        case .char("h"): revealHint()
        case .char(let c) where c.isWholeNumber: answer(c.wholeNumberValue ?? 0)
        default: break
        }
        return .none
    }

    private func handle(_ key: Key, in overlay: NotebookState.Overlay) -> Action {
        switch (overlay, key) {
        case (_, .char("q")): return .quit
        case (_, .escape), (.help, _), (.knobs, .char("k")), (.contents, .char("t")):
            state.overlay = nil
        case (.contents(let selected), .down), (.contents(let selected), .char("j")):
            state.overlay = .contents(selected: min(selected + 1, lessons.count - 1))
        case (.contents(let selected), .up):
            state.overlay = .contents(selected: max(selected - 1, 0))
        case (.contents(let selected), .enter), (.contents(let selected), .right):
            state.overlay = nil
            go(lesson: selected, page: 0)
        case (.knobs, .up): state.selectedKnob = max(state.selectedKnob - 1, 0)
        case (.knobs, .down), (.knobs, .char("j")):
            state.selectedKnob = min(state.selectedKnob + 1, max(0, (liveCell?.cell.knobs.count ?? 1) - 1))
        case (.knobs, .left), (.knobs, .char("-")): turnKnob(by: -1)
        case (.knobs, .right), (.knobs, .char("+")): turnKnob(by: +1)
        case (.knobs, .char(" ")): toggleRunning()
        default: break
        }
        return .none
    }

    // MARK: Navigation

    private func nextPage() {
        if state.page + 1 < currentLesson.pages.count {
            go(lesson: state.lesson, page: state.page + 1)
        } else if state.lesson + 1 < lessons.count {
            go(lesson: state.lesson + 1, page: 0)
        } else {
            state.message = "this is the last page of the course"
        }
    }

    private func previousPage() {
        if state.page > 0 {
            go(lesson: state.lesson, page: state.page - 1)
        } else if state.lesson > 0 {
            go(lesson: state.lesson - 1, page: max(0, lessons[state.lesson - 1].pages.count - 1))
        }
    }

    /// Opens a page; leaving a lesson drops its live cells.
    public func go(lesson: Int, page: Int) {
        let lesson = min(max(lesson, 0), lessons.count - 1)
        if lesson != state.lesson {
            live = [:]
            cellErrors = [:]
        }
        state.lesson = lesson
        state.page = min(max(page, 0), max(0, lessons[lesson].pages.count - 1))
        state.scroll = 0
        scrollLimit = .max
        state.selectedKnob = 0
        if state.page == lessons[lesson].pages.count - 1 { state.finished.insert(lessons[lesson].id) }
        openPage(autostart: true)
    }

    /// Builds the page's live cell on first visit; a fresh cell starts training at once.
    private func openPage(autostart: Bool) {
        state.running = false
        guard let cell = currentPage?.modelCell else { return }
        if live[pageKey] == nil && cellErrors[pageKey] == nil {
            do {
                live[pageKey] = try LiveCell(cell, seed: seed)
            } catch {
                cellErrors[pageKey] = error.message
                return
            }
        }
        if autostart, let live = liveCell, !live.isDone, live.divergence == nil { state.running = true }
    }

    // MARK: Training

    private func toggleRunning() {
        guard let cell = liveCell else { state.message = "nothing to train on this page"; return }
        if cell.divergence != nil { state.message = "training diverged: press r to reset"; return }
        state.running.toggle()
        lastTick = nil
    }

    private func singleStep() {
        guard let cell = liveCell, cell.divergence == nil else { return }
        state.running = false
        cell.train(steps: 1)
    }

    private func resetCell() {
        guard let cell = liveCell else { return }
        cell.reset()
        owed = 0
        state.running = false
        state.message = "reset to the start (seed \(cell.main.config.seed))"
    }

    /// Trains for at most `budgetNanoseconds`, at the speed level's rate, given the
    /// monotonic time `now`. The step sequence does not depend on timing, only how many
    /// steps land in each frame. Stops at the cell's step budget.
    public func tick(now: UInt64, budgetNanoseconds: UInt64, clock: () -> UInt64) {
        guard isTraining, let cell = liveCell else { lastTick = nil; return }
        let elapsed = Double(now - (lastTick ?? now)) / 1e9
        lastTick = now
        owed = min(owed + max(elapsed, 1.0 / 60) * Speed.stepsPerSecond(state.speed), 1e6)
        let deadline = now + budgetNanoseconds
        while owed >= 1 && clock() < deadline && cell.divergence == nil && !cell.isDone {
            cell.train(steps: 1)
            owed -= 1
        }
        if cell.isDone || cell.divergence != nil {
            state.running = false
            owed = 0
        }
    }

    /// Trains the current page's cell by `n` steps at once (headless `render`).
    public func train(steps n: Int) {
        liveCell?.train(steps: n)
        state.running = false
    }

    // MARK: Knobs, quizzes, hints

    private func turnKnob(by direction: Int) {
        guard let cell = liveCell, cell.cell.knobs.indices.contains(state.selectedKnob) else { return }
        let knob = cell.cell.knobs[state.selectedKnob]
        let next = KnobStep.next(knob, from: cell.value(of: knob.name), direction: direction)
        do {
            try cell.set(knob.name, to: next)
            state.message = "\(knob.name.rawValue) = \(next)" + (knob.name.isLive ? "" : " (restarted)")
        } catch {
            state.message = "cannot set \(knob.name.rawValue): \(error.message)"
        }
    }

    private func answer(_ choice: Int) {
        guard let quiz = currentPage?.blocks.lazy.compactMap({ block -> Quiz? in
            if case .quiz(let q) = block, self.state.answers[self.quizKey(q)] == nil { return q }
            return nil
        }).first else { return }
        guard (1...quiz.choices.count).contains(choice) else {
            state.message = "choose 1–\(quiz.choices.count)"
            return
        }
        state.answers[quizKey(quiz)] = choice
        state.message = choice == quiz.answer ? "right!" : "not quite — the explanation is in the text"
    }

    func quizKey(_ quiz: Quiz) -> String { "\(currentLesson.id)/\(quiz.id)" }

    private func revealHint() {
        let total = hints.count
        let shown = state.hintsShown[pageKey, default: 0]
        if total == 0 { state.message = "no hints on this page"; return }
        if shown >= total { state.message = "no more hints on this page"; return }
        state.hintsShown[pageKey] = shown + 1
    }

    var hints: [String] {
        currentPage?.blocks.compactMap { if case .hint(let h) = $0 { h } else { nil } } ?? []
    }
}

extension Notebook {
    /// Shows a one-line message in the status bar until the next key.
    public func say(_ message: String) { state.message = message }

}
