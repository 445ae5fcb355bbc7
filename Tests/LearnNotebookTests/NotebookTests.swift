import LearnNotebook
import LearnRender
import Testing

@Suite struct NotebookTests {
    func notebook(_ look: Look = .unicode) throws -> Notebook {
        Notebook(lessons: try Fixtures.lessons(), look: look)
    }

    @Test func opensAtTheFirstPageAndStartsTraining() throws {
        let nb = try notebook()
        #expect(nb.state.lesson == 0 && nb.state.page == 0)
        #expect(nb.isTraining, "a fresh cell starts training when its page opens")
        let text = nb.frame(width: 120, height: 40).description
        #expect(text.contains("learn · 01 Y = kX"))
        #expect(text.contains("page 1/3"))
    }

    @Test func pagingAndLessonKeys() throws {
        let nb = try notebook()
        _ = nb.handle(.right)
        #expect(nb.state.page == 1)
        _ = nb.handle(.char("p"))
        #expect(nb.state.page == 0)
        _ = nb.handle(.char("G"))
        #expect(nb.state.page == 2)
        _ = nb.handle(.char("n"))
        #expect(nb.state.lesson == 1 && nb.state.page == 0, "next page past the end opens the next lesson")
        _ = nb.handle(.char("["))
        #expect(nb.state.lesson == 0)
        _ = nb.handle(.char("]"))
        _ = nb.handle(.char("]"))
        #expect(nb.state.lesson == 1, "] stops at the last lesson")
        #expect(nb.handle(.char("q")) == .quit)
    }

    @Test func contentsOverlayOpensALesson() throws {
        let nb = try notebook()
        _ = nb.handle(.char("t"))
        #expect(nb.frame(width: 100, height: 30).description.contains("The perceptron"))
        _ = nb.handle(.down)
        _ = nb.handle(.enter)
        #expect(nb.state.lesson == 1)
        #expect(nb.state.overlay == nil)
    }

    @Test func singleStepAndResetAndTickStopAtTheBudget() throws {
        let nb = try notebook()
        _ = nb.handle(.char(" "))
        #expect(!nb.isTraining)
        _ = nb.handle(.char("s"))
        _ = nb.handle(.char("s"))
        #expect(nb.liveCell?.step == 2)
        _ = nb.handle(.char("r"))
        #expect(nb.liveCell?.step == 0)
        #expect(nb.isTraining, "r restarts and runs")
        var now: UInt64 = 1_000_000_000
        for _ in 0..<200 where nb.isTraining {
            now += 1_000_000_000
            nb.tick(now: now, budgetNanoseconds: .max / 4, clock: { now })
        }
        #expect(nb.liveCell?.step == 30, "stops at the cell's 30 steps")
        #expect(!nb.isTraining)
        #expect(nb.frame(width: 120, height: 40).description.contains("done  step 30/30"))
    }

    @Test func spaceOnAFinishedRunGoesOnForAnotherBudget() throws {
        let nb = try notebook()
        nb.train(steps: 30)
        #expect(nb.frame(width: 120, height: 40).description.contains("done  step 30/30"))
        _ = nb.handle(.char(" "))
        #expect(nb.isTraining, "space on a finished run continues it")
        #expect(nb.frame(width: 120, height: 40).description.contains("step 30/60"))
        _ = nb.handle(.char(" "))
        _ = nb.handle(.char("s"))
        #expect(nb.frame(width: 120, height: 40).description.contains("step 31/60"))
    }

    /// `s` on a finished run goes on as `space` does: another budget, said in the status.
    @Test func stepPastTheBudgetGoesOnForAnotherBudget() throws {
        let nb = try notebook()
        nb.train(steps: 30)
        _ = nb.handle(.char("s"))
        let frame = nb.frame(width: 120, height: 40).description
        #expect(frame.contains("step 31/60") && frame.contains("going on for another 30 steps"), "never step 31/30")
    }

    @Test func shortRunsOpenAtAWatchablePace() throws {
        // The fixture's first cell has 30 steps: 5 steps/s makes it last 6 seconds.
        let nb = try notebook()
        #expect(Speed.stepsPerSecond(nb.state.speed) == 5)
        #expect(nb.frame(width: 120, height: 40).description.contains("pace ≤5 steps/s"))
        #expect(Speed.stepsPerSecond(Speed.pace(forSteps: 10)) == 2)
        #expect(Speed.stepsPerSecond(Speed.pace(forSteps: 40)) == 5)
        #expect(Speed.stepsPerSecond(Speed.pace(forSteps: 1500)) == 100, "long runs keep the default")
        #expect(Speed.stepsPerSecond(Speed.pace(forSteps: 1)) == 1)
    }

