import ArgumentParser
import Dispatch
import Foundation
import LearnCurses
import LearnNotebook
import LearnRender

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the notebook (the default command): where you left off, or at a lesson.")

    @Argument(help: "A lesson: number (05), id (perceptron), file name (05-mlp), or a path to a lesson file or course folder.")
    var lesson: String?

    @OptionGroup var global: GlobalOptions

    /// A frame every 30 ms while training (33 frames/s), of which training may use 16: a
    /// step is never cut short, so a slow step overshoots the slice, and the rest stays
    /// for drawing.
    static let frameNanoseconds: UInt64 = 30_000_000
    static let trainingBudget: UInt64 = 16_000_000
    /// Panels of a live cell refresh at most 8 times a second while it trains.
    static let inspectionInterval: UInt64 = 125_000_000

    func run() throws {
        try reporting {
            let (lessons, chosen) = try LessonSource.course(global, lesson: lesson)
            let store = ProgressStore(course: LessonSource.courseFolder(of: lessons))
            let (progress, warning) = store.load()
            var state = NotebookState()
            state.answers = progress.answers
            state.attempts = progress.answers
            state.solved = progress.solved
            // Set when the last session ended on the page it resumes at without closing
            // (a crash, a kill): that page's cell is not built again unasked.
            var unclean: String?
            if lesson != nil {
                state.lesson = chosen ?? 0
            } else if let last = progress.lesson, let i = lessons.firstIndex(where: { $0.id == last }) {
                state.lesson = i
                state.page = progress.page
                if let pid = progress.openBy, pid != getpid(), !ProcessEnvironment.isRunning(pid) {
                    unclean = "learn did not close cleanly on this page last time"
                    state.overlay = .contents(selected: i)
                }
            }
            let terminal: Terminal
            do throws(TerminalError) {
                terminal = try Terminal.open(Terminal.Options(noColor: global.noColor || ProcessEnvironment.noColor))
            } catch {
                throw Failure(code: 1, message: """
                    learn: cannot open the notebook: \(error.message).
                    The notebook needs an interactive terminal. Without one, try:
                      learn render \(lesson ?? "00") --page 1     print a page as text
                      learn check                   run every lesson headless
                    """)
            }
            let look = Look(glyphs: global.ascii || !terminal.isUTF8 ? .ascii : .unicode, tier: terminal.colorTier,
                            language: LessonSource.interfaceLanguage(global, course: lessons))
            // The page about to open is marked as open by this process before its cell is
            // built, so a crash there is known at the next start (`Progress.openBy`).
            var saved = progress
            var openProblem: String?
            if unclean == nil {
                var opening = progress
                opening.lesson = lessons[state.lesson].id
                opening.page = state.page
                opening.openBy = getpid()
                openProblem = store.save(opening)
                saved = opening
            }
            let notebook = Notebook(lessons: lessons, state: state, look: look, seed: global.seed,
                                    heldCell: unclean.map { "not built: \($0)" })
            notebook.inspectionInterval = Self.inspectionInterval
            notebook.startTrainingThread()
            if let message = unclean.map({ "\($0): pick a lesson, or Esc to read the page" }) ?? warning ?? openProblem {
                notebook.say(message)
            }
            // Saved on every page change too: SIGTERM and SIGHUP end the process at once.
            let save = { (open: Bool) in
                var now = saved
                now.lesson = notebook.currentLesson.id
                now.page = notebook.state.page
                now.answers = notebook.state.answers
                now.finished.formUnion(notebook.state.finished)
                now.solved.formUnion(notebook.state.solved)
                now.openBy = open ? getpid() : nil
                guard now != saved else { return }
                if let problem = store.save(now) { notebook.say(problem) }
                saved = now
            }
            notebook.willBuildCell = { save(true) }
            loop(notebook, terminal, afterKeys: { save(true) })
            terminal.close()
            save(false)
        }
    }

    private func loop(_ notebook: Notebook, _ terminal: Terminal, afterKeys: () -> Void) {
        let clock = { DispatchTime.now().uptimeNanoseconds }
        terminal.draw(notebook.frame(width: terminal.size.width, height: terminal.size.height))
        var rate = FrameRate()
        var previousFrame = clock()
        // Whether the frame on screen was drawn while the training thread was still at work
        // (it may have finished since, so the next frame must not wait for a key).
        var stale = false
        while true {
            let frameStart = clock()
            notebook.framesPerSecond = rate.tick(frameStart)
            // Idle: wait for a key with no timeout, so an idle notebook uses no CPU. While
            // training, or while a step a key asked for is under way, wait for keys only
            // for what is left of this frame's 30 ms.
            let used = clock() - previousFrame
            let wait = notebook.isBusy || stale ? Int((Self.frameNanoseconds - min(used, Self.frameNanoseconds)) / 1_000_000) : -1
            if let event = terminal.nextEvent(timeoutMilliseconds: wait) {
                if case .key(let key) = event, let mapped = Self.map(key) {
                    if mapped == .quit || notebook.handle(mapped.key) == .quit { return }
                }
                // Drain what else is waiting, so held keys never lag behind.
                while let more = terminal.nextEvent(timeoutMilliseconds: 0) {
                    if case .key(let key) = more, let mapped = Self.map(key) {
                        if mapped == .quit || notebook.handle(mapped.key) == .quit { return }
                    }
                }
            }
            afterKeys()
            notebook.tick(now: clock(), budgetNanoseconds: Self.trainingBudget, clock: clock)
            stale = notebook.isBusy
            terminal.draw(notebook.frame(width: terminal.size.width, height: terminal.size.height))
            previousFrame = frameStart
        }
    }

    /// A terminal key as the notebook's key; Ctrl-C quits.
    enum Mapped: Equatable {
        case key(Key)
        case quit

        var key: Key { if case .key(let k) = self { k } else { .escape } }
    }

    static func map(_ key: TerminalKey) -> Mapped? {
        switch key {
        case .character(let c): .key(.char(c))
        case .interrupt: .quit
        case .control("d"): .quit
        case .up: .key(.up)
        case .down: .key(.down)
        case .left: .key(.left)
        case .right: .key(.right)
        case .pageUp: .key(.pageUp)
        case .pageDown: .key(.pageDown)
        case .home: .key(.home)
        case .end: .key(.end)
        case .tab, .backTab: .key(.tab)
        case .enter: .key(.enter)
        case .escape: .key(.escape)
        case .backspace, .delete: .key(.backspace)
        case .function(1): .key(.char("?"))
        default: nil
        }
    }
}
