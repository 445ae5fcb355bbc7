import Foundation
import Testing

/// The notebook in a real terminal (tmux), driven by keys and read from the screen.
@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux"))
struct NotebookInTmuxTests {
    @Test func firstFrameHelpPagingAndQuit() throws {
        let tmux = try Tmux(width: 120, height: 40, arguments: [])
        let first = tmux.wait(for: "page 1/")
        #expect(first.ok, "first frame:\n\(first.screen)")
        #expect(first.screen.contains("learn · 00"))
        try tmux.send("?")
        let help = tmux.wait(for: "table of contents")
        #expect(help.ok, "help overlay:\n\(help.screen)")
        try tmux.send("Escape")
        #expect(tmux.wait(until: { !$0.contains("table of contents") }).ok)
        try tmux.send("Right")
        let second = tmux.wait(for: "page 2/")
        #expect(second.ok, "paging:\n\(second.screen)")
        try tmux.send("q")
        let exited = tmux.wait(for: "exited with 0")
        #expect(exited.ok, "quit:\n\(exited.screen)")
        #expect(!exited.screen.contains("learn · 00"), "the alternate screen is gone after q")
    }

    @Test func trainingAdvancesTheStepCounter() throws {
        let tmux = try Tmux(width: 120, height: 40, arguments: ["00"])
        let step = { (screen: String) -> Int? in
            guard let range = screen.range(of: #"step (\d+)/"#, options: .regularExpression) else { return nil }
            return Int(screen[range].dropFirst(5).dropLast())
        }
        let started = tmux.wait { step($0) != nil }
        #expect(started.ok, "status line:\n\(started.screen)")
        let before = step(started.screen) ?? 0
        let later = tmux.wait { (step($0) ?? 0) > before || $0.contains("done") }
        #expect(later.ok, "training should advance:\n\(later.screen)")
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }

    @Test func resizeToSmallAndTooSmall() throws {
        let tmux = try Tmux(width: 120, height: 40, arguments: ["05"])
        #expect(tmux.wait(for: "page 1/").ok)
        try tmux.resize(width: 70, height: 20)
        let narrow = tmux.wait { $0.contains("page 1/") && $0.split(separator: "\n").allSatisfy { $0.count <= 70 } }
        #expect(narrow.ok, "70×20:\n\(narrow.screen)")
        try tmux.resize(width: 30, height: 8)
        let tiny = tmux.wait(for: "too small")
        #expect(tiny.ok, "30×8:\n\(tiny.screen)")
        try tmux.resize(width: 100, height: 30)
        #expect(tmux.wait(for: "page 1/").ok)
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }

    @Test func randomKeysDoNotKillIt() throws {
        let tmux = try Tmux(width: 100, height: 30, arguments: [])
        #expect(tmux.wait(for: "page 1/").ok)
        let keys = ["Right", "Left", "Up", "Down", "PageUp", "PageDown", "Tab", "Escape", "Enter", "Home", "End",
                    "t", "o", "s", "r", "+", "-", "h", "1", "2", "3", "j", "k", "g", "G", "]", "[", "?", "n", "p", " ", "x", "é", "我"]
        var generator = SystemRandomNumberGenerator()
        var seed = UInt64(42)
        for _ in 0..<300 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let key = keys[Int(seed >> 33) % keys.count]
            try tmux.send(key)
            _ = generator.next()
        }
        try tmux.send("Escape")
        try tmux.send("Escape")
        let alive = tmux.wait(for: "page ")
        #expect(alive.ok, "still drawing:\n\(alive.screen)")
        #expect(!alive.screen.contains("exited with"))
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let tmux = try Tmux(width: 100, height: 30, arguments: [])
        #expect(tmux.wait(for: "page 1/").ok)
        let pid = try #require(try tmux.learnPID())
        kill(pid, SIGTERM)
        let after = tmux.wait(for: "exited with")
        #expect(after.ok, "after SIGTERM:\n\(after.screen)")
        #expect(!after.screen.contains("page 1/"), "the notebook's screen is gone")
    }

    @Test func resumesAtTheLastLesson() throws {
        let state = NSTemporaryDirectory() + "learn-state-" + UUID().uuidString
        do {
            let tmux = try Tmux(width: 120, height: 40, arguments: ["03"], stateHome: state)
            #expect(tmux.wait(for: "learn · 03").ok)
            try tmux.send("Right")
            #expect(tmux.wait(for: "page 2/").ok)
            try tmux.send("q")
            #expect(tmux.wait(for: "exited with 0").ok)
        }
        let again = try Tmux(width: 120, height: 40, arguments: [], stateHome: state)
        let resumed = again.wait(for: "learn · 03")
        #expect(resumed.ok, "resume:\n\(resumed.screen)")
        #expect(resumed.screen.contains("page 2/"))
        try again.send("q")
        #expect(again.wait(for: "exited with 0").ok)
    }

    @Test func dumbTerminalIsRefused() throws {
        let tmux = try Tmux(width: 100, height: 30, arguments: [], environment: ["TERM": "dumb"])
        let refused = tmux.wait(for: "exited with 1")
        #expect(refused.ok, "TERM=dumb:\n\(refused.screen)")
        #expect(refused.screen.contains("learn render"))
    }
}