    @Test func aWrongQuizAnswerCanBeTriedAgainAndTheRecordKeepsTheFirst() throws {
        let nb = try notebook()
        _ = nb.handle(.char("G"))
        _ = nb.handle(.char("2"))
        #expect(nb.frame(width: 120, height: 40).description.contains("try again"))
        _ = nb.handle(.char("1"))
        let text = nb.frame(width: 120, height: 40).description
        #expect(text.contains("Right."))
        #expect(nb.state.answers["kx/slope"] == 2, "the record keeps the first answer")
        _ = nb.handle(.char("2"))
        #expect(nb.state.attempts["kx/slope"] == 1, "a quiz answered right takes no more answers")
    }

    @Test func knobsChangeTheLearningRateLive() throws {
        let nb = try notebook()
        _ = nb.handle(.char("k"))
        #expect(nb.state.overlay == .knobs)
        #expect(nb.frame(width: 120, height: 40).description.contains("lr"))
        _ = nb.handle(.right)
        let lr = try #require(nb.liveCell?.main.config.optimizer.lr)
        #expect(abs(lr - 0.0012) < 1e-9, "→ moves lr to the next round value, got \(lr)")
        _ = nb.handle(.escape)
        #expect(nb.state.overlay == nil)
    }

    @Test func quizAnswerShowsTheExplanation() throws {
        let nb = try notebook()
        _ = nb.handle(.char("G"))
        #expect(nb.frame(width: 120, height: 40).description.contains("Press 1-2 to answer") ||
                nb.frame(width: 120, height: 40).description.contains("Press 1–2 to answer"))
        _ = nb.handle(.char("2"))
        #expect(nb.state.answers["kx/slope"] == 2)
        let text = nb.frame(width: 120, height: 40).description
        #expect(text.contains("Not quite"))
        #expect(text.contains("Y = X, so k = 1."))
    }

    @Test func hintsAreRevealedOneByOne() throws {
        let nb = try notebook()
        #expect(!nb.frame(width: 120, height: 40).description.contains("Watch k"))
        _ = nb.handle(.char("h"))
        #expect(nb.frame(width: 120, height: 40).description.contains("Watch k in the param panel."))
    }

    @Test func divergenceShowsABannerNotNumbers() throws {
        let nb = try notebook()
        _ = nb.handle(.right)
        nb.train(steps: 200)
        let divergence = try #require(nb.liveCell?.divergence)
        #expect(divergence.step < 200)
        let text = nb.frame(width: 120, height: 40).description
        #expect(text.contains("diverged in step ") && text.contains("showing step ") && text.contains("r resets"))
        #expect(!text.contains("nan") && !text.contains("NaN loss"))
        _ = nb.handle(.char("r"))
        #expect(nb.liveCell?.divergence == nil)
    }

    @Test func tooSmallTerminalSaysSo() throws {
        let nb = try notebook()
        let grid = nb.frame(width: 30, height: 8)
        #expect(grid.width == 30 && grid.height == 8)
        #expect(grid.description.contains("too small"))
        #expect(grid.description.contains("need 60×16"))
    }

    @Test func narrowTerminalTogglesTextAndPanels() throws {
        let nb = try notebook()
        let text = nb.frame(width: 70, height: 20).description
        #expect(text.contains("k walks toward 1."))
        _ = nb.handle(.tab)
        let panels = nb.frame(width: 70, height: 20).description
        #expect(!panels.contains("k walks toward 1."))
        #expect(panels.contains("loss"))
    }

    @Test func sameKeysGiveTheSameFrames() throws {
        let a = try notebook(.unicode), b = try notebook(.unicode)
        for nb in [a, b] {
            _ = nb.handle(.char(" "))
            for _ in 0..<7 { _ = nb.handle(.char("s")) }
        }
        #expect(a.frame(width: 200, height: 60) == b.frame(width: 200, height: 60))
    }

    /// A hint revealed below the fold scrolls into view (80×24, text pane).
    @Test func aRevealedHintScrollsIntoView() throws {
        let nb = try notebook()
        _ = nb.frame(width: 60, height: 16)
        #expect(!nb.frame(width: 60, height: 16).description.contains("Hint:"))
        _ = nb.handle(.char("h"))
        #expect(nb.frame(width: 60, height: 16).description.contains("Hint:"))
        _ = nb.handle(.up)
        _ = nb.handle(.char("j"))
        #expect(nb.frame(width: 60, height: 16).description.contains("Hint:"), "scrolling stays within the page")
    }
}
