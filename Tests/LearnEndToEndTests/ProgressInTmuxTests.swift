import Foundation
import Testing

/// Progress across notebook processes: two at once, and one that died.
@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux"))
struct ProgressInTmuxTests {
    /// Issue 20 #11: each notebook wrote its whole file; the last writer's lost the other's answer.
    @Test func twoNotebooksAtOnceKeepBothProgress() throws {
        let folder = try LessonFolder(["01-tiny.md": LessonFolder.lesson()])
        defer { folder.remove() }
        let state = folder.path + "/state"
        let arguments = ["tiny", "--lessons", folder.path]
        let first = try Tmux(width: 120, height: 40, arguments: arguments, stateHome: state)
        let second = try Tmux(width: 120, height: 40, arguments: arguments, stateHome: state)
        #expect(first.wait(for: "page 1/").ok && second.wait(for: "page 1/").ok)
        try first.send("Right")
        #expect(first.wait(for: "page 2/").ok)
        try first.send("1")
        #expect(first.wait(for: "One neuron, one line").ok)
        try first.send("q")
        #expect(first.wait(for: "exited with 0").ok)
        try second.send("Right")
        #expect(second.wait(for: "page 2/").ok)
        try second.send("q")
        #expect(second.wait(for: "exited with 0").ok)
        let list = try Binary.run(["list", "--lessons", folder.path], environment: ["XDG_STATE_HOME": state])
        #expect(list.stdout.contains("1/1 questions"), "the first notebook's answer survives the second's save:\n\(list.stdout)")
    }

    /// Issue 20 #8: after the notebook died on a page, every plain `learn` reopened into it.
    @Test func aSessionThatDiedDoesNotReopenIntoItsPage() throws {
        let state = NSTemporaryDirectory() + "learn-state-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: state) }
        do {
            let dying = try Tmux(width: 120, height: 40, arguments: ["03"], stateHome: state)
            #expect(dying.wait(for: "learn · 03").ok)
            try dying.send("Right")
            #expect(dying.wait(for: "page 2/").ok)
            usleep(300_000)
            let pid = try #require(try dying.learnPID())
            kill(pid, SIGKILL)
            #expect(dying.wait(for: "exited with 137").ok)
        }
        let again = try Tmux(width: 120, height: 40, arguments: [], stateHome: state)
        let opened = again.wait(for: "did not close cleanly")
        #expect(opened.ok, "says so:\n\(opened.screen)")
        #expect(opened.screen.contains("contents · "), "offers the contents:\n\(opened.screen)")
        try again.send("q")
        #expect(again.wait(for: "exited with 0").ok)
        // A clean exit clears the mark: the next start resumes as usual.
        let resumed = try Tmux(width: 120, height: 40, arguments: [], stateHome: state)
        let screen = resumed.wait(for: "learn · 03")
        #expect(screen.ok && !screen.screen.contains("did not close cleanly"), "\(screen.screen)")
        try resumed.send("q")
        #expect(resumed.wait(for: "exited with 0").ok)
    }
}
