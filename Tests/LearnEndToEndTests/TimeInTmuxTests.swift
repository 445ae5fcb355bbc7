import Foundation
import Testing

/// Issue 16 in a real terminal: scrubbing a run, branching it (the ghost), a prediction
/// that gates its run, an exercise solved and recorded, a quiz answered again.
@Suite(.serialized, .enabled(if: Tmux.available, "needs tmux"))
struct TimeInTmuxTests {
    /// A sine fitted in 120 steps at 100 steps a second.
    static let curve = """
        ---
        learn: 1
        id: curve
        title: A curve
        summary: An MLP fits a sine.
        minutes: 1
        ---

        ## A curve

        A small network fits a sine.

        ```model
        id: sine
        model: mlp
        data: sin
        layers: [16]
        optimizer: {name: sgd, lr: 0.05}
        steps: 120
        pace: 100
        panels: [loss, fit]
        knobs: {lr: [0.01, 0.5]}
        ```
        """

    /// Y = kX at lr 0.001 ends near k ≈ 0.9 after 30 steps; at lr 0.01 it reaches 1.
    static let activities = """
        ---
        learn: 1
        id: kx
        title: Y = kX
        summary: One weight learns a slope.
        minutes: 2
        ---

        ## Predict

        ```model
        id: guess
        model: kx
        data: line
        rule: gradient
        optimizer: {name: sgd, lr: 0.001}
        steps: 30
        pace: 25
        panels: [param, loss]
        predict: {ask: Will k reach 1 in 30 steps?, choices: [Yes, No], answer: 2, explain: Each step is small.}
        ```

        ## Solve

        ```model
        id: walk
        model: kx
        data: line
        rule: gradient
        optimizer: {name: sgd, lr: 0.001}
        steps: 30
        pace: 25
        panels: [param, loss]
        knobs: {lr: [0.0001, 0.1]}
        exercise: {task: Make k reach 1., goal: [k > 0.99], solution: {lr: 0.01}}
        ```

        ## Ask

        ```quiz
        id: slope
        ask: Which k fits (1,1)…(10,10)?
        choices:
          - 1
          - 10
        answer: 1
        explain: Y = X, so k = 1.
        ```
        """

