import Foundation
import Testing

/// A model whose every step takes seconds (a lint-clean Transformer, in a debug build)
/// must not hold up a key: training runs on a thread of its own.
@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux"))
struct TrainingThreadInTmuxTests {
    static let heavy = """
        ---
        learn: 1
        id: heavy
        title: A heavy model
        summary: Every step takes seconds.
        minutes: 1
        ---

        ## Slow steps

        A wide Transformer.

        ```model
        id: wide
        model: transformer
        data: reverse
        length: 24
        embed: 128
        heads: 4
        blocks: 4
        batch: 64
        optimizer: {name: adam, lr: 0.001}
        steps: 50
        panels: [loss, attention]
        ```
        """

    func open() throws -> (Tmux, LessonFolder) {
        let folder = try LessonFolder(["01-heavy.md": Self.heavy])
        let tmux = try Tmux(width: 120, height: 40, arguments: ["01"], environment: ["LEARN_LESSONS": folder.path])
        return (tmux, folder)
    }

    @Test func lesson01sGradientCellIsStillRunningAfterTwoSeconds() throws {
        let tmux = try Tmux(width: 120, height: 40, arguments: ["01"])
        #expect(tmux.wait(for: "page 1/").ok)
        try tmux.send("Right")
        try tmux.send("Right")
        try tmux.send("Right")
        #expect(tmux.wait(for: "Following the slope").ok)
        Thread.sleep(forTimeInterval: 2)
        let screen = tmux.screen
        #expect(screen.contains("▶ training"), "at the default pace 40 steps last 8 s:\n\(screen)")
        #expect(screen.contains("pace ≤5 steps/s"))
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }

    @Test func aStepTakenWhilePausedIsShownWithoutAnotherKey() throws {
        let tmux = try Tmux(width: 120, height: 40, arguments: ["01"])
        #expect(tmux.wait(for: "page 1/").ok)
        try tmux.send("Right")
        try tmux.send("Space")
        let paused = tmux.wait(for: "⏸ paused")
        #expect(paused.ok, "paused:\n\(paused.screen)")
        let step = { (screen: String) -> Int? in
            guard let range = screen.range(of: #"step (\d+)/"#, options: .regularExpression) else { return nil }
            return Int(screen[range].dropFirst(5).dropLast())
        }
        let before = try #require(step(paused.screen))
        try tmux.send("s")
        let after = tmux.wait(upTo: 5) { step($0) == before + 1 }
        #expect(after.ok, "s while paused, step \(before) → \(before + 1):\n\(after.screen)")
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }

    @Test func keysAndQuitDoNotWaitForAStep() throws {
        let (tmux, folder) = try open()
        defer { folder.remove() }
        let training = tmux.wait(for: "▶ training")
        #expect(training.ok, "first frame:\n\(training.screen)")
        Thread.sleep(forTimeInterval: 0.5)  // the first step is under way
        try tmux.send("?")
        let help = tmux.wait(for: "table of contents", upTo: 2)
        #expect(help.ok, "help while a step runs:\n\(help.screen)")
        try tmux.send("Escape")
        let pid = try #require(try tmux.learnPID())
        let asked = Date()
        try tmux.send("q")
        // Timed by the process itself (gone, not a zombie: the shell reaps it), not by
        // polling the screen.
        while kill(pid, 0) == 0 && Date().timeIntervalSince(asked) < 10 { usleep(10_000) }
        let seconds = Date().timeIntervalSince(asked)
        #expect(seconds < 1, "q took \(seconds) s while a step of seconds was under way")
        let quit = tmux.wait(for: "exited with 0", upTo: 10)
        #expect(quit.ok, "q:\n\(quit.screen)")
    }

    /// At 80×24 the text and the panels take turns (Tab). The panels drawn before were the
    /// wrong size, and a model training flat out never left the cell free to draw them:
    /// the panels stayed blank until the student paused.
    @Test func tabShowsThePanelsWhileAHeavyModelTrains() throws {
        let folder = try LessonFolder(["01-heavy.md": Self.heavy])
        defer { folder.remove() }
        let tmux = try Tmux(width: 80, height: 24, arguments: ["01"], environment: ["LEARN_LESSONS": folder.path])
        #expect(tmux.wait(for: "A wide Transformer").ok)
        try tmux.send("Tab")
        let shown = tmux.wait(upTo: 60) { $0.contains("┌ loss") || $0.contains("┌ L1 H1") }
        #expect(shown.ok, "the panels appear while training:\n\(shown.screen)")
        #expect(shown.screen.contains("▶ training"), "\(shown.screen)")
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }

    /// A run that has trained its budget says so and stops. At 100 steps a second each
    /// frame owed the finished run another step, so the thread always looked busy and the
    /// status stayed at "▶ training 500/500", drawing 60 frames a second.
    @Test func aFinishedRunSaysDone() throws {
        let quick = """
            ---
            learn: 1
            id: quick
            title: A quick model
            summary: Five seconds at the default pace.
            minutes: 1
            ---

            ## Quick

            ```model
            id: line
            model: perceptron
            data: xor
            steps: 500
            panels: [loss]
            ```
            """
        let folder = try LessonFolder(["01-quick.md": quick])
        defer { folder.remove() }
        let tmux = try Tmux(width: 120, height: 40, arguments: ["01"], environment: ["LEARN_LESSONS": folder.path])
        let done = tmux.wait(upTo: 15) { $0.contains("done  step 500/500") }  // 5 s at the pace; it used to take 20 s or more
        #expect(done.ok, "\(done.screen)")
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }
}
