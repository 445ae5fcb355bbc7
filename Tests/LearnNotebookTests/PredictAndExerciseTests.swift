import LearnLessons
import LearnNotebook
import Testing

/// A cell's `predict:` question gates its run; its `exercise:` is proved fair by `check`
/// and marked solved when the student's run meets the goal.
@Suite struct PredictAndExerciseTests {
    /// Y = kX from k = 0 at lr 0.001 ends near k ≈ 0.9 after 30 steps; at lr 0.01 it
    /// reaches 1.
    static func lesson(exercise: String = "{task: Make k reach 1., goal: [k > 0.99], solution: {lr: 0.01}}",
                       knobs: String = "{lr: [0.0001, 0.1]}",
                       predict: String = "{ask: Will k reach 1 in 30 steps?, choices: [Yes, No], answer: 2, explain: Each step is small.}") -> String {
        """
        ---
        learn: 1
        id: kx
        title: Y = kX
        summary: One weight learns a slope.
        minutes: 2
        ---

        ## Walk

        ```model
        id: walk
        model: kx
        data: line
        rule: gradient
        optimizer: {name: sgd, lr: 0.001}
        steps: 30
        panels: [param, loss]
        knobs: \(knobs)
        exercise: \(exercise)
        \(predict.isEmpty ? "" : "predict: " + predict)
        ```
        """
    }

    static func load(_ text: String) -> LoadResult {
        LessonLoader.load(text: text, path: "01-kx.md")
    }

    @Test func aCellCarriesItsPredictionAndExercise() throws {
        let cell = try #require(Self.load(Self.lesson()).lesson?.modelCells.first)
        #expect(cell.predict?.id == "walk-predict")
        #expect(cell.predict?.answer == 2)
        #expect(cell.exercise?.task == "Make k reach 1.")
        #expect(cell.exercise?.goal.map(\.text) == ["k > 0.99"])
        #expect(cell.exercise?.solution == [KnobSetting(knob: .lr, value: .number(0.01))])
    }

    @Test(arguments: [
        ("{task: t, goal: [k > 0.99], solution: {momentum: 0.9}}", "{lr: [0.0001, 0.1]}", Rule.danglingRef, "not a knob of this cell"),
        ("{task: t, goal: [k > 0.99], solution: {lr: 5}}", "{lr: [0.0001, 0.1]}", Rule.outOfRange, "outside the knob's range"),
        ("{task: t, goal: [k > 0.99], solution: {lr: 0.01}}", "{}", Rule.missingKey, "needs knobs"),
        ("{task: t, goal: [], solution: {lr: 0.01}}", "{lr: [0.0001, 0.1]}", Rule.badValue, "at least one expect line"),
        ("{task: t, goal: [k > 0.99]}", "{lr: [0.0001, 0.1]}", Rule.missingKey, "needs `solution:`"),
        ("{task: t, goal: [k > 0.99], solution: {lr: 0.01}, hint: x}", "{lr: [0.0001, 0.1]}", Rule.unknownKey, "unknown key `hint`"),
    ])
    func aBrokenExerciseIsAnErrorAtItsLine(exercise: String, knobs: String, rule: Rule, message: String) {
        let result = Self.load(Self.lesson(exercise: exercise, knobs: knobs))
        let found = result.diagnostics.first { $0.rule == rule }
        #expect(found?.message.contains(message) == true, "\(result.diagnostics.map(\.message))")
        #expect(found?.location.line == 20, "points at the exercise line")
        #expect(result.lesson == nil)
    }

    @Test func aPredictionNeedsAnAnswerAmongItsChoices() {
        let result = Self.load(Self.lesson(predict: "{ask: Will it?, choices: [Yes, No], answer: 3}"))
        #expect(result.diagnostics.contains { $0.rule == .quizAnswer }, "\(result.diagnostics.map(\.message))")
    }

