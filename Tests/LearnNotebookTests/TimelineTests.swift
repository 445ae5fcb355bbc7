import LearnLessons
import LearnModels
@testable import LearnNotebook
import LearnRender
import Testing

/// Issue 16.3: a run's timeline. Any step trained can be shown again exactly (metrics,
/// parameters, gradients, every run), a replay repeats the knob changes made on the way,
/// a knob turned at an earlier step branches, and the checkpoints stay within their bound.
@Suite struct TimelineTests {
    static let lesson = """
        ---
        learn: 1
        id: moons
        title: Moons
        summary: Two runs on the moons.
        minutes: 1
        ---

        ## Moons

        ```model
        id: net
        model: mlp
        data: moons
        layers: [8]
        optimizer: {name: sgd, lr: 0.1, momentum: 0.9}
        steps: 300
        batch: 16
        panels: [loss, decision]
        knobs: {lr: [0.01, 1], optimizer: [sgd, adam], noise: [0, 0.5]}
        compare:
          - {label: adam, optimizer: {name: adam, lr: 0.01}}
        ```

        ## A line

        ```model
        id: line
        model: mlp
        data: sin
        layers: [8]
        optimizer: {name: sgd, lr: 0.05}
        steps: 100
        panels: [loss, fit]
        knobs: {lr: [0.01, 1]}
        ```
        """

    func cell(_ index: Int = 0) throws -> ModelCell {
        try #require(try Fixtures.load(["01-moons.md": Self.lesson]).first?.modelCells[index])
    }

    /// Everything a panel reads of a run, to compare two runs exactly.
    struct Seen: Equatable {
        let step: Int
        let history: [StepMetrics]
        let parameters: [[Float]]
        let gradients: [[Float]]
        let validation: [Double]

        init(_ live: LiveCell) {
            step = live.step
            history = live.runs.flatMap(\.trainer.history)
            parameters = live.runs.flatMap { $0.trainer.parameters.map(\.value) }
            gradients = live.runs.flatMap { $0.trainer.parameters.map(\.grad) }
            validation = live.runs.flatMap { $0.trainer.validationHistory.map(\.loss) }
        }
    }

    /// A fresh cell trained straight to `steps`.
    func straight(_ steps: Int) throws -> Seen {
        let live = try LiveCell(try cell())
        live.train(steps: steps)
        return Seen(live)
    }

    @Test func anEarlierStepIsShownExactlyAndTheFurthestAgain() throws {
        let live = try LiveCell(try cell())
        live.train(steps: 300)
        let end = Seen(live)
        for target in [250, 123, 1, 0, 299] {
            live.seek(to: target)
            #expect(live.step == target && live.furthest == 300 && live.isRewound)
            #expect(Seen(live) == (try straight(target)), "step \(target): momentum, Adam moments and batches all put back")
            #expect(live.ahead.first?.step == target + 1 && live.ahead.last?.step == 300)
        }
        live.seek(to: 300)
        #expect(Seen(live) == end)
        #expect(!live.isRewound && live.ahead.isEmpty)
    }

    @Test func playingOnFromAnEarlierStepRetracesTheRun() throws {
        let live = try LiveCell(try cell())
        live.train(steps: 40)
        try live.set(.lr, to: .number(0.5))       // a change at step 40 …
        live.train(steps: 30)
        try live.set(.optimizer, to: .choice("adam"))  // … and one at 70
        live.train(steps: 30)
        let end = Seen(live)
        live.seek(to: 20)
        #expect(live.value(of: .lr) == .number(0.1), "the knobs as they were at step 20")
        live.train(steps: 80)
        #expect(Seen(live) == end, "the replay makes both changes again at their steps")
        #expect(live.value(of: .optimizer) == .choice("adam"))
    }

    @Test func aKnobTurnedAtAnEarlierStepBranchesAndLeavesAGhost() throws {
        let live = try LiveCell(try cell())
        live.train(steps: 100)
        let old = live.runs[0].trainer.history.map(\.loss)
        live.seek(to: 50)
        try live.set(.lr, to: .number(1))
        #expect(live.step == 50 && live.furthest == 50, "the branch starts here; the old future is gone")
        #expect(live.ghost?.losses == old, "the whole old run, not only its first 50 steps")
        live.train(steps: 50)
        #expect(live.runs[0].trainer.history.map(\.loss).prefix(50) == old.prefix(50))
        #expect(live.runs[0].trainer.history.map(\.loss)[50...] != old[50...])
        live.seek(to: 75)
        #expect(live.value(of: .lr) == .number(1), "the branch's own change is replayed")
    }

