import Foundation
import LearnLessons
import LearnRender
import LearnModels

/// The notebook: lessons, where the student is, and the live cells of the pages they
/// have opened. Keys go in (`handle`), time goes in (`tick`), frames come out (`frame`).
public final class Notebook {
    public enum Action: Equatable, Sendable { case none, quit }

    public let lessons: [Lesson]
    public internal(set) var state: NotebookState
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
    /// Trains the live cell off the UI thread (the terminal notebook); nil trains in
    /// `tick` itself (headless renders and tests).
    var worker: TrainingWorker?
    /// Keys handled so far: a message the training thread sends back is shown only if
    /// no key came after the one that asked for it.
    private var keysHandled = 0
    /// The live panels and status as last drawn, shown while a step holds the cell.
    var lastLive: (key: String, area: Rect, view: PanelView, grid: CellGrid, summary: LiveCell.Summary)?
    /// What the focused panel showed under its cursor, as last drawn.
    var focusedReadout: PanelReadout?
    /// The training step the step-through view shows (`x`).
    var stepRecord: StepTrace?
    /// The step the scrub keys last asked for, until another change to the cell (the
    /// training thread may not have got there yet, so the next key counts from here).
    var scrubTarget: Int?
    /// How far the current page's text can scroll, as last drawn.
    var scrollLimit = Int.max
    /// The page text wrapped for a width, kept while neither changes (wrapping is most of
    /// a frame's work otherwise).
    var wrappedText: (markdown: String, width: Int, lines: [[Cell]])?
    /// Text to scroll into view when the page is next drawn (a search hit, a glossary term).
    var scrollTarget: String?
    /// The course's term pairs (``Glossary``), found once.
    private(set) lazy var glossary = Glossary.entries(in: lessons)

    /// Called just before a page's cell is built (the notebook saves where it is, so a
    /// crash in there is known at the next start).
    public var willBuildCell: (() -> Void)?