    @Test func checkProvesAnExerciseFair() throws {
        let fair = try #require(Self.load(Self.lesson()).lesson)
        let report = Check.run([fair])
        let exercise = report.outcomes.filter { $0.expectation.hasPrefix("exercise:") }
        #expect(exercise.count == 2)
        #expect(exercise.allSatisfy { $0.passed }, "\(exercise.map(\.message))")

        let tooEasy = try #require(Self.load(Self.lesson(exercise: "{task: t, goal: [k > 0.5], solution: {lr: 0.01}}")).lesson)
        let easy = Check.run([tooEasy]).outcomes.filter { !$0.passed }
        #expect(easy.count == 1 && easy[0].message.contains("already meets the goal"), "\(easy.map(\.message))")

        let wrong = try #require(Self.load(Self.lesson(exercise: "{task: t, goal: [k > 0.99], solution: {lr: 0.0015}}")).lesson)
        let unsolved = Check.run([wrong]).outcomes.filter { !$0.passed }
        #expect(unsolved.count == 1 && unsolved[0].message.contains("not solved by lr = 0.0015"), "\(unsolved.map(\.message))")
    }

    @Test func theRunWaitsForThePredictionAndTheAnswerShowsWhenItEnds() throws {
        let nb = Notebook(lessons: [try #require(Self.load(Self.lesson()).lesson)], look: .unicode)
        #expect(!nb.isTraining, "a cell with a prediction waits for the answer")
        #expect(nb.frame(width: 120, height: 40).description.contains("Predict first: Will k reach 1 in 30 steps?"))
        _ = nb.handle(.char(" "))
        _ = nb.handle(.char("s"))
        #expect(nb.liveCell?.step == 0)
        #expect(nb.state.message?.contains("predict first") == true)
        _ = nb.handle(.char("1"))
        #expect(nb.isTraining, "the answer starts the run")
        #expect(nb.state.answers["kx/walk-predict"] == 1)
        #expect(!nb.frame(width: 120, height: 60).description.contains("Each step"), "no explanation before the run ends")
        nb.train(steps: 30)
        let after = nb.frame(width: 120, height: 60).description
        #expect(after.contains("Not what happened"))
        #expect(after.contains("Each step"))
        for _ in 0..<10 { _ = nb.handle(.char(",")) }  // back to an earlier step: the verdict stays
        #expect(nb.liveCell?.isRewound == true)
        #expect(nb.frame(width: 120, height: 60).description.contains("Not what happened"))
    }

    @Test func anExerciseIsSolvedWhenTheStudentsRunMeetsTheGoal() throws {
        let nb = Notebook(lessons: [try #require(Self.load(Self.lesson(predict: "")).lesson)], look: .unicode)
        nb.train(steps: 30)
        #expect(nb.state.solved.isEmpty, "the cell as written misses the goal")
        #expect(nb.frame(width: 120, height: 60).description.contains("Not yet"))
        _ = nb.handle(.char("k"))
        for _ in 0..<10 { _ = nb.handle(.right) }   // 0.001 → 0.0012 → … → 0.01
        _ = nb.handle(.escape)
        #expect(nb.liveCell?.value(of: .lr) == .number(0.01))
        _ = nb.handle(.char("r"))
        nb.train(steps: 30)
        #expect(nb.state.solved == ["kx/walk"])
        #expect(nb.frame(width: 120, height: 60).description.contains("✓ Solved"))
    }

    /// Before the run's first step a goal reads no value and no mark: `diverged == 0` is
    /// true of an untrained model, and a ✓ there would say the exercise is half done.
    @Test func aGoalHasNoMarkBeforeTheFirstStep() throws {
        let text = Self.lesson(exercise: "{task: t, goal: [diverged == 0, k > 0.99], solution: {lr: 0.01}}", predict: "")
        let nb = Notebook(lessons: [try #require(Self.load(text).lesson)], look: .unicode)
        let before = nb.frame(width: 120, height: 60).description
        #expect(before.contains("goal diverged == 0 — now n/a ·"), "\(before)")
        nb.train(steps: 5)
        let after = nb.frame(width: 120, height: 60).description
        #expect(after.contains("goal diverged == 0 — now 0 ✓"), "\(after)")
    }
}
