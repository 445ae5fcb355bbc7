import Foundation
import Testing

/// Issue 20 #13 and #14: signals from outside while the notebook is up.
@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux"))
struct SignalsInTmuxTests {
    /// Every signal whose default action ends the process puts the terminal back first:
    /// USR1, USR2 and ALRM left the alternate screen up and the cursor hidden.
    @Test(arguments: [SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGPIPE])
    func aSignalThatEndsTheProcessRestoresTheTerminal(_ signal: Int32) throws {
        let tmux = try Tmux(width: 100, height: 30, arguments: [])
        #expect(tmux.wait(for: "page 1/").ok)
        #expect(tmux.pane("alternate_on") == "1")
        let pid = try #require(try tmux.learnPID())
        kill(pid, signal)
        let after = tmux.wait(for: "exited with \(128 + signal)")
        #expect(after.ok, "signal \(signal):\n\(after.screen)")
        #expect(tmux.pane("alternate_on") == "0", "signal \(signal): the alternate screen is left")
        #expect(tmux.pane("cursor_flag") == "1", "signal \(signal): the cursor is shown again")
    }

    /// After `kill -TSTP` and a resume while idle, the first → went to the previous lesson:
    /// curses read on with keypad mode off, and `ESC [ C` came in as Esc, `[`, `C`.
    @Test func theFirstArrowAfterAStopFromOutsideIsAnArrow() throws {
        let tmux = try Tmux(width: 120, height: 40, arguments: ["03"])
        #expect(tmux.wait { $0.contains("learn · 03") && $0.contains("page 1/") }.ok)
        let pid = try #require(try tmux.learnPID())
        kill(pid, SIGTSTP)
        usleep(500_000)
        kill(pid, SIGCONT)
        usleep(500_000)
        try tmux.send("Right")
        let moved = tmux.wait { $0.contains("page 2/") || $0.contains("learn · 02") }
        #expect(moved.screen.contains("learn · 03") && moved.screen.contains("page 2/"), "after the stop:\n\(moved.screen)")
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }
}