    /// `heldCell`: the first page's cell is not built, and this message stands in its place.
    public init(lessons: [Lesson], state: NotebookState = NotebookState(), look: Look, seed: UInt64? = nil,
                heldCell: String? = nil) {
        precondition(!lessons.isEmpty, "a notebook needs at least one lesson")
        self.lessons = lessons
        self.state = state
        self.look = look
        self.seed = seed
        self.state.lesson = min(max(state.lesson, 0), lessons.count - 1)
        self.state.page = min(max(state.page, 0), max(0, currentLesson.pages.count - 1))
        if let heldCell { cellErrors[pageKey] = heldCell }
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
    public var isTraining: Bool { state.running && liveCell != nil && summary?.divergence == nil }

    /// Whether the frame loop should keep drawing: training, or a change a key asked for
    /// (one step, a reset, a knob) still under way on the training thread.
    public var isBusy: Bool { isTraining || worker?.isBusy == true }

    /// From now on the live cell trains on a thread of its own (the terminal notebook).
    public func startTrainingThread() {
        worker = TrainingWorker()
        worker?.attach(liveCell)
    }

    /// Runs `body` with the page's live cell when no training step holds it.
    /// `waiting` seconds at most for a step under way to finish (0: not at all).
    func whenFree<T>(waiting: Double = 0, _ body: (LiveCell) -> T) -> T? {
        guard let cell = liveCell else { return nil }
        guard let worker else { return body(cell) }
        let locked = waiting > 0 ? worker.lockForDrawing(within: waiting) : worker.cellLock.try()
        guard locked else { return nil }
        defer { worker.cellLock.unlock() }
        return body(cell)
    }

    /// The live cell's step, budget and metrics: read now when the cell is free, else as
    /// the training thread last left them.
    public var summary: LiveCell.Summary? {
        whenFree(\.summary) ?? worker?.summary ?? lastLive.flatMap { $0.key == pageKey ? $0.summary : nil }
    }

    /// Changes the live cell: at once without a training thread, else after the step
    /// under way. The returned message is shown in the status line. A `replacing` change
    /// takes the place of one still waiting (a scrub key held down moves to where it
    /// ends, not through every step on the way).
    func change(replacing: Bool = false, _ body: @escaping (LiveCell) -> String?) {
        guard let cell = liveCell else { return }
        if !replacing { scrubTarget = nil }
        if let worker {
            worker.perform(tag: keysHandled, replacing: replacing, body)
        } else if let message = body(cell) {
            state.message = message
        }
    }

    // MARK: Keys

    public func handle(_ key: Key) -> Action {
        state.message = nil
        keysHandled += 1
        if let overlay = state.overlay { return handle(key, in: overlay) }
        if handlePanelKey(key) { return .none }
        if handleSearchKey(key) { return .none }
        switch key {
        case .char("q"): return .quit
        case .right, .pageDown, .char("n"): nextPage()
        case .left, .pageUp, .char("p"): previousPage()
        case .char("]"): go(lesson: state.lesson + 1, page: 0)
        case .char("["): go(lesson: state.lesson - 1, page: 0)
        case .char("g"), .home: go(lesson: state.lesson, page: 0)
        case .char("G"), .end: go(lesson: state.lesson, page: currentLesson.pages.count - 1)
        case .down, .char("j"): state.scroll = min(state.scroll, scrollLimit - 1) + 1
        case .up: state.scroll = max(0, min(state.scroll, scrollLimit) - 1)
        case .char("t"): state.overlay = .contents(selected: state.lesson)
        case .char("?"): state.overlay = .help
        case .char("w"): openGlossary()
        case .char("/"): state.overlay = .search(query: state.search?.query ?? "", selected: 0)
        case .char("k"):
            if let cell = liveCell, !cell.cell.knobs.isEmpty { state.overlay = .knobs } else { state.message = look.tr("this page has no knobs") }
        case .tab: state.focus = state.focus == .text ? .panels : .text
        case .char(" "): toggleRunning()
        case .char("s"): singleStep()
        case .char("r"): resetCell()
        case .char(","): scrub(by: -1)
        case .char("."): scrub(by: +1)
        case .char("<"): scrub(by: -scrubJump)
        case .char(">"): scrub(by: +scrubJump)
        case .char("+"), .char("="): state.speed = min(state.speed + 1, Speed.levels.count - 1)
        case .char("-"), .char("_"): state.speed = max(state.speed - 1, 0)
        case .char("h"): revealHint()
        case .char("x"): stepInside()
        case .char(let c) where c.isWholeNumber: answer(c.wholeNumberValue ?? 0)
        default: break
        }
        return .none
    }

    private func handle(_ key: Key, in overlay: NotebookState.Overlay) -> Action {
        if case .search(let query, let selected) = overlay {
            handleSearchTyping(key, query: query, selected: selected)
            return .none
        }
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
        case (.step(let page, let example), _): handleStepKey(key, page: page, example: example)
        case (.glossary(let selected), _): handleGlossaryKey(key, selected: selected)
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
            state.message = look.tr("this is the last page of the course")
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
        state.view = state.view.cleared
        if state.page == lessons[lesson].pages.count - 1 { state.finished.insert(lessons[lesson].id) }
        openPage(autostart: true)
    }

    /// Builds the page's live cell on first visit; a fresh cell starts training at once.
    private func openPage(autostart: Bool) {
        state.running = false
        owed = 0
        scrubTarget = nil
        guard let cell = currentPage?.modelCell else { worker?.attach(nil); return }
        if live[pageKey] == nil && cellErrors[pageKey] == nil {
            willBuildCell?()
            do {
                live[pageKey] = try LiveCell(cell, seed: seed)
            } catch {
                cellErrors[pageKey] = error.message
            }
        }
        worker?.attach(liveCell)
        if autostart, pendingPrediction == nil { startFresh() }
    }

    /// A fresh run starts training at a pace a student can watch.
    func startFresh() {
        guard let cell = liveCell, let now = summary, !now.isDone, now.divergence == nil else { return }
        state.running = true
        state.speed = Speed.opening(cell.cell, steps: now.steps)
    }

    // MARK: Training

    private func toggleRunning() {
        guard liveCell != nil, let now = summary else { state.message = look.tr("nothing to train on this page"); return }
        if askPredictionFirst() { return }
        if now.divergence != nil { state.message = look.tr("training diverged: press r to reset"); return }
        if !state.running && now.isDone { goOn() }
        // Said only right after scrubbing: a knob turned since (still on its way to the
        // training thread) has branched the run, so it is not a replay.
        if !state.running, let target = scrubTarget {
            state.message = look.tr("replaying from step %@ — turn a knob (k) to branch instead", target)
        }
        scrubTarget = nil
        state.running.toggle()
        if !state.running { pause() }
        lastTick = nil
    }

    func pause() {
        owed = 0
        worker?.cancelOwed()
    }

    /// A finished run goes on for another budget of the lesson's steps, and says so.
    private func goOn() {
        let look = look
        change { cell in
            cell.extendBudget()
            return look.tr("going on for another %@ steps", cell.cell.config.steps)
        }
    }

    /// One step; on a finished run, the first of another budget (as `space` would).
    private func singleStep() {
        guard let now = summary, now.divergence == nil, !askPredictionFirst() else { return }
        state.running = false
        pause()
        if now.isDone { goOn() }
        change { cell in
            cell.train(steps: 1)
            return nil
        }
    }

    /// Back to the seed's start, and training again at once.
    private func resetCell() {
        guard liveCell != nil, !askPredictionFirst() else { return }
        pause()
        let look = look
        change { cell in
            cell.reset()
            return look.tr("reset to the start (seed %@)", cell.main.config.seed)
        }
        state.running = true
        lastTick = nil
    }

    /// Trains for at most `budgetNanoseconds`, at the speed level's rate, given the
    /// monotonic time `now`. The step sequence does not depend on timing, only how many
    /// steps land in each frame. Stops at the cell's step budget.
    public func tick(now: UInt64, budgetNanoseconds: UInt64, clock: () -> UInt64) {
        // A change's message, unless a later key has cleared the status line since.
        if let note = worker?.takeMessage(), note.tag == keysHandled { state.message = note.text }
        guard isTraining, let cell = liveCell else { lastTick = nil; return }
        let elapsed = Double(now - (lastTick ?? now)) / 1e9
        lastTick = now
        let rate = Speed.stepsPerSecond(state.speed)
        owed = min(owed + max(elapsed, 1.0 / 60) * rate, 1e6)
        if let worker {
            // At most a tenth of a second's steps wait: a model slower than the pace
            // trains flat out without piling up steps it cannot keep up with.
            // A run that has ended is owed nothing more: owing it steps would keep the
            // thread busy (and the status at "training") for ever.
            if let now = summary, now.hasEnded {
                if !worker.isBusy || now.divergence != nil { state.running = false; owed = 0 }
            } else {
                let whole = Int(owed)
                owed -= Double(whole)
                if whole > 0 { worker.owe(whole, limit: Int(rate / 10)) }
            }
            checkExercise()
            return
        }
        let deadline = now + budgetNanoseconds
        while owed >= 1 && clock() < deadline && cell.divergence == nil && !cell.isDone {
            cell.train(steps: 1)
            owed -= 1
        }
        if cell.isDone || cell.divergence != nil {
            state.running = false
            owed = 0
        }
        checkExercise()
    }

    /// Trains the current page's cell by `n` steps at once (headless `render`).
    public func train(steps n: Int) {
        liveCell?.train(steps: n)
        state.running = false
        checkExercise()
    }

}

extension Notebook {
    /// Shows a one-line message in the status bar until the next key.
    public func say(_ message: String) { state.message = message }

}
