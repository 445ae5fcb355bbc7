import LearnLessons
import LearnNotebook
import Testing

@Suite struct LiveCellTests {
    static let twoStarts = """
        ---
        learn: 1
        id: starts
        title: Two starts
        summary: The same model from two seeds.
        minutes: 1
        ---

        ## Starts

        ```model
        id: starts
        model: kx
        data: line
        rule: gradient
        optimizer: {name: sgd, lr: 0.001}
        steps: 10
        seed: 1
        panels: [loss]
        knobs: {seed: [0, 9]}
        compare:
          - {label: other-start, seed: 3}
          - {label: faster, optimizer: {name: sgd, lr: 0.002}}
        ```
        """

    func cell() throws -> ModelCell {
        let lessons = try Fixtures.load(["01-starts.md": Self.twoStarts])
        return try #require(lessons.first?.modelCells.first)
    }

    @Test func seedOverrideLeavesAVariantsOwnSeedAlone() throws {
        let live = try LiveCell(try cell(), seed: 7)
        let seeds = live.runs.map(\.trainer.config.seed)
        #expect(seeds == [7, 3, 7], "the cell and the variant without a seed take 7; other-start keeps 3")
    }

    @Test func seedKnobRestartsWithTheNewSeedButNotTheVariantsOwn() throws {
        let live = try LiveCell(try cell())
        #expect(live.runs.map(\.trainer.config.seed) == [1, 3, 1])
        try live.set(.seed, to: .whole(5))
        #expect(live.runs.map(\.trainer.config.seed) == [5, 3, 5])
    }

    @Test func liveKnobReachesEveryRunWithoutRestarting() throws {
        let live = try LiveCell(try cell())
        live.train(steps: 4)
        try live.set(.lr, to: .number(0.01))
        #expect(live.step == 4, "a live knob keeps the training going")
        #expect(live.runs.allSatisfy { $0.trainer.config.optimizer.lr == 0.01 })
    }

    /// Issue 16.3: the run before a restart stays as a faint `before` line in the loss panel.
    @Test func aRestartLeavesTheOldLossCurveAsAGhost() throws {
        let nb = Notebook(lessons: try Fixtures.load(["01-starts.md": Self.twoStarts]), look: .unicode)
        nb.train(steps: 6)
        let live = try #require(nb.liveCell)
        #expect(live.ghost == nil)
        let before = live.runs[0].trainer.history.map(\.loss)
        _ = nb.handle(.char("r"))
        #expect(live.ghost?.losses == before, "the old curve, step by step")
        #expect(live.ghost?.steps.count == 6)
        nb.train(steps: 2)
        #expect(nb.frame(width: 120, height: 40).description.contains("before"), "its legend names it")
    }

    /// 01 p2's claim about the coarse run is about its k: the param panel draws every
    /// run's parameters, each in its run's stroke.
    @Test func theParamPanelDrawsEachRunsParameters() throws {
        let text = Self.twoStarts.replacingOccurrences(of: "panels: [loss]", with: "panels: [param]")
        let nb = Notebook(lessons: try Fixtures.load(["01-starts.md": text]), look: .unicode)
        nb.train(steps: 3)
        let frame = nb.frame(width: 200, height: 60).description
        #expect(frame.contains("k other-start") && frame.contains("k faster"), "\(frame)")
    }
}