    /// The loss panel's headline number (`┌ loss 0.1601 …`).
    static func headline(_ screen: String) -> String? {
        guard let range = screen.range(of: #"┌ loss [0-9.e-]+"#, options: .regularExpression) else { return nil }
        return String(screen[range].dropFirst("┌ loss ".count))
    }

    @Test func scrubbingBack50StepsShowsThatStepsLoss() throws {
        let folder = try LessonFolder(["01-curve.md": Self.curve])
        defer { folder.remove() }
        let tmux = try Tmux(width: 120, height: 40, arguments: ["01"], environment: ["LEARN_LESSONS": folder.path])
        let done = tmux.wait(for: "done  step 120/120")
        #expect(done.ok, "\(done.screen)")
        try tmux.send(contentsOf: Array(repeating: ",", count: 50))
        let rewound = tmux.wait(for: "rewound  step 70/120")
        #expect(rewound.ok, "\(rewound.screen)")
        // The same lesson trained straight to step 70, headless: the same loss.
        let render = try Binary.run(["render", "01", "--steps", "70", "--lessons", folder.path])
        let expected = try #require(Self.headline(render.stdout), "\(render.stdout)")
        let shown = tmux.wait { Self.headline($0) == expected && $0.contains("at step 70") }
        #expect(shown.ok, "headline \(expected) at step 70:\n\(shown.screen)")
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }

    @Test func aKnobTurnedAtAnEarlierStepLeavesAGhost() throws {
        let folder = try LessonFolder(["01-curve.md": Self.curve])
        defer { folder.remove() }
        let tmux = try Tmux(width: 120, height: 40, arguments: ["01"], environment: ["LEARN_LESSONS": folder.path])
        #expect(tmux.wait(for: "done  step 120/120").ok)
        try tmux.send("<", "<", "<", "<", "<")
        #expect(tmux.wait(for: "rewound  step 60/120").ok)
        #expect(!tmux.screen.contains("before"))
        try tmux.send("k", "Right", "Escape")
        let branched = tmux.wait { $0.contains("lr 0.06  pace") && $0.components(separatedBy: "┈ before").count == 3 }
        #expect(branched.ok, "a faint 'before' line in both the loss and the fit panel:\n\(branched.screen)")
        #expect(branched.screen.contains("paused  step 60/120"), "the branch starts at step 60:\n\(branched.screen)")
        try tmux.send("Space")
        #expect(tmux.wait(for: "done  step 120/120").ok)
        #expect(tmux.screen.components(separatedBy: "┈ before").count == 3, "the ghost stays:\n\(tmux.screen)")
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }

    @Test func aPredictionGatesItsRun() throws {
        let folder = try LessonFolder(["01-kx.md": Self.activities])
        defer { folder.remove() }
        let tmux = try Tmux(width: 120, height: 40, arguments: ["01"], environment: ["LEARN_LESSONS": folder.path])
        #expect(tmux.wait(for: "Predict first: Will k reach 1 in 30 steps?").ok)
        Thread.sleep(forTimeInterval: 1)
        try tmux.send("Space")
        let held = tmux.wait(for: "predict first: press 1–2")
        #expect(held.ok && held.screen.contains("paused  step 0/30"), "no step before the answer:\n\(held.screen)")
        try tmux.send("1")
        let ran = tmux.wait { $0.contains("done  step 30/30") && $0.contains("Not what happened") }
        #expect(ran.ok, "the answer starts the run; the verdict shows when it ends:\n\(ran.screen)")
        #expect(ran.screen.contains("the answer is 2"))
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
    }

    @Test func aGoalReachedIsShownAndRecorded() throws {
        let folder = try LessonFolder(["01-kx.md": Self.activities])
        defer { folder.remove() }
        let state = folder.path + "/state"
        let tmux = try Tmux(width: 120, height: 40, arguments: ["01"], stateHome: state, environment: ["LEARN_LESSONS": folder.path])
        #expect(tmux.wait(for: "page 1/").ok)
        try tmux.send("Right")
        #expect(tmux.wait(for: "done  step 30/30").ok, "the run as written ends first")
        #expect(tmux.screen.contains("Not yet"))
        try tmux.send(contentsOf: ["k"] + Array(repeating: "Right", count: 10) + ["Escape"])  // lr 0.001 → 0.01
        #expect(tmux.wait(for: "lr 0.01  pace").ok)
        try tmux.send("r")
        let solved = tmux.wait { $0.contains("exercise solved!") && $0.contains("✓ Solved") }
        #expect(solved.ok, "\(solved.screen)")
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
        let list = try Binary.run(["list", "--lessons", folder.path], environment: ["XDG_STATE_HOME": state])
        #expect(list.stdout.contains("1/1 exercises"), "recorded:\n\(list.stdout)")
    }

    @Test func aWrongQuizAnswerCanBeRetried() throws {
        let folder = try LessonFolder(["01-kx.md": Self.activities])
        defer { folder.remove() }
        let state = folder.path + "/state"
        let tmux = try Tmux(width: 120, height: 40, arguments: ["01"], stateHome: state, environment: ["LEARN_LESSONS": folder.path])
        #expect(tmux.wait(for: "page 1/").ok)
        try tmux.send("G")
        #expect(tmux.wait(for: "Which k fits").ok)
        try tmux.send("2")
        let wrong = tmux.wait(for: "Not quite.")
        #expect(wrong.ok && wrong.screen.contains("Press 1–2 to try again"), "\(wrong.screen)")
        try tmux.send("1")
        let right = tmux.wait(for: "Right. Y = X, so k = 1.")
        #expect(right.ok, "\(right.screen)")
        try tmux.send("q")
        #expect(tmux.wait(for: "exited with 0").ok)
        let list = try Binary.run(["list", "--lessons", folder.path], environment: ["XDG_STATE_HOME": state])
        #expect(list.stdout.contains("0/1 questions right"), "the record keeps the first answer:\n\(list.stdout)")
    }
}