    @Test func aRestartFromAnEarlierStepKeepsTheWholeRunAsTheGhost() throws {
        let live = try LiveCell(try cell())
        live.train(steps: 60)
        let old = live.runs[0].trainer.history.map(\.loss)
        live.seek(to: 10)
        try live.set(.noise, to: .number(0.3))
        #expect(live.step == 0 && live.ghost?.losses == old)
    }

    @Test func theFitPanelKeepsTheOldCurveAsAGhost() throws {
        let live = try LiveCell(try cell(1))
        live.train(steps: 100)
        let curve = live.inspection(run: 0).curve.map(\.y)
        live.seek(to: 30)
        try live.set(.lr, to: .number(0.5))
        #expect(live.ghost?.curve.map(\.y) == curve, "the fit where the old run ended")
        live.train(steps: 5)
        let panel = Panels(live: live, look: .unicode)
        var grid = CellGrid(width: 60, height: 20)
        panel.render(.fit, into: &grid, area: grid.bounds)
        #expect(grid.description.contains("before"), "\(grid.description)")
    }

    @Test func checkpointsStayWithinTheirBoundAndSpreadOverTheRun() throws {
        let live = try LiveCell(try cell())
        live.train(steps: 3000)
        #expect(live.timelineBytes <= Timeline.budget)
        live.seek(to: 1234)
        #expect(Seen(live) == (try straight(1234)), "after thinning, a step between checkpoints is still exact")
    }

    /// `learn check` never shows an earlier step: its cells keep two checkpoints, not up to
    /// the notebook's budget (it trains two cells at once; lesson 13's three runs had held
    /// 117 MB between them).
    @Test func headlessCellsKeepTwoCheckpoints() throws {
        let live = try LiveCell(try cell(), rewindable: false)
        let start = live.timelineBytes
        live.train(steps: 500)
        #expect(live.timelineBytes <= 3 * start, "two checkpoints (a later one also holds the optimiser state)")
        let notebook = try LiveCell(try cell())
        notebook.train(steps: 500)
        #expect(notebook.timelineBytes > 10 * start, "the notebook keeps more to scrub back through")
    }

    /// Scrubbing back is a notebook key: the panels and the status line show the step.
    @Test func scrubKeysShowAnEarlierStep() throws {
        let nb = Notebook(lessons: try Fixtures.load(["01-moons.md": Self.lesson]), look: .unicode)
        nb.train(steps: 300)
        let loss250 = try #require(nb.liveCell?.runs[0].trainer.history[249].loss)
        for _ in 0..<50 { _ = nb.handle(.char(",")) }
        let frame = nb.frame(width: 120, height: 40).description
        #expect(frame.contains("loss \(Format.number(loss250)) at step 250"), "\(frame)")
        #expect(frame.contains("rewound  step 250/300"), "\(frame)")
        #expect(frame.contains("later"), "the rest of the run is drawn faintly")
        _ = nb.handle(.char(">"))
        #expect(nb.liveCell?.step == 280)
        _ = nb.handle(.char(" "))
        #expect(nb.isTraining && nb.state.message?.contains("replaying from step 280") == true)
    }

    /// `s` and `space` on a finished run both go on for another budget, and say so.
    @Test func aFinishedRunGoesOnTheSameWayWithSpaceOrS() throws {
        let nb = Notebook(lessons: try Fixtures.load(["01-moons.md": Self.lesson]), look: .unicode)
        nb.train(steps: 300)
        _ = nb.handle(.char("s"))
        #expect(nb.summary?.step == 301 && nb.summary?.steps == 600)
        #expect(nb.state.message == "going on for another 300 steps")
    }

    @Test func aCellsPaceSetsTheOpeningSpeed() throws {
        let text = Self.lesson.replacingOccurrences(of: "steps: 300", with: "steps: 300\npace: 2")
        let nb = Notebook(lessons: try Fixtures.load(["01-moons.md": text]), look: .unicode)
        #expect(Speed.stepsPerSecond(nb.state.speed) == 2)
        #expect(nb.frame(width: 120, height: 40).description.contains("pace ≤2 steps/s"))
        _ = nb.handle(.char("+"))
        #expect(Speed.stepsPerSecond(nb.state.speed) == 5)
    }
}
