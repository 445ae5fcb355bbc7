import Foundation
import Testing

/// The step-through view (`x`) in a real terminal: open, move through the stages, reach the
/// last one, leave — and the step it showed is the one the run took.
@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux"))
struct StepViewInTmuxTests {
    static let lesson = """
        ---
        learn: 1
        id: inside
        title: Inside a step
        summary: One step, opened.
        minutes: 2
        ---

        ## Step

        ```model
        id: k
        model: kx
        data: line
        rule: gradient
        k0: 0.5
        optimizer: {name: sgd, lr: 0.01}
        steps: 10
        panels: [param, loss]
        ```
        """

    @Test(arguments: [(120, 40), (80, 24)])
    func openMoveCommitLeave(_ size: (Int, Int)) throws {
        let folder = try LessonFolder(["01-inside.md": Self.lesson])
        defer { folder.remove() }
        let tmux = try Tmux(width: size.0, height: size.1, arguments: ["01", "--lessons", folder.path])
        #expect(tmux.wait(for: "step 0/10").ok, "\(tmux.screen)")
        try tmux.send("x")
        // The step is taken as the view opens (the status line follows within a frame).
        let opened = tmux.wait { $0.contains("1/5 the batch") && $0.contains("step 1/10") }
        #expect(opened.ok, "x opens the step, and takes it:\n\(opened.screen)")
        try tmux.send("Right")
        let forward = tmux.wait(for: "2/5 forward")
        #expect(forward.ok && forward.screen.contains("ŷ = 0.5 × 1 = 0.5"), "\(forward.screen)")
        try tmux.send("Left")
        #expect(tmux.wait(for: "1/5 the batch").ok)
        for _ in 0..<6 { try tmux.send("Right") }
        let last = tmux.wait(for: "5/5 update")
        #expect(last.ok, "→ stops at the last stage:\n\(last.screen)")
        #expect(last.screen.contains("0.5 − 0.01 × -38.5 = 0.885"), "\(last.screen)")
        try tmux.send("Escape")
        let left = tmux.wait { !$0.contains("5/5 update") }
        #expect(left.ok, "Esc leaves:\n\(left.screen)")
        #expect(left.screen.contains("step 1/10"), "\(left.screen)")
        if size.0 < 100 { try tmux.send("Tab") }  // a narrow screen shows the panels on Tab
        let k = tmux.wait(for: "0.885")
        #expect(k.ok, "the step shown is the step taken: k is 0.885 in the panels:\n\(k.screen)")
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }
}
