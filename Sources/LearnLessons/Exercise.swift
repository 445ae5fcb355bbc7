/// A goal a student reaches by turning a cell's knobs (`exercise:`): the goal lines are
/// tested on the student's own run once it has trained its steps. `learn check` proves
/// the exercise is fair: the cell as written misses the goal, the solution's knob
/// settings reach it.
public struct Exercise: Sendable, Equatable {
    /// What to do, in a sentence.
    public var task: String
    /// Expect lines on the cell's own run, all of which must hold.
    public var goal: [Expectation]
    /// Knob settings that reach the goal, in the order written.
    public var solution: [KnobSetting]
    /// The `exercise:` key.
    public var location: SourceLocation

    public init(task: String, goal: [Expectation], solution: [KnobSetting], location: SourceLocation) {
        self.task = task
        self.goal = goal
        self.solution = solution
        self.location = location
    }

    /// Whether measured values (by goal line; nil when not measurable) meet every line.
    public func isMet(_ measured: [Double?]) -> Bool {
        zip(goal, measured).allSatisfy { line, value in value.map(line.holds) ?? false }
    }
}

/// One knob turned to one value.
public struct KnobSetting: Sendable, Equatable {
    public var knob: KnobName
    public var value: KnobValue

    public init(knob: KnobName, value: KnobValue) {
        self.knob = knob
        self.value = value
    }
}
